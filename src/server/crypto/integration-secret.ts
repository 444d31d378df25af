import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { masterKeys } from "./incident-keys";

// An integration's HMAC signing secret must be read back to check signatures, so it cannot be
// hashed like the API key: it is sealed (AES-256-GCM) directly under the active master key,
// authenticated with the integration's id and the master key's id (a sealed secret copied onto
// another integration does not open). Stored: iv ‖ ciphertext ‖ tag, and the master key id.

const IV_BYTES = 12;
const TAG_BYTES = 16;
const aad = (integrationId: string, masterKeyId: string) => `warden-integration-secret|${integrationId}|${masterKeyId}`;

export function sealSigningSecret(
  integrationId: string,
  secret: string,
): { sealed: Uint8Array<ArrayBuffer>; masterKeyId: string } {
  const { active } = masterKeys();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", active.key, iv);
  cipher.setAAD(Buffer.from(aad(integrationId, active.id), "utf8"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return { sealed: new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()])), masterKeyId: active.id };
}

/** The secret, or null when its master key is not configured or the value does not open. */
export function openSigningSecret(integrationId: string, sealed: Uint8Array, masterKeyId: string): string | null {
  const key = masterKeys().byId.get(masterKeyId);
  if (!key || sealed.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad(integrationId, masterKeyId), "utf8"));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
