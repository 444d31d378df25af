import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

// TOTP secrets at rest: AES-256-GCM with a random 96-bit nonce, stored as
// "v1.<nonce>.<tag>.<ciphertext>" (base64url). The key is MFA_ENCRYPTION_KEY when set, else
// derived from NEXTAUTH_SECRET by HKDF-SHA-256 (so rotating NEXTAUTH_SECRET without a dedicated
// key makes every user enrol again). The user id is bound in as associated data: a secret
// copied onto another user's row does not decrypt.

let cachedKey: { source: string; key: Buffer } | undefined;

function key(): Buffer {
  const { MFA_ENCRYPTION_KEY, NEXTAUTH_SECRET } = env();
  const source = MFA_ENCRYPTION_KEY ?? NEXTAUTH_SECRET;
  if (cachedKey?.source !== source) {
    const key = MFA_ENCRYPTION_KEY
      ? Buffer.from(MFA_ENCRYPTION_KEY, "base64")
      : Buffer.from(hkdfSync("sha256", NEXTAUTH_SECRET, "warden", "totp-secret-v1", 32));
    cachedKey = { source, key };
  }
  return cachedKey.key;
}

export function sealSecret(plain: string, boundTo: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), nonce);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plain secret, or null when the value was altered, bound to something else or sealed with another key. */
export function openSecret(sealed: string, boundTo: string): string | null {
  const [version, nonce, tag, body, ...rest] = sealed.split(".");
  if (version !== "v1" || !nonce || !tag || !body || rest.length) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(nonce, "base64url"));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
