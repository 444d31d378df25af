import "server-only";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { bounded, type SessionMeta } from "../sessions/sessions";
import { CODE_LIMIT, lockedUntil } from "@/domain/auth/sign-in-throttle";

// The account's budget of wrong second-factor codes, shared by every session and address (the
// sign-in step, replacing an authenticator, new recovery codes). Only someone holding the
// password or a signed-in session gets to type a code, so the budget may lock the account's code
// step for a while without letting a stranger lock anyone out.

/** Locks the user row (callers run one code check at a time per account) and says until when codes are refused. */
export async function codeStepLockedUntil(tx: Tx, userId: string, now: Date): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ failures: number; last: Date | null }[]>`
    SELECT "mfaCodeFailures" AS failures, "mfaCodeFailedAt" AS last FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!row?.last || now.getTime() - row.last.getTime() > CODE_LIMIT.windowMs) return null;
  return lockedUntil(row.failures, row.last, CODE_LIMIT, now);
}

/** One more wrong code (failures older than the window start the count again); returns the count. */
export async function countWrongCode(tx: Tx, userId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - CODE_LIMIT.windowMs);
  const [row] = await tx.$queryRaw<{ failures: number }[]>`
    UPDATE "User" SET
      "mfaCodeFailures" = CASE WHEN "mfaCodeFailedAt" IS NULL OR "mfaCodeFailedAt" < ${since} THEN 1 ELSE "mfaCodeFailures" + 1 END,
      "mfaCodeFailedAt" = ${now}
    WHERE id = ${userId}::uuid
    RETURNING "mfaCodeFailures" AS failures`;
  return row?.failures ?? 0;
}

export async function clearWrongCodes(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { mfaCodeFailures: 0, mfaCodeFailedAt: null } });
}

export const codeLockMessage = (until: Date, now: Date) =>
  `Too many wrong codes for this account. Try again in ${Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))} min.`;

/**
 * A wrong code typed where the refusal rolls its own transaction back (replacing the
 * authenticator, new recovery codes): counted and audited in a transaction of its own.
 */
export async function recordWrongCode(
  userId: string,
  where: "mfa_replace" | "recovery_codes",
  reason: string,
  meta: SessionMeta,
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, organizationId: true },
    });
    const failures = reason === "replayed" ? null : await countWrongCode(tx, userId, now);
    await appendAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: user.id, label: user.name },
      action: "auth.mfa_failed",
      entityType: "User",
      entityId: user.id,
      changes: { where, reason, ...(failures === null ? {} : { accountFailures: failures }) },
      requestId: meta.requestId ?? null,
      ip: bounded(meta.ip, 64),
      at: now,
    });
  });
}
