import "server-only";
import type { Tx } from "./db";

/**
 * The organization's administration lock (transaction-scoped; named for the audit chain it once
 * guarded): administration changes, notice and obligation decisions take it first, to
 * serialise with each other. Ordinary writes do not take it, and neither does the audit chain
 * any more (entries are chained after commit under a lock of their own: audit-chainer.ts), so
 * an administrator's long change holds up no analyst's note.
 *
 * Lock order: a transaction that takes this lock takes it BEFORE any row lock (an UPDATE,
 * FOR UPDATE). Taken later, after a row write, it deadlocks against an
 * administrator who holds it and then writes the same row (a client's new terms recompute the
 * obligations a notice submission has just written).
 */
export async function lockAuditChain(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organizationId}`}, 0))`;
}
