// One-time recovery codes: 16 base32 characters (80 random bits) shown as four groups of four.
// With that much entropy a plain SHA-256 is a sound way to store them (nothing to brute-force
// as with a password); the caller hashes and supplies the random bytes.

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A code from 10 random bytes (80 bits), e.g. "K7QD-M2XA-P9TR-4BWE". */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  if (bytes.length !== 10) throw new Error("a recovery code takes 10 random bytes");
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.replace(/(.{4})(?=.)/g, "$1-");
}

/** The form a typed code is compared in: upper case, no spaces or dashes; null if it cannot be one. */
export function normalizeRecoveryCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, "").toUpperCase();
  return /^[A-Z2-7]{16}$/.test(code) ? code : null;
}

/** Whether a typed value looks like a recovery code rather than an authenticator code. */
export function looksLikeRecoveryCode(raw: string): boolean {
  return normalizeRecoveryCode(raw) !== null;
}
