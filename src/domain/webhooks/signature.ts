import { createHmac, timingSafeEqual } from "node:crypto";

// Outbound webhook signatures: HMAC-SHA256 under the subscription's secret over
// "<unix seconds>.<raw body>", sent as X-Warden-Signature: sha256=<hex>, with the seconds in
// X-Warden-Timestamp (the receiver refuses stale ones, so a captured request cannot be replayed later).

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does: same signature, and a timestamp within `toleranceSeconds` of now. */
export function verifyWebhookSignature(
  secret: string,
  header: { timestamp: string; signature: string },
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!/^\d{1,12}$/.test(header.timestamp)) return false;
  const ts = Number(header.timestamp);
  if (Math.abs(now.getTime() / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
