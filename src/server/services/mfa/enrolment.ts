import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { openSecret, sealSecret } from "../../mfa/secret-box";
import { bounded, endSessionsOf, type SessionMeta } from "../sessions/sessions";
import { FACTOR_MESSAGES, replaceRecoveryCodes, spendFactor } from "./factors";
import { attempt, fail, type Result } from "../result";
import { clearWrongCodes, codeLockMessage, codeStepLockedUntil, recordWrongCode } from "./code-budget";
import { proveCurrentPassword } from "../passwords/change-own-password";
import type { FieldErrors } from "@/lib/validation/field-errors";

/** A wrong current code: it rolls the change back, then is counted and audited on its own. */
class WrongCode extends Error {
  constructor(
    readonly reason: string,
    readonly fieldErrors: FieldErrors,
  ) {
    super("wrong second-factor code");
  }
}

async function countingWrongCodes<T>(
  userId: string,
  where: "mfa_replace" | "recovery_codes",
  meta: SessionMeta,
  now: Date,
  run: () => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof WrongCode)) throw error;
    await recordWrongCode(userId, where, error.reason, meta, now);
    return {
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Check the highlighted field.",
      fieldErrors: error.fieldErrors,
    };
  }
}
import { checkTotp, newTotpSecret } from "@/domain/mfa/totp";

/** How long an enrolment page's secret may be confirmed. */
export const ENROLMENT_TTL_MS = 15 * 60 * 1000;

export type PendingEnrolment = { secret: string; sealed: string };

/**
 * A new secret to enrol, and the same secret sealed for the confirming form. Drawing the page
 * writes nothing: the secret travels in the form, encrypted and bound to this session, and is
 * stored only when a code from it is confirmed.
 */
export function startEnrolment(sessionId: string, now = new Date()): PendingEnrolment {
  const secret = newTotpSecret();
  return { secret, sealed: sealSecret(JSON.stringify({ secret, issuedAt: now.getTime() }), `enrol:${sessionId}`) };
}

function pendingSecret(sealed: string, sessionId: string, now: Date): string | null {
  const plain = openSecret(sealed, `enrol:${sessionId}`);
  if (!plain) return null;
  try {
    const { secret, issuedAt } = JSON.parse(plain) as { secret?: unknown; issuedAt?: unknown };
    if (typeof secret !== "string" || typeof issuedAt !== "number") return null;
    return now.getTime() - issuedAt <= ENROLMENT_TTL_MS ? secret : null;
  } catch {
    return null;
  }
}

type EnrolInput = { sealed: string; code: string; currentCode?: string | null; currentPassword?: string | null };

/**
 * Confirms an authenticator: the first code from the new secret proves it was set up. The secret
 * is stored encrypted, ten recovery codes replace any old ones (returned once, to show), and
 * this session counts as having proven its second factor. Replacing an authenticator needs a
 * code from the current one (or a recovery code) and ends the person's other sessions.
 */
