import "server-only";
import type { Tx } from "./db";
import { CHANGES_CHANNEL } from "./change-feed";
import { normalizeIp } from "./client-ip";
import { lockAuditChain } from "./audit-lock";
import { GENESIS_HASH, KEYED, eventHash } from "@/domain/audit/chain";
import { auditKey } from "./audit-key";
import type { Prisma } from "@/generated/prisma/client";

export type AuditEntry = {
  organizationId: string;
  actor: { id: string; label: string } | { id: null; label: string };
  action: string;
  entityType: string;
  entityId?: string | null;
  incidentId?: string | null;
  changes?: Prisma.InputJsonValue | null;
  requestId?: string | null;
  ip?: string | null;
  at?: Date;
};

// Events that record an attempt rather than a change of data: they leave the organization's
// data version alone, so sign-ins (even a stream of failed ones) do not expire cached figures.
// Sessions and second-factor steps are read from the Session row on every request, not from a
// cache, so they leave the version alone too.
const NOT_DATA_CHANGES: ReadonlySet<string> = new Set([
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_locked",
  "auth.sign_in_unlocked",
  "auth.mfa_verified",
  "auth.mfa_failed",
  "auth.recovery_code_used",
  "auth.sign_out",
  "auth.session_ended",
  "auth.other_sessions_ended",
  "auth.signed_out_everywhere",
  "user.password_change_refused",
  "user.mfa_reset_refused",
  "notice.self_approval_refused",
]);
export const changesData = (action: string) => !NOT_DATA_CHANGES.has(action);

/**
 * Marks a change of the organization's data inside the changing transaction: its data version
 * grows by one, and the new version is announced on the changes channel, which PostgreSQL
 * delivers only if and when the transaction commits (see change-feed.ts). Audited changes get
 * this from appendAudit; a change kept out of the audit trail (read state) calls it itself.
 */
export async function bumpDataVersion(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`
    WITH bumped AS (UPDATE "Organization" SET "dataVersion" = "dataVersion" + 1 WHERE id = ${organizationId}::uuid RETURNING id, "dataVersion")
    SELECT pg_notify(${CHANGES_CHANNEL}, bumped.id::text || ':' || bumped."dataVersion") FROM bumped`;
}

/**
 * Appends one event to the organization's chain, inside the caller's transaction so the change
 * and its audit entry commit together. A transaction-scoped advisory lock per organization
 * serializes writers, so concurrent transactions still produce one unbroken chain. A change of
 * data also bumps the organization's data version (see figure-cache.ts), under the same lock.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const key = auditKey(); // a missing key refuses the write before anything is locked
  await lockAuditChain(tx, entry.organizationId);
  const last = await tx.auditEvent.findFirst({
    where: { organizationId: entry.organizationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const fields = {
    organizationId: entry.organizationId,
    seq: (last?.seq ?? 0) + 1,
    at: entry.at ?? new Date(),
    actorId: entry.actor.id,
    actorLabel: entry.actor.label.slice(0, 200),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    incidentId: entry.incidentId ?? null,
    changes: entry.changes ?? null,
    // Values that may come from request headers never make the write fail: bounded to their columns.
    requestId: entry.requestId ? entry.requestId.slice(0, 64) : null,
    ip: normalizeIp(entry.ip),
  };
  if (changesData(entry.action)) await bumpDataVersion(tx, entry.organizationId);
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      ...fields,
      changes: fields.changes === null ? undefined : fields.changes,
      prevHash,
      hash: eventHash(prevHash, fields, key),
      hashVersion: KEYED,
    },
  });
}
