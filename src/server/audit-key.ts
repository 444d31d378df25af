import { auditKeyEnv } from "./env";
import { AUDIT_KEY_HINT, decodeAuditKey } from "@/domain/audit/audit-key";

// No "server-only" marker: the worker, the seed and the audit scripts key the chain too.
// Read from the environment (validated, the error names WARDEN_AUDIT_KEY); the bytes are kept
// only in memory, never logged and never written to the database.

let cached: { text: string; bytes: Buffer } | undefined;

/** The audit chain's HMAC key; throws, naming the variable, when it is missing or malformed. */
export function auditKey(): Buffer {
  // every audited write asks: the variable is validated again only when it changed (a test may set it)
  if (cached && cached.text === process.env.WARDEN_AUDIT_KEY) return cached.bytes;
  const text = auditKeyEnv().WARDEN_AUDIT_KEY;
  // auditKeyEnv has refused a key that does not decode; checked again rather than assumed
  const bytes = decodeAuditKey(text);
  if (!bytes) throw new Error(`WARDEN_AUDIT_KEY must be ${AUDIT_KEY_HINT}`);
  cached = { text, bytes };
  return bytes;
}
