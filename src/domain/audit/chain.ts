import { createHash } from "node:crypto";

// The audit chain: each event's hash covers the previous hash and the event's own canonical
// JSON, so editing, removing or reordering any stored event breaks every later link.

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  organizationId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Optional: hashed only when set, so events written before the column existed still verify. */
  incidentId?: string | null;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
};

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  // Name every field: rows read back carry more (id, hash…) that must not enter the hash.
  const body = canonicalJson({
    organizationId: e.organizationId,
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    incidentId: e.incidentId ?? undefined,
    changes: e.changes ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}

export type StoredEvent = ChainedFields & { prevHash: string; hash: string };

export type ChainBreak = { seq: number; reason: string };

/** Checks events of one organization in seq order; returns the first broken link, or null. */
export function findChainBreak(events: Iterable<StoredEvent>, start?: { seq: number; hash: string }): ChainBreak | null {
  let expectedSeq = (start?.seq ?? 0) + 1;
  let prev = start?.hash ?? GENESIS_HASH;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: `event ${expectedSeq} is missing (found ${e.seq})` };
    if (e.prevHash !== prev) return { seq: e.seq, reason: "prevHash does not match the previous event's hash" };
    if (eventHash(prev, e) !== e.hash) return { seq: e.seq, reason: "content does not match its hash (edited)" };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
