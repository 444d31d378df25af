import { describe, expect, it } from "vitest";
import { base32Of, checkTotp, groupedSecret, normalizeTotpInput, totpCode, totpStep, totpUri } from "@/domain/mfa/totp";
import { looksLikeRecoveryCode, normalizeRecoveryCode, recoveryCodeFrom } from "@/domain/mfa/recovery-codes";

// RFC 6238 appendix B, SHA-1 rows: the key is the ASCII "12345678901234567890". The RFC lists
// 8-digit values; a 6-digit code is the same truncation mod 10^6, i.e. its last six digits.
const RFC_SECRET = base32Of(new TextEncoder().encode("12345678901234567890"));
const RFC_SHA1: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238, SHA-1, 30 s, 6 digits)", () => {
  it("has the RFC's key in base32", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it.each(RFC_SHA1)("at T=%i s gives the RFC's value %s (last six digits)", (seconds, eight) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(eight.slice(2));
    expect(checkTotp(RFC_SECRET, eight.slice(2), seconds * 1000, null)).toEqual({
      ok: true,
      step: Math.floor(seconds / 30),
    });
  });

  it("accepts the code of one step either side (clock drift), not two", () => {
    const t = 1111111111_000;
    expect(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, t - 30_000), t, null)).toEqual({
      ok: true,
      step: totpStep(t) - 1,
    });
    expect(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, t + 30_000), t, null)).toEqual({
      ok: true,
      step: totpStep(t) + 1,
    });
    expect(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, t - 60_000), t, null)).toEqual({ ok: false, reason: "wrong" });
    expect(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, t + 90_000), t, null)).toEqual({ ok: false, reason: "wrong" });
  });

  it("refuses a code whose step was already used (replay), and any earlier step, but takes a later one", () => {
    const t = 1234567890_000;
    const code = totpCode(RFC_SECRET, t);
    const first = checkTotp(RFC_SECRET, code, t, null);
    expect(first.ok).toBe(true);
    const used = totpStep(t);
    expect(checkTotp(RFC_SECRET, code, t + 5_000, used)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, t - 30_000), t, used)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, t + 30_000), t + 30_000, used)).toEqual({
      ok: true,
      step: used + 1,
    });
  });

  it.each([
    ["", "malformed"],
    ["12345", "malformed"],
    ["1234567", "malformed"],
    ["12a456", "malformed"],
    ["１２３４５６", "malformed"],
    ["000000", "wrong"],
  ] as const)("classifies %j as %s", (typed, reason) => {
    expect(checkTotp(RFC_SECRET, typed, 59_000, null)).toEqual({ ok: false, reason });
  });

  it("ignores the spaces and dashes people type between digit groups", () => {
    expect(normalizeTotpInput(" 287 082 ")).toBe("287082");
    expect(checkTotp(RFC_SECRET, "287-082", 59_000, null)).toEqual({ ok: true, step: 1 });
  });

  it("writes the otpauth URI apps read, and groups the secret for typing", () => {
    const uri = totpUri(RFC_SECRET, "ana@example.test", "Warden");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Warden:ana%40example\.test\?/);
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(uri).toContain("algorithm=SHA1");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("are 16 base32 characters (80 bits) in groups of four", () => {
    expect(recoveryCodeFrom(new Uint8Array(10))).toBe("AAAA-AAAA-AAAA-AAAA");
    expect(recoveryCodeFrom(new Uint8Array(10).fill(255))).toBe("7777-7777-7777-7777");
    expect(() => recoveryCodeFrom(new Uint8Array(9))).toThrow();
  });

  it.each([
    ["k7qd-m2xa-p9tr-4bwe", null], // 9 is not base32
    ["k7qd-m2xa-p7tr-4bwe", "K7QDM2XAP7TR4BWE"],
    [" K7QD M2XA P7TR 4BWE ", "K7QDM2XAP7TR4BWE"],
    ["K7QDM2XAP7TR4BW", null],
    ["123456", null],
  ])("normalizes %j to %j", (typed, normalized) => {
    expect(normalizeRecoveryCode(typed)).toBe(normalized);
    expect(looksLikeRecoveryCode(typed)).toBe(normalized !== null);
  });
});
