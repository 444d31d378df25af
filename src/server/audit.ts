import "server-only";
import { randomUUID } from "node:crypto";
import { afterCommit, type Tx } from "./db";
import { normalizeIp } from "./client-ip";
import { pendingSeal } from "@/domain/audit/chain";
import { auditKey } from "./audit-key";
import { chainSoon, chainLater } from "./audit-chainer";
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

export { bumpDataVersion } from "./data-version";

/**
 * Appends one event to the organization's audit trail, inside the caller's transaction so the
 * change and its audit entry commit together. The entry is written sealed (an HMAC under the
 * audit key) to AuditEventPending, with no lock: concurrent writers in one organization do not
 * wait for each other. Once the transaction commits, and before its caller gets the result,
 * the entry is chained in order into AuditEvent with whatever else is waiting, and the
 * organization's data version grows (see audit-chainer.ts, db.ts afterCommit).
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const key = auditKey(); // a missing key refuses the write before anything is written
  const id = randomUUID();
  const fields = {
    organizationId: entry.organizationId,
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
  const changes = fields.changes === null ? null : JSON.stringify(fields.changes);
  await tx.$executeRaw`
    INSERT INTO "AuditEventPending" (id, "organizationId", at, "actorId", "actorLabel", action, "entityType", "entityId", "incidentId", changes, "requestId", ip, "dataChange", seal)
    VALUES (${id}::uuid, ${fields.organizationId}::uuid, ${fields.at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${fields.actorId}::uuid, ${fields.actorLabel}, ${fields.action}, ${fields.entityType}, ${fields.entityId},
      ${fields.incidentId}::uuid, ${changes}::jsonb, ${fields.requestId}, ${fields.ip}, ${changesData(entry.action)}, ${pendingSeal(id, fields, key)})`;
  // a transaction of a client other than db()'s (a script's): chained shortly after instead
  if (!afterCommit(tx, `audit:${entry.organizationId}`, () => chainSoon(entry.organizationId)))
    chainLater(entry.organizationId);
}
