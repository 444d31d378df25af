import { createHash, createHmac } from "node:crypto";

// The audit chain: each event's hash covers the previous hash and the event's own canonical
// JSON, so editing, removing or reordering any stored event breaks every later link.
// Version 1 (events stored before the chain was keyed) is a plain SHA-256, which anyone with
// the database can recompute after an edit. Version 2 is an HMAC-SHA256 under the audit key
// (WARDEN_AUDIT_KEY, never stored in the database): without the key, a rewritten event cannot
// be given a hash that verifies. The key is passed in as bytes, so this module stays pure.

export const UNKEYED = 1;
export const KEYED = 2;
export type HashVersion = typeof UNKEYED | typeof KEYED;

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

// A string JSON writes as it is, between quotes (nothing to escape): ids, dates, most labels.
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const json = (value: unknown) =>
  typeof value === "string" && PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
// A field of the body: `"name":value`, or nothing for undefined (as canonicalJson leaves it out).
const field = (name: string, value: unknown, first = false) =>
  value === undefined ? "" : `${first ? "" : ","}"${name}":${json(value)}`;

/**
 * The canonical JSON of an event's hashed fields: exactly canonicalJson of them (keys in sorted
 * order; a unit test compares the two), written out field by field because audit:verify runs it
 * for every stored event and the generic walk costs more than the hashing.
 */
export function chainBody(e: ChainedFields): string {
  // Name every field: rows read back carry more (id, hash…) that must not enter the hash.
  return (
    "{" +
    field("action", e.action, true) +
    field("actorId", e.actorId) +
    field("actorLabel", e.actorLabel) +
    field("at", e.at.toISOString()) +
    `,"changes":${canonicalJson(e.changes ?? null)}` +
    field("entityId", e.entityId) +
    field("entityType", e.entityType) +
    field("incidentId", e.incidentId ?? undefined) +
    field("ip", e.ip) +
    field("organizationId", e.organizationId) +
    field("requestId", e.requestId) +
    field("seq", e.seq) +
    "}"
  );
}

/** The hash of a new event (version 2): HMAC-SHA256 under the audit key. */
export function eventHash(prevHash: string, e: ChainedFields, key: Uint8Array): string {
  return createHmac("sha256", key).update(prevHash).update(chainBody(e)).digest("hex");
}

/**
 * The seal of an entry waiting to be chained (its seq and links are not known yet): an HMAC
 * under the audit key over its id and content. The chainer moves only entries whose seal
 * matches, so a row put there without the key never gets a valid place in the chain.
 */
export function pendingSeal(id: string, e: Omit<ChainedFields, "seq">, key: Uint8Array): string {
  return createHmac("sha256", key)
    .update("pending:")
    .update(id)
    .update(chainBody({ ...e, seq: 0 }))
    .digest("hex");
}

/** The hash of an event stored before the chain was keyed (version 1): plain SHA-256. */
export function unkeyedEventHash(prevHash: string, e: ChainedFields): string {
  return createHash("sha256").update(prevHash).update(chainBody(e)).digest("hex");
}

export type StoredEvent = ChainedFields & { prevHash: string; hash: string; hashVersion: number };

export type ChainBreak = { seq: number; reason: string };

export const KEYED_MISMATCH =
  "content does not match its keyed hash (edited, or WARDEN_AUDIT_KEY is not the key it was written with)";

/** Where a walk resumes: the last event already checked. */
export type ChainPosition = { seq: number; hash: string; hashVersion: number };

/**
 * Checks events of one organization in seq order; returns the first broken link, or null.
 * Version 1 events verify as before the key existed, but only until the chain's first version 2
 * event: after it every event must be keyed, so a rewrite cannot fall back to the unkeyed hash.
 */
export function findChainBreak(
  events: Iterable<StoredEvent>,
  key: Uint8Array,
  start?: ChainPosition,
): ChainBreak | null {
  let expectedSeq = (start?.seq ?? 0) + 1;
  let prev = start?.hash ?? GENESIS_HASH;
  let keyed = start?.hashVersion === KEYED;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: `event ${expectedSeq} is missing (found ${e.seq})` };
    if (e.prevHash !== prev) return { seq: e.seq, reason: "prevHash does not match the previous event's hash" };
    if (e.hashVersion !== UNKEYED && e.hashVersion !== KEYED)
      return { seq: e.seq, reason: `unknown hash version ${e.hashVersion}` };
    if (keyed && e.hashVersion === UNKEYED)
      return { seq: e.seq, reason: "unkeyed hash after a keyed event (downgraded)" };
    if (e.hashVersion === UNKEYED && unkeyedEventHash(prev, e) !== e.hash)
      return { seq: e.seq, reason: "content does not match its hash (edited)" };
    // A wrong key fails here too, at the first keyed event: the reason says both.
    if (e.hashVersion === KEYED && eventHash(prev, e, key) !== e.hash) return { seq: e.seq, reason: KEYED_MISMATCH };
    keyed = e.hashVersion === KEYED;
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
