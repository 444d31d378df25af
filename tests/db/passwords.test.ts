import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startPasswordReset } from "@/server/services/passwords/start-password-reset";
import { inspectPasswordToken, setPasswordWithToken } from "@/server/services/passwords/set-password-with-token";
import { changeOwnPassword } from "@/server/services/passwords/change-own-password";
import { signInWithPassword } from "@/server/services/sign-in";
import { FIXTURE_PASSWORD, makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";

const ORIGIN = "https://warden.example";
const NEW_PASSWORD = "plum orchard at dusk";
const tokenOf = (link: string | null) => link!.slice(`${ORIGIN}/reset/`.length);
const openSession = (userId: string) =>
  db()
    .session.create({
      data: { userId, expiresAt: new Date(Date.now() + 3600_000), idleTimeoutS: 1800 },
      select: { id: true },
    })
    .then((s) => s.id);
const openSessions = (userId: string) => db().session.count({ where: { userId, revokedAt: null } });

async function resetLink(adminId: string, userId: string) {
  const started = await startPasswordReset(await ctxFor(adminId), { userId }, ORIGIN);
  if (!started.ok) throw new Error(started.message);
  return started.value;
}

describe("an administrator's password reset link", () => {
  it("works once: sets the password, ends every session of the person, and is audited without the link", async () => {
    const t = await makeTenant();
    await openSession(t.analyst.id);
    await openSession(t.analyst.id);
    const started = await resetLink(t.admin.id, t.analyst.id);
    expect(started).toMatchObject({
      emailed: false,
      link: expect.stringMatching(/^https:\/\/warden\.example\/reset\/[\w-]{43}$/),
    });
    const token = tokenOf(started.link);
    // the old password works until the link is used
    expect(await signInWithPassword({ email: t.analyst.email, password: FIXTURE_PASSWORD })).not.toBeNull();
    expect(await inspectPasswordToken(token)).toMatchObject({ ok: true, purpose: "RESET", role: "ANALYST" });

    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD }, { ip: "203.0.113.50" })).toEqual({
      ok: true,
      value: { email: t.analyst.email },
    });
    expect(await openSessions(t.analyst.id)).toBe(0);
    expect(await signInWithPassword({ email: t.analyst.email, password: FIXTURE_PASSWORD })).toBeNull();
    expect(await signInWithPassword({ email: t.analyst.email, password: NEW_PASSWORD })).not.toBeNull();

    // a second use is refused with a clear message, and changes nothing
    const again = await setPasswordWithToken({ token, password: "another fine passphrase" });
    expect(again).toMatchObject({ ok: false, code: "REFUSED", message: expect.stringContaining("already been used") });
    expect(await signInWithPassword({ email: t.analyst.email, password: NEW_PASSWORD })).not.toBeNull();

    const events = await db().auditEvent.findMany({
      where: { organizationId: t.org.id, entityId: t.analyst.id, action: { startsWith: "user.password" } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["user.password_reset_started", t.admin.id],
      ["user.password_reset_completed", t.analyst.id],
    ]);
    expect(events[1]!.changes).toEqual({ sessionsEnded: 2 });
    expect(JSON.stringify(events)).not.toContain(token);
    const stored = await db().passwordToken.findFirstOrThrow({ where: { userId: t.analyst.id } });
    expect(stored.tokenHash).not.toContain(token);
  });

  it("expires after an hour; a newer link replaces an older one", async () => {
    const t = await makeTenant();
    const first = tokenOf((await resetLink(t.admin.id, t.manager.id)).link);
    const second = tokenOf((await resetLink(t.admin.id, t.manager.id)).link);
    expect(await inspectPasswordToken(first)).toMatchObject({
      ok: false,
      message: expect.stringContaining("not valid"),
    });
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await inspectPasswordToken(second, later)).toMatchObject({
      ok: false,
      message: expect.stringContaining("expired"),
    });
    expect(await setPasswordWithToken({ token: second, password: NEW_PASSWORD }, {}, later)).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: expect.stringContaining("expired"),
    });
    expect(await signInWithPassword({ email: t.manager.email, password: FIXTURE_PASSWORD })).not.toBeNull();
  });

  it("refuses malformed tokens with a clear message, never throwing", async () => {
    for (const token of [
      "",
      "abc",
      "x".repeat(43).replace("x", "/"),
      "a".repeat(44),
      "../../etc/passwd",
      "%00",
      "a".repeat(5000),
      null,
      42,
    ]) {
      expect(await inspectPasswordToken(token)).toMatchObject({
        ok: false,
        message: expect.stringContaining("not valid"),
      });
    }
    expect(await setPasswordWithToken({ token: "A".repeat(43), password: NEW_PASSWORD })).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
  });

  it("applies the password rules of the person's role", async () => {
    const t = await makeTenant();
    const second = await db().user.create({
      data: {
        organizationId: t.org.id,
        email: `admin2-${t.org.slug}@fixture.test`,
        name: "Second Admin",
        role: "ADMIN",
        passwordHash: "x",
      },
    });
    const token = tokenOf((await resetLink(t.admin.id, second.id)).link);
    expect(await setPasswordWithToken({ token, password: "plum orchard" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.stringContaining("at least 15")] },
    });
    expect(await setPasswordWithToken({ token, password: "qwerty1234567890" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.stringContaining("common")] },
    });
    expect(await inspectPasswordToken(token)).toMatchObject({ ok: true }); // refused input does not spend the link
    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("only for others in the administrator's own organization", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    expect(await startPasswordReset(await ctxFor(t.admin.id), { userId: t.admin.id }, ORIGIN)).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect(await startPasswordReset(await ctxFor(t.admin.id), { userId: other.analyst.id }, ORIGIN)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await startPasswordReset(await ctxFor(t.manager.id), { userId: t.analyst.id }, ORIGIN)).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect(
      await db().passwordToken.count({ where: { userId: { in: [t.admin.id, other.analyst.id, t.analyst.id] } } }),
    ).toBe(0);
  });
});

