// The demo accounts' authenticator secrets: fixed and public like their password, derived from
// the email (base32 of HMAC-SHA-256 keyed "warden-demo", first 20 bytes), so README, `npm start`,
// `npm run demo:code` and the browser tests all know them. Only the demo seed stores them.
import { createHmac } from "node:crypto";
import { base32Of, totpCode } from "../src/domain/mfa/totp";

export function demoTotpSecret(email: string): string {
  return base32Of(createHmac("sha256", "warden-demo").update(email.toLowerCase()).digest().subarray(0, 20));
}

export function demoTotpCode(email: string, nowMs = Date.now()): string {
  return totpCode(demoTotpSecret(email), nowMs);
}
