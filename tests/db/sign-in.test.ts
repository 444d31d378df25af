import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/services/sign-in";
import { db } from "@/server/db";
import { FIXTURE_PASSWORD, makeTenant } from "../support/tenant-fixture";

const auditOf = (userId: string) =>
  db().auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { seq: "asc" } });

describe("signing in with a password", () => {
  it("accepts the right password (email in any case), records the sign-in and audits it", async () => {
    const t = await makeTenant();
    const user = await signInWithPassword(
      { email: `  ${t.analyst.email.toUpperCase()} `, password: FIXTURE_PASSWORD },
      { ip: "203.0.113.9" },
    );
    expect(user).toEqual({ id: t.analyst.id, email: t.analyst.email, name: t.analyst.name, role: "ANALYST" });
    const after = await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } });
    expect(after.lastSignInAt).not.toBeNull();
    const events = await auditOf(t.analyst.id);
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in"]);
    expect(events[0]).toMatchObject({ actorId: t.analyst.id, ip: "203.0.113.9" });
  });

  it("refuses a wrong password, an unknown email and malformed input alike, without throwing", async () => {
    const t = await makeTenant();
    expect(await signInWithPassword({ email: t.analyst.email, password: "wrong" })).toBeNull();
    expect(await signInWithPassword({ email: "nobody@fixture.test", password: FIXTURE_PASSWORD })).toBeNull();
    expect(await signInWithPassword({ email: `${"a".repeat(10_000)}@x.test`, password: "x" })).toBeNull();
    expect(await signInWithPassword({ email: "not-an-email", password: "x" })).toBeNull();
    expect(await signInWithPassword(undefined)).toBeNull();
    expect(await signInWithPassword({ email: t.analyst.email, password: "p".repeat(5000) })).toBeNull();
    const failed = await auditOf(t.analyst.id);
    expect(failed.map((e) => e.action)).toEqual(["auth.sign_in_failed"]);
    expect(failed[0]?.changes).toEqual({ reason: "wrong_password" });
  });

  it("refuses a disabled account even with the right password", async () => {
    const t = await makeTenant();
    await db().user.update({ where: { id: t.manager.id }, data: { active: false } });
    expect(await signInWithPassword({ email: t.manager.email, password: FIXTURE_PASSWORD })).toBeNull();
  });
});
