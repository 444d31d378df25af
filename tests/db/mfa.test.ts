import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkSession } from "@/server/data/load-session";
import { startSession } from "@/server/services/sessions/sessions";
import {
  confirmEnrolment,
  regenerateRecoveryCodes,
  startEnrolment,
  ENROLMENT_TTL_MS,
} from "@/server/services/mfa/enrolment";
import { MAX_WRONG_CODES, proveSecondFactor } from "@/server/services/mfa/second-factor";
import { openSecret, sealSecret } from "@/server/mfa/secret-box";
import { accountKey } from "@/server/services/sign-in-throttle";
import { totpCode } from "@/domain/mfa/totp";
import { FIXTURE_PASSWORD, makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";
import { setMfaPolicy } from "@/server/services/mfa/mfa-policy";
import { mfaPolicySchema } from "@/lib/validation/mfa";

const status = async (userId: string, sessionId: string, now = new Date()) =>
  (await checkSession({ userId, sessionId }, now)).status;
const actions = async (userId: string) =>
  (await db().auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { seq: "asc" } })).map(
    (e) => e.action,
  );

/** An analyst enrolled through the real enrolment at `t0`; returns the secret their app would hold. */
async function enrolledAnalyst(t0: Date) {
  const t = await makeTenant();
  const s = await startSession(t.analyst.id, {}, t0);
  expect(await status(t.analyst.id, s, t0)).toBe("needs_enrolment");
  const pending = startEnrolment(s, t0);
  const done = await confirmEnrolment(
    s,
    t.analyst.id,
    { sealed: pending.sealed, code: totpCode(pending.secret, t0.getTime()) },
    {},
    t0,
  );
  if (!done.ok) throw new Error(done.message);
  return { t, secret: pending.secret, recoveryCodes: done.value.recoveryCodes, enrolSession: s };
}

