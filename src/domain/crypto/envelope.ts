import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

// Envelope encryption of sensitive text (AES-256-GCM from node:crypto). Each incident has its
// own 256-bit data key; the data key is stored wrapped (encrypted) by a master key that lives
// only in the environment. A stored value names the data key that sealed it and says what it is
// (its purpose is authenticated, not stored), so a sealed internal description copied into the
// client-facing column by someone with database access does not open there.
//
//   value   = "enc1:" <data key id> ":" base64url(iv ‖ ciphertext ‖ tag)
//   wrapped = iv ‖ ciphertext(data key) ‖ tag, authenticated with the incident and master key ids

export const SEALED_PREFIX = "enc1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

export class SealError extends Error {
  constructor(
    readonly code: "MALFORMED" | "WRONG_KEY" | "TAMPERED",
    message: string,
  ) {
    super(message);
    this.name = "SealError";
  }
}

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX);

/** The data key id a sealed value names, or null for text stored before encryption. */
export function sealedKeyId(value: string): string | null {
  if (!isSealed(value)) return null;
  const end = value.indexOf(":", SEALED_PREFIX.length);
  return end < 0 ? null : value.slice(SEALED_PREFIX.length, end);
}

function gcmSeal(key: Uint8Array, aad: string, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function gcmOpen(key: Uint8Array, aad: string, sealed: Uint8Array): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealError("MALFORMED", "the sealed value is too short");
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError(
      "TAMPERED",
      "the value does not open with its key (changed, moved, or sealed with another key)",
    );
  }
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** Seals text under a data key; `purpose` (e.g. "incident.summary") must match when opening. */
export function sealText(dataKey: Uint8Array, keyId: string, purpose: string, plain: string): string {
  const sealed = gcmSeal(dataKey, `${keyId}|${purpose}`, Buffer.from(plain, "utf8"));
  return `${SEALED_PREFIX}${keyId}:${sealed.toString("base64url")}`;
}

/** Opens a sealed value; text stored before encryption (no prefix) comes back as it is. */
export function openText(dataKey: Uint8Array, keyId: string, purpose: string, value: string): string {
  if (!isSealed(value)) return value;
  const named = sealedKeyId(value);
  if (named === null) throw new SealError("MALFORMED", "the sealed value names no key");
  if (named !== keyId) throw new SealError("WRONG_KEY", `the value was sealed with data key ${named}, not ${keyId}`);
  const body = Buffer.from(value.slice(SEALED_PREFIX.length + named.length + 1), "base64url");
  return gcmOpen(dataKey, `${keyId}|${purpose}`, body).toString("utf8");
}

/** A keyed digest of text under a data key: equality checks (unique names) without the text. */
export function textDigest(dataKey: Uint8Array, purpose: string, plain: string): string {
  return createHmac("sha256", dataKey).update(`${purpose}|${plain}`).digest("hex");
}

const wrapAad = (incidentId: string, masterKeyId: string) => `warden-data-key|${incidentId}|${masterKeyId}`;

export function wrapDataKey(
  masterKey: Uint8Array,
  masterKeyId: string,
  incidentId: string,
  dataKey: Uint8Array,
): Buffer {
  return gcmSeal(masterKey, wrapAad(incidentId, masterKeyId), dataKey);
}

export function unwrapDataKey(
  masterKey: Uint8Array,
  masterKeyId: string,
  incidentId: string,
  wrapped: Uint8Array,
): Buffer {
  const key = gcmOpen(masterKey, wrapAad(incidentId, masterKeyId), wrapped);
  if (key.length !== DATA_KEY_BYTES) throw new SealError("MALFORMED", "the unwrapped data key has the wrong length");
  return key;
}

export type MasterKey = { id: string; key: Buffer };
export type MasterKeyRing = { active: MasterKey; byId: ReadonlyMap<string, Buffer> };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses WARDEN_MASTER_KEYS: "id:base64key,id:base64key,…", each key 32 random bytes. The first
 * is the active key (wraps new data keys, and every key on rotation); the others are kept only
 * to unwrap data keys not yet rotated. Throws a message that names the problem, never the key.
 */
export function parseMasterKeys(value: string): MasterKeyRing {
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const byId = new Map<string, Buffer>();
  const keys: MasterKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    const id = colon < 0 ? "" : entry.slice(0, colon);
    if (!KEY_ID.test(id))
      throw new Error(`entry ${index + 1} must start with a key id (letters, digits, - or _, up to 32) and a colon`);
    const material = entry.slice(colon + 1);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(material) ? Buffer.from(material, "base64") : Buffer.alloc(0);
    if (key.length !== 32)
      throw new Error(`key "${id}" must be 32 random bytes in base64 (\`openssl rand -base64 32\`)`);
    if (byId.has(id)) throw new Error(`key id "${id}" is listed twice`);
    byId.set(id, key);
    keys.push({ id, key });
  }
  const [active] = keys;
  if (!active) throw new Error("must list at least one key as id:base64key");
  return { active, byId };
}
