import { createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./chain";

// An anchor: the head (last event) of every organization's chain at one moment, written to a
// file that leaves the database (kept by an auditor, mailed). A later rewrite of the chain,
// even one that recomputes every hash, cannot keep the hash an anchor recorded at its seq.
// The file is signed with a key derived from the audit key by domain separation, so an anchor
// cannot be forged to match a rewritten chain, and no anchor signature is ever a chain hash.

export const ANCHOR_FORMAT = "warden-audit-anchor-v1";

export type AnchorHead = { organizationId: string; organizationSlug: string; seq: number; hash: string; at: string };
export type Anchor = { format: typeof ANCHOR_FORMAT; createdAt: string; heads: AnchorHead[] };
export type SignedAnchor = Anchor & { signature: string };

export function anchorKey(auditKey: Uint8Array): Buffer {
  return createHmac("sha256", auditKey).update("warden-anchor-v1").digest();
}

function signatureOf(anchor: Anchor, auditKey: Uint8Array): string {
  const body = canonicalJson({ format: anchor.format, createdAt: anchor.createdAt, heads: anchor.heads });
  return createHmac("sha256", anchorKey(auditKey)).update(body).digest("hex");
}

export function signAnchor(heads: AnchorHead[], createdAt: Date, auditKey: Uint8Array): SignedAnchor {
  const anchor: Anchor = { format: ANCHOR_FORMAT, createdAt: createdAt.toISOString(), heads };
  return { ...anchor, signature: signatureOf(anchor, auditKey) };
}

export type OpenedAnchor = { ok: true; anchor: Anchor } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isHead = (v: unknown): v is AnchorHead =>
  isObject(v) &&
  typeof v.organizationId === "string" &&
  typeof v.organizationSlug === "string" &&
  Number.isInteger(v.seq) &&
  (v.seq as number) > 0 &&
  typeof v.hash === "string" &&
  /^[0-9a-f]{64}$/.test(v.hash) &&
  typeof v.at === "string";

/** Reads an anchor file's text and checks its signature; an edited or foreign file is refused. */
export function openAnchor(text: string, auditKey: Uint8Array): OpenedAnchor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the file is not JSON" };
  }
  if (!isObject(parsed) || parsed.format !== ANCHOR_FORMAT)
    return { ok: false, reason: `the file is not a Warden audit anchor (format ${ANCHOR_FORMAT})` };
  const { createdAt, heads, signature } = parsed;
  if (typeof createdAt !== "string" || !Array.isArray(heads) || !heads.every(isHead) || typeof signature !== "string") {
    return { ok: false, reason: "the anchor is incomplete (createdAt, heads or signature missing or malformed)" };
  }
  // Only the named fields are signed and kept: anything added to the file is ignored, not trusted.
  const anchor: Anchor = {
    format: ANCHOR_FORMAT,
    createdAt,
    heads: heads.map((h) => ({
      organizationId: h.organizationId,
      organizationSlug: h.organizationSlug,
      seq: h.seq,
      hash: h.hash,
      at: h.at,
    })),
  };
  const expected = Buffer.from(signatureOf(anchor, auditKey), "hex");
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      reason:
        "the signature does not match (the file was changed, or WARDEN_AUDIT_KEY is not the key it was signed with)",
    };
  }
  return { ok: true, anchor };
}

export type AnchorFailure = { organizationId: string; organizationSlug: string; seq: number; reason: string };

/**
 * Compares each anchored head with the event stored today at that seq (`storedHash` answers
 * undefined when there is none): a missing or different event is a failure, named.
 */
export function checkAnchorHeads(
  heads: AnchorHead[],
  storedHash: (organizationId: string, seq: number) => string | undefined,
): AnchorFailure[] {
  const failures: AnchorFailure[] = [];
  for (const h of heads) {
    const stored = storedHash(h.organizationId, h.seq);
    const reason =
      stored === undefined
        ? "the anchored event is gone"
        : stored !== h.hash
          ? "the anchored event's hash has changed (rewritten)"
          : null;
    if (reason)
      failures.push({ organizationId: h.organizationId, organizationSlug: h.organizationSlug, seq: h.seq, reason });
  }
  return failures;
}