describe("TOTP enrolment and the second sign-in step", () => {
  it("enrols with a first code: the secret is stored sealed, ten recovery codes hashed, the session complete", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, secret, recoveryCodes, enrolSession } = await enrolledAnalyst(t0);
    expect(await status(t.analyst.id, enrolSession, t0)).toBe("complete");
    const user = await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } });
    expect(user.totpSecret).toMatch(/^v1\./);
    expect(user.totpSecret).not.toContain(secret);
    expect(openSecret(user.totpSecret!, t.analyst.id)).toBe(secret);
    expect(openSecret(user.totpSecret!, t.manager.id)).toBeNull(); // bound to its user
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db().recoveryCode.findMany({ where: { userId: t.analyst.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash).join()).not.toContain(recoveryCodes[0]!.replace(/-/g, ""));
    expect(await actions(t.analyst.id)).toEqual(["user.mfa_enrolled"]);
  });

  it("refuses an enrolment with a wrong code, an expired or tampered page secret, or another session's", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const t = await makeTenant();
    const s = await startSession(t.analyst.id, {}, t0);
    const other = await startSession(t.analyst.id, {}, t0);
    const p = startEnrolment(s, t0);
    const code = totpCode(p.secret, t0.getTime());
    expect(await confirmEnrolment(s, t.analyst.id, { sealed: p.sealed, code: "000000" }, {}, t0)).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringMatching(/not right/)] },
    });
    expect(await confirmEnrolment(s, t.analyst.id, { sealed: p.sealed, code: "12" }, {}, t0)).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringMatching(/6-digit/)] },
    });
    const late = new Date(t0.getTime() + ENROLMENT_TTL_MS + 1000);
    expect(
      await confirmEnrolment(s, t.analyst.id, { sealed: p.sealed, code: totpCode(p.secret, late.getTime()) }, {}, late),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(
      await confirmEnrolment(s, t.analyst.id, { sealed: p.sealed.slice(0, -2) + "AA", code }, {}, t0),
    ).toMatchObject({ ok: false, code: "REFUSED" });
    expect(await confirmEnrolment(other, t.analyst.id, { sealed: p.sealed, code }, {}, t0)).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect(await confirmEnrolment(s, t.manager.id, { sealed: p.sealed, code }, {}, t0)).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).totpSecret).toBeNull();
  });

  it("the next sign-in owes a code; the right one completes it, the same one again is a replay", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, secret } = await enrolledAnalyst(t0);
    const later = new Date(t0.getTime() + 120_000);
    const a = await startSession(t.analyst.id, {}, later);
    const b = await startSession(t.analyst.id, {}, later);
    expect(await status(t.analyst.id, a, later)).toBe("needs_code");
    const code = totpCode(secret, later.getTime());
    expect(await proveSecondFactor(a, t.analyst.id, code, {}, later)).toEqual({
      ok: true,
      value: { method: "totp", recoveryCodesLeft: 10 },
    });
    expect(await status(t.analyst.id, a, later)).toBe("complete");
    const replay = await proveSecondFactor(b, t.analyst.id, code, {}, new Date(later.getTime() + 5000));
    expect(replay).toMatchObject({ ok: false, code: "REFUSED", message: expect.stringMatching(/already been used/) });
    expect(await status(t.analyst.id, b, later)).toBe("needs_code");
    // the session that is already complete cannot be "verified" again
    expect(
      await proveSecondFactor(a, t.analyst.id, totpCode(secret, later.getTime() + 30_000), {}, later),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/ended/) });
    expect((await actions(t.analyst.id)).slice(1)).toEqual(["auth.mfa_verified", "auth.mfa_failed"]);
    const failed = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.analyst.id, action: "auth.mfa_failed" },
    });
    expect(failed.changes).toMatchObject({ reason: "replayed", failures: 0 });
  });

  it(`${MAX_WRONG_CODES} wrong or malformed codes end the session and count as a failed sign-in`, async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, secret } = await enrolledAnalyst(t0);
    const s = await startSession(t.analyst.id, { ip: "198.51.100.4" }, t0);
    const other = await startSession(t.analyst.id, {}, t0);
    const typed = ["000000", "abc", "12345", "999999", "000001"];
    for (const [i, code] of typed.entries()) {
      const r = await proveSecondFactor(s, t.analyst.id, code, { ip: "198.51.100.4" }, t0);
      expect(r.ok).toBe(false);
      if (i < typed.length - 1) expect(await status(t.analyst.id, s, t0)).toBe("needs_code");
      else expect(r).toMatchObject({ message: "Too many wrong codes. Sign in again." });
    }
    expect(await status(t.analyst.id, s, t0)).toBe("revoked");
    expect(await status(t.analyst.id, other, t0)).toBe("needs_code"); // a guesser cannot end the owner's other sign-ins
    // even the right code is refused now: start again from the password
    expect(await proveSecondFactor(s, t.analyst.id, totpCode(secret, t0.getTime() + 30_000), {}, t0)).toMatchObject({
      ok: false,
    });
    const failed = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.analyst.id, action: "auth.sign_in_failed" },
    });
    expect(failed.changes).toEqual({ reason: "mfa_failed" });
    expect(
      await db().signInAttempt.count({
        where: { accountKey: accountKey(t.analyst.email), ip: "198.51.100.4", outcome: "FAILURE" },
      }),
    ).toBe(1);
  });

  it("a recovery code works once, in any case and spacing; the person is told how many are left", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, recoveryCodes } = await enrolledAnalyst(t0);
    const a = await startSession(t.analyst.id, {}, t0);
    const typed = ` ${recoveryCodes[3]!.toLowerCase().replace(/-/g, " ")} `;
    expect(await proveSecondFactor(a, t.analyst.id, typed, {}, t0)).toEqual({
      ok: true,
      value: { method: "recovery_code", recoveryCodesLeft: 9 },
    });
    const b = await startSession(t.analyst.id, {}, t0);
    expect(await proveSecondFactor(b, t.analyst.id, recoveryCodes[3]!, {}, t0)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not right/),
    });
    const used = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.analyst.id, action: "auth.recovery_code_used" },
    });
    expect(used.changes).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("new recovery codes need a current code from the app (not a recovery code); the old ones stop working", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, secret, recoveryCodes } = await enrolledAnalyst(t0);
    const later = new Date(t0.getTime() + 60_000);
    expect(await regenerateRecoveryCodes(t.analyst.id, recoveryCodes[0]!, {}, later)).toMatchObject({ ok: false });
    expect(await regenerateRecoveryCodes(t.analyst.id, "000000", {}, later)).toMatchObject({ ok: false });
    const fresh = await regenerateRecoveryCodes(t.analyst.id, totpCode(secret, later.getTime()), {}, later);
    expect(fresh.ok && fresh.value.recoveryCodes).toHaveLength(10);
    const s = await startSession(t.analyst.id, {}, later);
    expect(await proveSecondFactor(s, t.analyst.id, recoveryCodes[1]!, {}, later)).toMatchObject({ ok: false });
  });

  it("replacing the authenticator needs a code from the current one and ends the other sessions", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, secret, enrolSession } = await enrolledAnalyst(t0);
    const other = await startSession(t.analyst.id, {}, t0);
    const later = new Date(t0.getTime() + 60_000);
    const p = startEnrolment(enrolSession, later);
    const newCode = totpCode(p.secret, later.getTime());
    expect(
      await confirmEnrolment(
        enrolSession,
        t.analyst.id,
        { sealed: p.sealed, code: newCode, currentCode: "000000" },
        {},
        later,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { currentCode: [expect.any(String)] } });
    // a session still owing its code cannot swap the authenticator
    expect(
      await confirmEnrolment(
        other,
        t.analyst.id,
        { sealed: startEnrolment(other, later).sealed, code: newCode, currentCode: totpCode(secret, later.getTime()) },
        {},
        later,
      ),
    ).toMatchObject({ ok: false, code: "REFUSED" });
    const ok = await confirmEnrolment(
      enrolSession,
      t.analyst.id,
      { sealed: p.sealed, code: newCode, currentCode: totpCode(secret, later.getTime()) },
      {},
      later,
    );
    expect(ok.ok).toBe(true);
    expect(await status(t.analyst.id, other, later)).toBe("revoked");
    expect(await status(t.analyst.id, enrolSession, later)).toBe("complete");
    expect(
      openSecret((await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).totpSecret!, t.analyst.id),
    ).toBe(p.secret);
  });

  it("a secret sealed under another key does not open (a rotated NEXTAUTH_SECRET without MFA_ENCRYPTION_KEY)", async () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "u");
    expect(openSecret(sealed, "u")).toBe("JBSWY3DPEHPK3PXP");
    expect(
      openSecret(
        sealed.replace(/^v1\.(.)/, (_m, c: string) => `v1.${c === "A" ? "B" : "A"}`),
        "u",
      ),
    ).toBeNull();
    expect(openSecret("v2.a.b.c", "u")).toBeNull();
    expect(openSecret("", "u")).toBeNull();
  });

  it("the organization chooses the roles that must use a second factor (administrators always); it applies on the next request", async () => {
    const t = await makeTenant();
    const contact = await startSession(t.contactA.id);
    const analyst = await startSession(t.analyst.id);
    expect([await status(t.contactA.id, contact), await status(t.analyst.id, analyst)]).toEqual([
      "complete",
      "needs_enrolment",
    ]);
    const policy = (roles: string[]) => mfaPolicySchema.parse({ roles });
    expect(await setMfaPolicy(await ctxFor(t.manager.id), policy([]))).toMatchObject({ ok: false, code: "REFUSED" });
    expect(() => policy(["ADMIN"])).toThrow();
    expect(await setMfaPolicy(await ctxFor(t.admin.id), policy(["MANAGER", "CLIENT_CONTACT"]))).toEqual({
      ok: true,
      value: null,
    });
    expect((await db().organization.findUniqueOrThrow({ where: { id: t.org.id } })).mfaRequiredRoles).toEqual([
      "ADMIN",
      "MANAGER",
      "CLIENT_CONTACT",
    ]);
    expect([await status(t.contactA.id, contact), await status(t.analyst.id, analyst)]).toEqual([
      "needs_enrolment",
      "complete",
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "organization.mfa_policy" },
    });
    expect(audit.changes).toEqual({
      mfaRequiredRoles: { before: ["ADMIN", "MANAGER", "ANALYST"], after: ["ADMIN", "MANAGER", "CLIENT_CONTACT"] },
    });
  });
});

