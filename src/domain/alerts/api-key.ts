import { createHash, randomBytes } from "node:crypto";

// An integration's API key: "wk_" and 256 random bits in base64url. Only its SHA-256 is stored
// (plus a short prefix to tell keys apart in lists). A fast hash is right here: argon2's cost
// protects guessable passwords, and a 256-bit random key cannot be guessed, so the cost would
// buy nothing but slower requests. The signing secret: "ws_" and 256 random bits.

export const API_KEY_PREFIX = "wk_";
export const SIGNING_SECRET_PREFIX = "ws_";
const KEY_SHAPE = /^wk_[A-Za-z0-9_-]{43}$/;
/** How many characters of the key lists show. */
export const KEY_PREFIX_LENGTH = 11;

export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function newSigningSecret(): string {
  return SIGNING_SECRET_PREFIX + randomBytes(32).toString("base64url");
}

export const apiKeyHash = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");
export const apiKeyPrefix = (key: string) => key.slice(0, KEY_PREFIX_LENGTH);

/** The key in an "Authorization: Bearer <key>" header, or null when there is none of the right shape. */
export function bearerKey(header: string | null): string | null {
  if (header === null) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  const key = m?.[1];
  return key && KEY_SHAPE.test(key) ? key : null;
}
