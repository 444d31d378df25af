import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { bounded, type SessionMeta } from "../sessions/sessions";
import { FACTOR_MESSAGES, spendFactor } from "./factors";
import { noteFailedSignIn } from "../sign-in-throttle";
import { clearWrongCodes, codeLockMessage, codeStepLockedUntil, countWrongCode } from "./code-budget";
import { attempt, fail, type Result } from "../result";

/** Wrong codes a session may type before it counts as a failed sign-in and ends. */
export const MAX_WRONG_CODES = 5;

type Proven = { method: "totp" | "recovery_code"; recoveryCodesLeft: number };

/**
 * The second step of signing in: a code from the authenticator (or a recovery code) completes a
 * session that has proven the password. Every attempt is audited. A wrong or malformed code
 * counts against the session; the fifth is recorded as a failed sign-in (`auth.sign_in_failed`,
 * as the password step records it, so the same throttling sees it) and ends the session: the
 * person starts again from the password. A replayed code is refused and audited but not
 * counted (it is a right code typed twice, not a guess).
 */
export async function proveSecondFactor(
  sessionId: string,
  userId: string,
  typed: string,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<Result<Proven>> {
  const outcome = await attempt(() =>
    db().$transaction(async (tx) => {
      // The session row is locked: concurrent attempts in one session are counted one by one.
      const [session] = await tx.$queryRaw<{ id: string; mfaFailures: number }[]>`
        SELECT id, "mfaFailures" FROM "Session"
        WHERE id = ${sessionId}::uuid AND "userId" = ${userId}::uuid AND "revokedAt" IS NULL AND "expiresAt" > ${now} AND "mfaVerifiedAt" IS NULL
        FOR UPDATE`;
      if (!session) fail("REFUSED", "This sign-in has ended. Sign in again.");
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { id: true, name: true, email: true, organizationId: true, totpSecret: true, totpLastStep: true },
      });
      const audit = (action: string, changes: Record<string, string | number>) =>
        appendAudit(tx, {
          organizationId: user.organizationId,
          actor:
            action === "auth.sign_in_failed" ? { id: null, label: "anonymous" } : { id: user.id, label: user.name },
          action,
          entityType: "User",
          entityId: user.id,
          changes,
          requestId: meta.requestId ?? null,
          ip: bounded(meta.ip, 64),
          at: now,
        });
      // The account's budget of wrong codes, across every session: proving the password again
      // and again does not buy more guesses.
      const lockedUntil = await codeStepLockedUntil(tx, userId, now);
      if (lockedUntil) {
        await audit("auth.mfa_failed", { sessionId, reason: "account_locked" });
        return { ok: false as const, ended: false, message: codeLockMessage(lockedUntil, now) };
      }
      const proof = await spendFactor(tx, user, typed, now);
      if (proof.ok) {
        await clearWrongCodes(tx, userId);
        await tx.session.update({
          where: { id: sessionId },
          data: { mfaVerifiedAt: now, mfaFailures: 0, lastSeenAt: now },
        });
        await audit(proof.method === "totp" ? "auth.mfa_verified" : "auth.recovery_code_used", {
          sessionId,
          recoveryCodesLeft: proof.recoveryCodesLeft,
        });
        return { ok: true as const, method: proof.method, recoveryCodesLeft: proof.recoveryCodesLeft };
      }
      const counted = proof.reason !== "replayed";
      const failures = session.mfaFailures + (counted ? 1 : 0);
      const accountFailures = counted ? await countWrongCode(tx, userId, now) : null;
      await tx.session.update({ where: { id: sessionId }, data: { mfaFailures: failures } });
      await audit("auth.mfa_failed", {
        sessionId,
        reason: proof.reason,
        failures,
        ...(accountFailures === null ? {} : { accountFailures }),
      });
      if (failures >= MAX_WRONG_CODES) {
        await audit("auth.sign_in_failed", { reason: "mfa_failed" });
        // only this session: whoever guesses must not be able to sign the owner out elsewhere
        await tx.session.update({ where: { id: sessionId }, data: { revokedAt: now, revokedReason: "mfa_failed" } });
        return { ok: false as const, ended: true, email: user.email, message: "Too many wrong codes. Sign in again." };
      }
      return { ok: false as const, ended: false, message: FACTOR_MESSAGES[proof.reason] };
    }),
  );
  if (!outcome.ok) return outcome;
  const v = outcome.value;
  // and counted by the password step's throttle, per account and address, like a wrong password
  if (!v.ok && v.ended && v.email) await noteFailedSignIn(v.email, meta.ip ?? null, meta.userAgent ?? null, now);
  if (!v.ok)
    return { ok: false, code: "REFUSED", message: v.message, fieldErrors: v.ended ? undefined : { code: [v.message] } };
  return { ok: true, value: { method: v.method, recoveryCodesLeft: v.recoveryCodesLeft } };
}
