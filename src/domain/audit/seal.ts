import { createHmac, type Hmac } from "node:crypto";

// Seals over the audit chain. Each event already carries its own link (prevHash, and a keyed
// hash of its content, chain.ts); checking 2 million of them one by one costs an HMAC and a
// canonical JSON body each. A seal is one keyed MAC over a run of SEAL_EVERY consecutive events
// of an organization, taken over the events' stored columns (links included) as PostgreSQL's
// COPY writes them, and chained to the seal before it. The sealer writes a seal only after
// checking every event of the run link by link; from then on a verifier streams the run's bytes
// through one HMAC. Without the audit key no edited run gets a seal that matches, and a removed
// or reordered seal breaks the chain of seals, so a sealed run proves what its events' own
// links prove, at the price of reading its bytes once.

export const SEAL_EVERY = 1_000;
export const FIRST_PREV_MAC = "0".repeat(64);

export type SealHeader = {
  organizationId: string;
  fromSeq: number;
  toSeq: number;
  /** How many events of the run have keyed (version 2) hashes. */
  keyed: number;
  /** The MAC of the organization's seal before this one (FIRST_PREV_MAC for the first). */
  prevMac: string;
};

export type StoredSeal = SealHeader & { mac: string };

/** A MAC under the audit key with the seal's header taken in; the run's COPY bytes follow. */
export function openSeal(h: SealHeader, key: Uint8Array): Hmac {
  return createHmac("sha256", key).update(
    `warden-audit-seal:1:${h.organizationId}:${h.fromSeq}:${h.toSeq}:${h.keyed}:${h.prevMac}\n`,
  );
}

export type SealProblem = { seq: number; reason: string };

/**
 * What is wrong with an organization's list of seals (in toSeq order) before any byte is read:
 * the first must start at event 1, each must start where the one before ended and name that
 * one's MAC. A seal removed from the middle, or one put in its place, shows here.
 */
export function sealListProblem(seals: readonly StoredSeal[]): SealProblem | null {
  let nextFrom = 1;
  let prevMac = FIRST_PREV_MAC;
  for (const s of seals) {
    if (s.fromSeq !== nextFrom)
      return { seq: nextFrom, reason: `the seal of events ${nextFrom}… is missing (found one from ${s.fromSeq})` };
    if (s.toSeq < s.fromSeq) return { seq: s.fromSeq, reason: `the seal of events ${s.fromSeq}–${s.toSeq} is empty` };
    if (s.prevMac !== prevMac)
      return {
        seq: s.fromSeq,
        reason: `the seal of events ${s.fromSeq}–${s.toSeq} does not follow the seal before it`,
      };
    nextFrom = s.toSeq + 1;
    prevMac = s.mac;
  }
  return null;
}