describe("the account's budget of wrong codes", () => {
  it("counts wrong codes across every session, so proving the password again buys no more guesses", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t, secret } = await enrolledAnalyst(t0);
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    // ten wrong codes spread over five fresh sign-ins (two each: no session reaches its own limit)
    for (let i = 0; i < 5; i++) {
      const s = await startSession(t.analyst.id, {}, at(1 + i));
      for (let k = 0; k < 2; k++)
        expect(await proveSecondFactor(s, t.analyst.id, "000000", {}, at(1 + i))).toMatchObject({
          ok: false,
          fieldErrors: { code: [expect.stringMatching(/not right/)] },
        });
    }
    // the eleventh guess, even the right code in a new session, waits: the account's code step is locked
    const next = await startSession(t.analyst.id, {}, at(5.5));
    const locked = await proveSecondFactor(next, t.analyst.id, totpCode(secret, at(5.5).getTime()), {}, at(5.5));
    expect(locked).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Too many wrong codes for this account/),
    });
    expect(await status(t.analyst.id, next, at(5.5))).toBe("needs_code");
    expect((await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).mfaCodeFailures).toBe(10);
    // once the lock has passed the right code works and the count starts again
    const later = at(6.5);
    expect(await proveSecondFactor(next, t.analyst.id, totpCode(secret, later.getTime()), {}, later)).toMatchObject({
      ok: true,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).mfaCodeFailures).toBe(0);
  });

  it("counts and audits a wrong code when asking for new recovery codes, though the request itself is rolled back", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const { t } = await enrolledAnalyst(t0);
    const before = await db().recoveryCode.findMany({ where: { userId: t.analyst.id }, select: { codeHash: true } });
    expect(await regenerateRecoveryCodes(t.analyst.id, "000000", {}, new Date(t0.getTime() + 60_000))).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringMatching(/not right/)] },
    });
    expect(await db().recoveryCode.findMany({ where: { userId: t.analyst.id }, select: { codeHash: true } })).toEqual(
      before,
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).mfaCodeFailures).toBe(1);
    const failed = await db().auditEvent.findFirst({
      where: { entityId: t.analyst.id, action: "auth.mfa_failed" },
      orderBy: { seq: "desc" },
    });
    expect(failed?.changes).toMatchObject({ where: "recovery_codes", reason: "wrong", accountFailures: 1 });
  });
});

