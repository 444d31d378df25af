import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/server/db";
import { checkSession } from "@/server/data/load-session";
import { readSessionToken } from "@/server/session-token";
import {
  endAllSessions,
  endSession,
  endSessionsOf,
  startSession,
  touchSession,
} from "@/server/services/sessions/sessions";
import { resetMfa } from "@/server/services/mfa/reset-mfa";
import { updateUser } from "@/server/services/admin/users";
import { updateUserSchema } from "@/lib/validation/user";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";

const min = 60_000;
const status = async (userId: string, sessionId: string, now = new Date()) =>
  (await checkSession({ userId, sessionId }, now)).status;
/** A client contact: no second factor required, so a fresh session is complete. */
const contactSession = async (t: Awaited<ReturnType<typeof makeTenant>>, now = new Date()) =>
  startSession(t.contactA.id, { ip: "203.0.113.7", userAgent: "Firefox/140" }, now);

describe("sessions the server can end", () => {
  it("signing out ends that session only; a copied cookie is refused after it", async () => {
    const t = await makeTenant();
    const secret = process.env.NEXTAUTH_SECRET!;
    const a = await contactSession(t);
    const b = await contactSession(t);
    const cookie = await encode({ token: { sub: t.contactA.id, sid: a }, secret });
    const copy = `${cookie}`; // the same cookie, taken to another browser
    const ids = await readSessionToken(copy, secret);
    expect(ids).toEqual({ userId: t.contactA.id, sessionId: a });
    expect((await checkSession(ids)).status).toBe("complete");

    expect(await endSession(t.contactA.id, a, "signed_out")).toBe(true);
    expect((await checkSession(await readSessionToken(copy, secret))).status).toBe("revoked");
    expect(await status(t.contactA.id, b)).toBe("complete");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "auth.sign_out" },
    });
    expect(audit).toMatchObject({ actorId: t.contactA.id, entityId: a });
  });

  it("refuses a tampered cookie, one signed with another secret, one without a session id, and a session paired with another user", async () => {
    const t = await makeTenant();
    const secret = process.env.NEXTAUTH_SECRET!;
    const a = await contactSession(t);
    const cookie = await encode({ token: { sub: t.contactA.id, sid: a }, secret });
    const flipped = cookie.slice(0, -3) + (cookie.at(-3) === "A" ? "B" : "A") + cookie.slice(-2);
    expect(await readSessionToken(flipped, secret)).toBeNull();
    expect(await readSessionToken(cookie, "another-secret-another-secret-0123456789")).toBeNull();
    expect(await readSessionToken(await encode({ token: { sub: t.contactA.id }, secret }), secret)).toBeNull();
    expect(await readSessionToken("garbage", secret)).toBeNull();
    // someone else's session id in a cookie of one's own: no session
    expect(await status(t.contactB.id, a)).toBe("missing");
    expect(await status(t.contactA.id, "not-a-uuid")).toBe("missing");
  });

  it("sign out everywhere ends every session; end all others keeps this one", async () => {
    const t = await makeTenant();
    const [a, b, c] = [await contactSession(t), await contactSession(t), await contactSession(t)];
    expect(await endAllSessions(t.contactA.id, a)).toBe(2);
    expect([await status(t.contactA.id, a), await status(t.contactA.id, b), await status(t.contactA.id, c)]).toEqual([
      "complete",
      "revoked",
      "revoked",
    ]);
    expect(await endAllSessions(t.contactA.id, null)).toBe(1);
    expect(await status(t.contactA.id, a)).toBe("revoked");
    const actions = (
      await db().auditEvent.findMany({
        where: { organizationId: t.org.id, entityId: t.contactA.id },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["auth.other_sessions_ended", "auth.signed_out_everywhere"]);
  });

  it("a password change ends the person's other sessions (endSessionsOf, as the password change calls it)", async () => {
    const t = await makeTenant();
    const [kept, other] = [await contactSession(t), await contactSession(t)];
    expect(await endSessionsOf(t.contactA.id, "password_changed", kept)).toBe(1);
    expect(await status(t.contactA.id, kept)).toBe("complete");
    expect(await status(t.contactA.id, other)).toBe("revoked");
    expect(await db().session.findUniqueOrThrow({ where: { id: other } })).toMatchObject({
      revokedReason: "password_changed",
    });
  });

  it("an administrator's MFA reset ends the person's sessions; their next sign-in must enrol", async () => {
    const t = await makeTenant();
    await db().user.update({
      where: { id: t.analyst.id },
      data: { totpSecret: "v1.x.y.z", totpEnabledAt: new Date() },
    });
    await db().recoveryCode.create({ data: { userId: t.analyst.id, codeHash: "a".repeat(64) } });
    const s = await startSession(t.analyst.id);
    await db().session.update({ where: { id: s }, data: { mfaVerifiedAt: new Date() } });
    expect(await status(t.analyst.id, s)).toBe("complete");

    expect(await resetMfa(await ctxFor(t.admin.id), t.analyst.id)).toEqual({ ok: true, value: null });
    expect(await status(t.analyst.id, s)).toBe("revoked");
    expect(await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
    });
    expect(await db().recoveryCode.count({ where: { userId: t.analyst.id } })).toBe(0);
    expect(await status(t.analyst.id, await startSession(t.analyst.id))).toBe("needs_enrolment");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "user.mfa_reset" },
    });
    expect(audit).toMatchObject({
      actorId: t.admin.id,
      entityId: t.analyst.id,
      changes: { hadAuthenticator: true, recoveryCodesRemoved: 1, sessionsEnded: 1 },
    });
  });

  it("an administrator cannot reset their own MFA (refused, audited, nothing changed); nor can a manager reset anyone's", async () => {
    const t = await makeTenant();
    await db().user.update({ where: { id: t.admin.id }, data: { totpSecret: "v1.x.y.z", totpEnabledAt: new Date() } });
    const s = await startSession(t.admin.id);
    const own = await resetMfa(await ctxFor(t.admin.id), t.admin.id);
    expect(own).toMatchObject({ ok: false, code: "REFUSED" });
    expect(await db().user.findUniqueOrThrow({ where: { id: t.admin.id } })).toMatchObject({ totpSecret: "v1.x.y.z" });
    expect(await status(t.admin.id, s)).toBe("needs_code");
    expect(
      await db().auditEvent.count({
        where: { organizationId: t.org.id, action: "user.mfa_reset_refused", entityId: t.admin.id },
      }),
    ).toBe(1);
    expect(await resetMfa(await ctxFor(t.manager.id), t.admin.id)).toMatchObject({ ok: false, code: "REFUSED" });
    expect(await db().user.findUniqueOrThrow({ where: { id: t.admin.id } })).toMatchObject({ totpSecret: "v1.x.y.z" });
  });

  it("disabling a user ends their sessions at once, and enabling them again revives none", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const s = await contactSession(t);
    const off = updateUserSchema.parse({
      userId: t.contactA.id,
      role: "CLIENT_CONTACT",
      clientId: t.clientA.id,
      clientIds: [],
      active: "",
    });
    expect((await updateUser(admin, off)).ok).toBe(true);
    expect(await status(t.contactA.id, s)).toBe("revoked");
    const on = updateUserSchema.parse({
      userId: t.contactA.id,
      role: "CLIENT_CONTACT",
      clientId: t.clientA.id,
      clientIds: [],
      active: "on",
    });
    expect((await updateUser(admin, on)).ok).toBe(true);
    expect(await status(t.contactA.id, s)).toBe("revoked");
    expect(await db().session.findUniqueOrThrow({ where: { id: s } })).toMatchObject({
      revokedReason: "user_disabled",
    });
    expect(await status(t.contactA.id, await contactSession(t))).toBe("complete");
  });

  it("changing someone's role ends their sessions; a change of assignments alone does not", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const s = await startSession(t.analyst.id);
    const reassigned = updateUserSchema.parse({
      userId: t.analyst.id,
      role: "ANALYST",
      clientIds: [t.clientB.id],
      active: "on",
    });
    expect((await updateUser(admin, reassigned)).ok).toBe(true);
    expect(await status(t.analyst.id, s)).toBe("needs_enrolment");
    const promoted = updateUserSchema.parse({ userId: t.analyst.id, role: "MANAGER", clientIds: [], active: "on" });
    expect((await updateUser(admin, promoted)).ok).toBe(true);
    expect(await status(t.analyst.id, s)).toBe("revoked");
    expect(await db().session.findUniqueOrThrow({ where: { id: s } })).toMatchObject({ revokedReason: "role_changed" });
  });

  it("a user cannot raise their own role", async () => {
    const t = await makeTenant();
    const self = updateUserSchema.parse({ userId: t.analyst.id, role: "ADMIN", clientIds: [], active: "on" });
    expect(await updateUser(await ctxFor(t.analyst.id), self)).toMatchObject({ ok: false, code: "REFUSED" });
    const manager = updateUserSchema.parse({ userId: t.manager.id, role: "ADMIN", clientIds: [], active: "on" });
    expect(await updateUser(await ctxFor(t.manager.id), manager)).toMatchObject({ ok: false, code: "REFUSED" });
    expect((await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } })).role).toBe("ANALYST");
    expect((await db().user.findUniqueOrThrow({ where: { id: t.manager.id } })).role).toBe("MANAGER");
  });

  it("idles out after 30 minutes unused; a write keeps it alive, at most every few minutes; nothing passes the absolute 12 hours", async () => {
    const t = await makeTenant();
    const t0 = new Date("2026-12-02T08:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const s = await contactSession(t, t0);
    expect(await db().session.findUniqueOrThrow({ where: { id: s } })).toMatchObject({
      expiresAt: at(12 * 60 * min),
      idleTimeoutS: 1800,
    });
    expect(await status(t.contactA.id, s, at(29 * min))).toBe("complete");
    expect(await status(t.contactA.id, s, at(30 * min))).toBe("idle");

    await touchSession(s, at(1 * min)); // within the touch interval: not written
    expect((await db().session.findUniqueOrThrow({ where: { id: s } })).lastSeenAt).toEqual(t0);
    await touchSession(s, at(20 * min));
    expect(await status(t.contactA.id, s, at(45 * min))).toBe("complete");
    expect(await status(t.contactA.id, s, at(50 * min))).toBe("idle");

    // kept in use all day: still ends at 12 hours
    for (let m = 40; m < 12 * 60; m += 25) await touchSession(s, at(m * min));
    expect(await status(t.contactA.id, s, at(12 * 60 * min - min))).toBe("complete");
    expect(await status(t.contactA.id, s, at(12 * 60 * min))).toBe("expired");
    // an idle session cannot be touched back to life
    const idle = await contactSession(t, t0);
    await touchSession(idle, at(31 * min));
    expect(await status(t.contactA.id, idle, at(32 * min))).toBe("idle");
  });

  it("stores header values bounded, whatever the client sends", async () => {
    const t = await makeTenant();
    const s = await startSession(t.contactA.id, {
      ip: "x".repeat(5000),
      userAgent: `Mozilla\u0000${"y".repeat(10_000)}`,
    });
    const row = await db().session.findUniqueOrThrow({ where: { id: s } });
    expect(row.ip!.length).toBeLessThanOrEqual(64);
    expect(row.userAgent!.length).toBe(256);
    expect(row.userAgent).not.toContain("\u0000");
  });
});
