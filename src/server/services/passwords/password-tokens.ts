import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Single-use links to set a password. The link carries 32 random bytes (base64url, 43
// characters); only their SHA-256 is stored, so a copy of the database opens no account.

export const RESET_TTL_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page that takes the token. */
export function passwordLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/reset/${token}`;
}
