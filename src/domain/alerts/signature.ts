import { createHmac, timingSafeEqual } from "node:crypto";

// How a post to POST /api/v1/alerts is signed (documented in the README and the OpenAPI document):
//
//   X-Warden-Timestamp: <unix time in whole seconds>
//   X-Warden-Signature: sha256=<hex of HMAC-SHA256(signing secret, "<timestamp>.<raw body bytes>")>
//
// The signing secret is the text shown once when the integration was made (its UTF-8 bytes are
// the HMAC key). A timestamp more than 5 minutes from the server's clock, either way, is refused;
// a signature already seen within that window is a replay. Comparisons are constant-time.

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

export type TimestampCheck = { ok: true; seconds: number } | { ok: false; reason: "malformed" | "stale" | "future" };

export function checkTimestamp(header: string | null, now: Date): TimestampCheck {
  if (header === null || !TIMESTAMP.test(header.trim())) return { ok: false, reason: "malformed" };
  const seconds = Number(header.trim());
  const skew = seconds - Math.floor(now.getTime() / 1000);
  if (skew < -SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: "stale" };
  if (skew > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: "future" };
  return { ok: true, seconds };
}

/** The hex HMAC-SHA256 over "<timestamp>.<body>". */
export function computeSignature(secret: string | Uint8Array, timestamp: string, body: Uint8Array | string): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

/** The signature header's hex digest, or null when it is not "sha256=<64 lower-case hex>". */
export function parseSignatureHeader(header: string | null): string | null {
  const m = header === null ? null : SIGNATURE_HEADER.exec(header.trim());
  return m?.[1] ?? null;
}

export function signatureMatches(
  secret: string | Uint8Array,
  timestamp: string,
  body: Uint8Array | string,
  hex: string,
): boolean {
  const expected = Buffer.from(computeSignature(secret, timestamp, body), "hex");
  const given = Buffer.from(hex, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
