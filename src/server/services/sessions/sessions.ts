import "server-only";
import { db, type Tx } from "../../db";
import { env } from "../../env";
import { appendAudit } from "../../audit";

export type EndReason =
  | "signed_out"
  | "ended_by_user"
  | "signed_out_everywhere"
  | "password_changed"
  | "mfa_reset"
  | "mfa_replaced"
  | "mfa_failed"
  | "user_disabled"
  | "role_changed";

export type SessionMeta = { ip?: string | null; userAgent?: string | null; requestId?: string | null };

/** lastSeenAt moves at most this often: idle timeouts are counted in minutes, not requests. */
export const TOUCH_INTERVAL_MS = 2 * 60 * 1000;

/** Header values kept whole would let a client choose how much we store: bounded, printable. */
export function bounded(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  const clean = value
    .replace(/[^\x20-\x7e]/g, "")
    .trim()
    .slice(0, max);
  return clean || null;
}

/** Opens a session once the password is proven; its second factor, if owed, comes later. */
export async function startSession(userId: string, meta: SessionMeta = {}, now = new Date()): Promise<string> {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  const row = await db().session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000),
      idleTimeoutS: SESSION_IDLE_MINUTES * 60,
      userAgent: bounded(meta.userAgent, 256),
      ip: bounded(meta.ip, 64),
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Ends every open session of a user (but `exceptSessionId`) at once: the next request with any
 * of their cookies, copies included, is refused. Pass `tx` to end them in the transaction of the
 * change that calls for it (a role change, a disabled account, a password change, an MFA reset).
 */
export async function endSessionsOf(
  userId: string,
  reason: EndReason,
  exceptSessionId?: string | null,
  { tx, now = new Date() }: { tx?: Tx; now?: Date } = {},
): Promise<number> {
  const { count } = await (tx ?? db()).session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

/** Ends one session of a user (their own choice, or signing out), audited. False if it was not theirs or already ended. */
export async function endSession(
  userId: string,
  sessionId: string,
  reason: EndReason,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason },
    });
    if (!count) return false;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { organizationId: true, name: true },
    });
    await appendAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: userId, label: user.name },
      action: reason === "signed_out" ? "auth.sign_out" : "auth.session_ended",
      entityType: "Session",
      entityId: sessionId,
      changes: { reason },
      requestId: meta.requestId ?? null,
      ip: bounded(meta.ip, 64),
      at: now,
    });
    return true;
  });
}

/** "Sign out everywhere" (or "end all others" with the current session kept), audited. */
export async function endAllSessions(
  userId: string,
  keepSessionId: string | null,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<number> {
  return db().$transaction(async (tx) => {
    const count = await endSessionsOf(
      userId,
      keepSessionId ? "ended_by_user" : "signed_out_everywhere",
      keepSessionId,
      { tx, now },
    );
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { organizationId: true, name: true },
    });
    await appendAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: userId, label: user.name },
      action: keepSessionId ? "auth.other_sessions_ended" : "auth.signed_out_everywhere",
      entityType: "User",
      entityId: userId,
      changes: { sessionsEnded: count },
      requestId: meta.requestId ?? null,
      ip: bounded(meta.ip, 64),
      at: now,
    });
    return count;
  });
}

/**
 * Marks a session as in use (for the idle timeout). Called from writes (server actions, the
 * keep-alive the signed-in frame posts while someone is active), never from a page view, and it
 * writes at most once per TOUCH_INTERVAL_MS; a session already idle, expired or ended stays so.
 */
export async function touchSession(sessionId: string, now = new Date()): Promise<void> {
  await db().$executeRaw`
    UPDATE "Session" SET "lastSeenAt" = ${now}
    WHERE id = ${sessionId}::uuid AND "revokedAt" IS NULL AND "expiresAt" > ${now}
      AND "lastSeenAt" < ${new Date(now.getTime() - TOUCH_INTERVAL_MS)}
      AND "lastSeenAt" + make_interval(secs => "idleTimeoutS") > ${now}`;
}