export async function confirmEnrolment(
  sessionId: string,
  userId: string,
  input: EnrolInput,
  meta: SessionMeta = {},
  now = new Date(),
  opts: { signedIn?: boolean } = {},
): Promise<Result<{ recoveryCodes: string[] }>> {
  // From a session already signed in (not the step right after the password), a first
  // authenticator needs the current password: a borrowed session must not be able to bind its
  // own authenticator to the account and lock the owner out.
  if (opts.signedIn) {
    const owner = await db().user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, organizationId: true, passwordHash: true, totpEnabledAt: true },
    });
    if (!owner) return { ok: false, code: "REFUSED", message: "This sign-in has ended. Sign in again." };
    if (!owner.totpEnabledAt) {
      const proven = await proveCurrentPassword(
        owner,
        input.currentPassword ?? "",
        "user.mfa_enrol_refused",
        meta,
        now,
      );
      if (!proven.ok) return proven;
    }
  }
  return countingWrongCodes(userId, "mfa_replace", meta, now, () =>
    attempt(() =>
      db().$transaction(async (tx) => {
        const session = await tx.session.findFirst({
          where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
          select: { id: true, mfaVerifiedAt: true },
        });
        if (!session) fail("REFUSED", "This sign-in has ended. Sign in again.");
        const user = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: {
            id: true,
            name: true,
            organizationId: true,
            totpSecret: true,
            totpLastStep: true,
            totpEnabledAt: true,
          },
        });
        const replacing = user.totpEnabledAt !== null;
        // A session still owing its code cannot swap the authenticator it owes the code for.
        if (replacing && !session.mfaVerifiedAt) fail("REFUSED", "Sign in with your current authenticator first.");
        const secret = pendingSecret(input.sealed, sessionId, now);
        if (!secret)
          fail("REFUSED", "This set-up page has expired. Reload it to get a new secret, and add that one to your app.");
        if (replacing) {
          const locked = await codeStepLockedUntil(tx, userId, now);
          if (locked)
            fail("REFUSED", codeLockMessage(locked, now), {
              fieldErrors: { currentCode: [codeLockMessage(locked, now)] },
            });
          const proof = await spendFactor(tx, user, input.currentCode ?? "", now);
          if (!proof.ok) throw new WrongCode(proof.reason, { currentCode: [FACTOR_MESSAGES[proof.reason]] });
          await clearWrongCodes(tx, userId);
        }
        const check = checkTotp(secret, input.code, now.getTime(), null);
        if (!check.ok)
          fail("VALIDATION_FAILED", "Check the highlighted field.", {
            fieldErrors: { code: [FACTOR_MESSAGES[check.reason]] },
          });
        await tx.user.update({
          where: { id: userId },
          data: { totpSecret: sealSecret(secret, userId), totpEnabledAt: now, totpLastStep: check.step },
        });
        const recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
        await tx.session.update({
          where: { id: sessionId },
          data: { mfaVerifiedAt: now, mfaFailures: 0, lastSeenAt: now },
        });
        const ended = replacing ? await endSessionsOf(userId, "mfa_replaced", sessionId, { tx, now }) : 0;
        await appendAudit(tx, {
          organizationId: user.organizationId,
          actor: { id: user.id, label: user.name },
          action: replacing ? "user.mfa_replaced" : "user.mfa_enrolled",
          entityType: "User",
          entityId: user.id,
          changes: { recoveryCodes: recoveryCodes.length, sessionsEnded: ended },
          requestId: meta.requestId ?? null,
          ip: bounded(meta.ip, 64),
          at: now,
        });
        return { recoveryCodes };
      }),
    ),
  );
}

/** New recovery codes (the old ones stop working), for a current authenticator code. */
export async function regenerateRecoveryCodes(
  userId: string,
  code: string,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<Result<{ recoveryCodes: string[] }>> {
  return countingWrongCodes(userId, "recovery_codes", meta, now, () =>
    attempt(() =>
      db().$transaction(async (tx) => {
        const user = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: { id: true, name: true, organizationId: true, totpSecret: true, totpLastStep: true },
        });
        if (!user.totpSecret) fail("REFUSED", "Set up an authenticator first.");
        const locked = await codeStepLockedUntil(tx, userId, now);
        if (locked)
          fail("REFUSED", codeLockMessage(locked, now), { fieldErrors: { code: [codeLockMessage(locked, now)] } });
        const proof = await spendFactor(tx, user, code, now, { allowRecovery: false });
        if (!proof.ok) throw new WrongCode(proof.reason, { code: [FACTOR_MESSAGES[proof.reason]] });
        await clearWrongCodes(tx, userId);
        const recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
        await appendAudit(tx, {
          organizationId: user.organizationId,
          actor: { id: user.id, label: user.name },
          action: "user.recovery_codes_replaced",
          entityType: "User",
          entityId: user.id,
          changes: { recoveryCodes: recoveryCodes.length },
          requestId: meta.requestId ?? null,
          ip: bounded(meta.ip, 64),
          at: now,
        });
        return { recoveryCodes };
      }),
    ),
  );
}
