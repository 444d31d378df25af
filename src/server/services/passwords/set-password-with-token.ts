import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { hashPassword } from "../../passwords";
import { commonPasswords } from "../../common-passwords";
import { attempt, fail, type Result } from "../result";
import { endSessionsOf } from "../sessions/sessions";
import { clearFailures } from "../sign-in-throttle";
import { hashToken, TOKEN_PATTERN } from "./password-tokens";
import { isRole, type Role } from "@/domain/access/permissions";
import { passwordProblems } from "@/domain/passwords/password-rules";
import type { SetPasswordInput } from "@/lib/validation/password";

export type TokenState =
  | { ok: true; purpose: "RESET" | "INVITATION"; name: string; email: string; role: Role }
  | { ok: false; message: string };

const INVALID = "This link is not valid. Check that you copied all of it, or ask your administrator for a new one.";
const USED = "This link has already been used. Sign in with your password, or ask your administrator for a new link.";
const EXPIRED = "This link has expired. Ask your administrator for a new one.";

/** What a password link allows, or why it allows nothing (malformed, unknown, replaced, used, expired). */
export async function inspectPasswordToken(token: unknown, now = new Date()): Promise<TokenState> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return { ok: false, message: INVALID };
  const row = await db().passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, role: true, active: true } } },
  });
  if (!row || !isRole(row.user.role)) return { ok: false, message: INVALID };
  if (row.usedAt) return { ok: false, message: USED };
  if (row.expiresAt <= now) return { ok: false, message: EXPIRED };
  if (!row.user.active) return { ok: false, message: "This account cannot sign in. Ask your administrator." };
  return { ok: true, purpose: row.purpose, name: row.user.name, email: row.user.email, role: row.user.role };
}

/**
 * Sets the password a link was made for, once: the link is spent in the same transaction,
 * every session of the person ends, failed sign-ins counted against the account are cleared,
 * and the change is audited as the person's own.
 */
export async function setPasswordWithToken(input: SetPasswordInput, meta: { ip?: string | null; requestId?: string | null } = {}, now = new Date()): Promise<Result<{ email: string }>> {
  const state = await inspectPasswordToken(input.token, now);
  if (!state.ok) return { ok: false, code: "REFUSED", message: state.message };
  const problems = passwordProblems(input.password, state, commonPasswords());
  if (problems.length) return { ok: false, code: "VALIDATION_FAILED", message: "Choose another password.", fieldErrors: { password: problems } };
  const passwordHash = await hashPassword(input.password);
  return attempt(() =>
    db().$transaction(async (tx) => {
      const token = await tx.passwordToken.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { id: true, purpose: true, userId: true } });
      const spent = token ? await tx.passwordToken.updateMany({ where: { id: token.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } }) : { count: 0 };
      if (!token || !spent.count) fail("REFUSED", USED);
      const user = await tx.user.update({ where: { id: token.userId }, data: { passwordHash }, select: { id: true, name: true, email: true, organizationId: true } });
      await tx.passwordToken.deleteMany({ where: { userId: user.id, usedAt: null } });
      const sessionsEnded = await endSessionsOf(user.id, "password_changed", null, { tx, now });
      const audit = { organizationId: user.organizationId, actor: { id: user.id, label: user.name }, entityType: "User", entityId: user.id, requestId: meta.requestId ?? null, ip: meta.ip ?? null, at: now };
      await appendAudit(tx, { ...audit, action: token.purpose === "INVITATION" ? "user.invitation_accepted" : "user.password_reset_completed", changes: { sessionsEnded } });
      const failures = await clearFailures(tx, user.email);
      if (failures) await appendAudit(tx, { ...audit, action: "auth.sign_in_unlocked", changes: { scope: "account", after: "password_set", failures } });
      return { email: user.email };
    }),
  );
}