describe("changing one's own password", () => {
  it("needs the current password (a wrong one counts as a failed sign-in); success ends the other sessions only", async () => {
    const t = await makeTenant();
    const current = await openSession(t.contactA.id);
    await openSession(t.contactA.id);
    const meta = { ip: "203.0.113.77" };
    const wrong = await changeOwnPassword(
      t.contactA.id,
      current,
      { currentPassword: "not it", newPassword: NEW_PASSWORD },
      meta,
    );
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await db().signInAttempt.count({ where: { ip: "203.0.113.77", outcome: "FAILURE" } })).toBe(1);
    expect(
      await changeOwnPassword(
        t.contactA.id,
        current,
        { currentPassword: FIXTURE_PASSWORD, newPassword: "short" },
        meta,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.stringContaining("at least 12")] } });
    expect(await openSessions(t.contactA.id)).toBe(2);

    expect(
      await changeOwnPassword(
        t.contactA.id,
        current,
        { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD },
        meta,
      ),
    ).toEqual({ ok: true, value: null });
    const open = await db().session.findMany({
      where: { userId: t.contactA.id, revokedAt: null },
      select: { id: true },
    });
    expect(open).toEqual([{ id: current }]);
    expect(await signInWithPassword({ email: t.contactA.email, password: NEW_PASSWORD })).not.toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.contactA.id, action: "user.password_changed" },
    });
    expect(audit.changes).toEqual({ sessionsEnded: 1 });
  });

  it("refuses even the right current password while guessing from that address is locked", async () => {
    const t = await makeTenant();
    const current = await openSession(t.contactA.id);
    const meta = { ip: "203.0.113.78" };
    for (let i = 0; i < 6; i++)
      await changeOwnPassword(
        t.contactA.id,
        current,
        { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD },
        meta,
      );
    const right = await changeOwnPassword(
      t.contactA.id,
      current,
      { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD },
      meta,
    );
    expect(right).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["Too many wrong passwords from here. Try again later."] },
    });
    expect(await signInWithPassword({ email: t.contactA.email, password: NEW_PASSWORD })).toBeNull();
    const refused = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.contactA.id, action: "user.password_change_refused" },
      orderBy: { seq: "desc" },
    });
    expect(refused.changes).toEqual({ reason: "throttled" });
  });
});