describe("adding a first authenticator from a signed-in session", () => {
  it("needs the current password, so a borrowed session cannot bind its own authenticator", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    const t = await makeTenant();
    const s = await startSession(t.contactA.id, {}, t0); // client contacts may opt in: the session is complete
    expect(await status(t.contactA.id, s, t0)).toBe("complete");
    const p = startEnrolment(s, t0);
    const code = totpCode(p.secret, t0.getTime());
    const meta = { ip: "203.0.113.90" };
    expect(
      await confirmEnrolment(s, t.contactA.id, { sealed: p.sealed, code }, meta, t0, { signedIn: true }),
    ).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } });
    expect(
      await confirmEnrolment(s, t.contactA.id, { sealed: p.sealed, code, currentPassword: "not it" }, meta, t0, {
        signedIn: true,
      }),
    ).toMatchObject({ ok: false, code: "REFUSED" });
    expect((await db().user.findUniqueOrThrow({ where: { id: t.contactA.id } })).totpEnabledAt).toBeNull();
    expect(await actions(t.contactA.id)).toEqual(["user.mfa_enrol_refused", "user.mfa_enrol_refused"]);
    expect(
      await confirmEnrolment(
        s,
        t.contactA.id,
        { sealed: p.sealed, code, currentPassword: FIXTURE_PASSWORD },
        meta,
        t0,
        { signedIn: true },
      ),
    ).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: t.contactA.id } })).totpEnabledAt).not.toBeNull();
  });
});
