import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { hashPassword, verifyPassword } from "../../passwords";
import { commonPasswords } from "../../common-passwords";
import { normalizeIp } from "../../client-ip";
import type { Result } from "../result";
import { endSessionsOf, type SessionMeta } from "../sessions/sessions";
import { accountKey, recordAttempt } from "../sign-in-throttle";
import { isRole } from "@/domain/access/permissions";
import { passwordProblems } from "@/domain/passwords/password-rules";
import type { ChangePasswordInput } from "@/lib/validation/password";

const WRONG = "That is not your current password.";

type PasswordHolder = { id: string; name: string; email: string; organizationId: string; passwordHash: string };

/**
 * A signed-in person proves they are the account's owner by typing the current password before
 * a change that could take the account over (a new password, a first authenticator). Every try
 * goes through the sign-in throttle, right or wrong: while it is locked even the right password
 * is refused, so guessing from a borrowed session cannot get past the lock. Refusals are audited.
 */
export async function proveCurrentPassword(
  user: PasswordHolder,
  password: string,
  refusedAction: string,
  meta: SessionMeta,
  now: Date,
): Promise<Result<null>> {
  const currentOk = await verifyPassword(user.passwordHash, password);
  const ip = normalizeIp(meta.ip);
  const gate = await db().$transaction(async (tx) => {
    const g = await recordAttempt(tx, accountKey(user.email), ip, meta.userAgent ?? null, currentOk, now);
    if (g.blocked || !currentOk) {
      await appendAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, label: user.name },
        action: refusedAction,
        entityType: "User",
        entityId: user.id,
        changes: { reason: g.blocked ? "throttled" : "wrong_current_password" },
        requestId: meta.requestId ?? null,
        ip,
        at: now,
      });
    }
    return g;
  });
  if (!gate.blocked && currentOk) return { ok: true, value: null };
  const message = gate.blocked ? "Too many wrong passwords from here. Try again later." : WRONG;
  return { ok: false, code: "REFUSED", message, fieldErrors: { currentPassword: [message] } };
}

/**
 * A signed-in person changes their own password. The current one is required and checked like
 * a sign-in (a wrong one counts towards the same throttle, so a borrowed session cannot guess
 * it); on success every other session of theirs ends. Audited; the passwords never are.
 */
export async function changeOwnPassword(
  userId: string,
  sessionId: string,
  input: ChangePasswordInput,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<Result<null>> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true, organizationId: true, passwordHash: true },
  });
  if (!user || !user.active || !isRole(user.role))
    return { ok: false, code: "REFUSED", message: "Your session has ended. Sign in again." };
  const proven = await proveCurrentPassword(user, input.currentPassword, "user.password_change_refused", meta, now);
  if (!proven.ok) return proven;
  const audit = {
    organizationId: user.organizationId,
    actor: { id: user.id, label: user.name },
    entityType: "User",
    entityId: user.id,
    requestId: meta.requestId ?? null,
    ip: normalizeIp(meta.ip),
    at: now,
  };
  const problems = passwordProblems(
    input.newPassword,
    { role: user.role, email: user.email, name: user.name },
    commonPasswords(),
  );
  if (problems.length)
    return {
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Choose another password.",
      fieldErrors: { newPassword: problems },
    };
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.passwordToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    const sessionsEnded = await endSessionsOf(user.id, "password_changed", sessionId, { tx, now });
    await appendAudit(tx, { ...audit, action: "user.password_changed", changes: { sessionsEnded } });
  });
  return { ok: true, value: null };
}
