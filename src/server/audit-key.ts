import { auditKeyEnv } from "./env";
import { decodeAuditKey } from "@/domain/audit/audit-key";

// No "server-only" marker: the worker, the seed and the audit scripts key the chain too.
// Read from the environment (validated, the error names WARDEN_AUDIT_KEY); the bytes are kept
// only in memory, never logged and never written to the database.

let cached: { text: string; bytes: Buffer } | undefined;

/** The audit chain's HMAC key; throws, naming the variable, when it is missing or malformed. */
export function auditKey(): Buffer {
  const text = auditKeyEnv().WARDEN_AUDIT_KEY;
  if (cached?.text !== text) cached = { text, bytes: decodeAuditKey(text)! };
  return cached.bytes;
}
