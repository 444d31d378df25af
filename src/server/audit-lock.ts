import "server-only";
import type { Tx } from "./db";

/**
 * The organization's audit lock (transaction-scoped): appendAudit takes it to keep one unbroken
 * chain, and administration changes take it first to serialise with each other.
 *
 * Lock order: a transaction that writes rows and audits them takes this lock BEFORE any row
 * lock (an UPDATE, FOR UPDATE). Taken later, after a row write, it deadlocks against an
 * administrator who holds it and then writes the same row (a client's new terms recompute the
 * obligations a notice submission has just written). Taking it early costs nothing more: every
 * such transaction would wait for it at its first audit entry anyway.
 */
export async function lockAuditChain(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organizationId}`}, 0))`;
}
