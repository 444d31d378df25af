// The audit key (WARDEN_AUDIT_KEY): 32 or more random bytes written in base64 or base64url.
// Shorter keys are refused: the key is all that stands between someone with the database and a
// rewritten chain that verifies.

export const AUDIT_KEY_MIN_BYTES = 32;

export const AUDIT_KEY_HINT = "32+ random bytes in base64 or base64url (`openssl rand -base64 32`)";

/** The key's bytes, or null when the text is not base64/base64url of at least 32 bytes. */
export function decodeAuditKey(text: string): Buffer | null {
  // Standard or URL-safe alphabet, padding only at the end, never both alphabets at once.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) && !/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  return bytes.length >= AUDIT_KEY_MIN_BYTES ? bytes : null;
}
