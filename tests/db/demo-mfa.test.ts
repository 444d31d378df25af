import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { openSecret } from "@/server/mfa/secret-box";
import { startSession } from "@/server/services/sessions/sessions";
import { proveSecondFactor } from "@/server/services/mfa/second-factor";
import { checkSession } from "@/server/data/load-session";
import { enrolDemoAuthenticators } from "../../prisma/seed-demo";
import { DEMO_USERS } from "../../prisma/demo-data";
import { demoTotpCode, demoTotpSecret } from "../../prisma/demo-totp";
import { makeTenant } from "../support/tenant-fixture";

// The demo seed's step that gives demo accounts their fixed, public authenticator secrets, run
// on a tenant of this test's own (the demo organization itself is seeded by seed-demo.test.ts).
describe("demo accounts' authenticators", () => {
  it("each account gets the secret derived from its email, so the printed codes sign it in; a second run changes nothing", async () => {
    const t = await makeTenant();
    const people = [t.admin, t.analyst, t.contactA];
    expect(
      await enrolDemoAuthenticators(
        db(),
        t.org.id,
        people.map((p) => p.email),
      ),
    ).toBe(3);
    for (const p of people) {
      const user = await db().user.findUniqueOrThrow({ where: { id: p.id } });
      expect(openSecret(user.totpSecret!, user.id)).toBe(demoTotpSecret(p.email));
    }
    const now = new Date();
    const s = await startSession(t.analyst.id, {}, now);
    expect((await checkSession({ userId: t.analyst.id, sessionId: s }, now)).status).toBe("needs_code");
    expect(
      await proveSecondFactor(s, t.analyst.id, demoTotpCode(t.analyst.email, now.getTime()), {}, now),
    ).toMatchObject({ ok: true });
    expect(
      await enrolDemoAuthenticators(
        db(),
        t.org.id,
        people.map((p) => p.email),
      ),
    ).toBe(0);
    // only within its organization
    expect(await enrolDemoAuthenticators(db(), t.org.id, [t.manager.email.replace(/^manager/, "nobody")])).toBe(0);
  });

  it("the demo secrets differ per account and are 160-bit base32", () => {
    const secrets = DEMO_USERS.map((u) => demoTotpSecret(u.email));
    expect(new Set(secrets).size).toBe(DEMO_USERS.length);
    for (const s of secrets) expect(s).toMatch(/^[A-Z2-7]{32}$/);
  });
});
