import { Secret, TOTP } from "otpauth";

// TOTP as RFC 6238 defines it and authenticator apps expect: HMAC-SHA-1, 30-second steps,
// 6 digits. Time is a parameter (ms since the epoch); the caller keeps the last step used.

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that still count (clock drift between phone and server). */
export const TOTP_WINDOW = 1;

function totp(secretBase32: string): TOTP {
  return new TOTP({
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, RFC 4226's recommended length), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function base32Of(bytes: Uint8Array): string {
  return new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_S);
}

/** The code for the step that `nowMs` falls in. */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totp(secretBase32).generate({ timestamp: nowMs });
}

/** Spaces and dashes people type between groups of digits do not count. */
export function normalizeTotpInput(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "malformed" | "wrong" | "replayed" };

/**
 * Checks a typed code against the secret at `nowMs`. A code is accepted for the current step or
 * one either side; a step at or before `lastStep` (already used) is a replay and refused even
 * though the code is right.
 */
export function checkTotp(secretBase32: string, typed: string, nowMs: number, lastStep: number | null): TotpCheck {
  const token = normalizeTotpInput(typed);
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return { ok: false, reason: "malformed" };
  const delta = totp(secretBase32).validate({ token, timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = totpStep(nowMs) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return new TOTP({
    issuer,
    label: account,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  }).toString();
}

/** The secret in groups of four, easier to type from the screen. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, "$1 ").trim();
}
