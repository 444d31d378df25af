import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkTimestamp, computeSignature, parseSignatureHeader, signatureMatches } from "@/domain/alerts/signature";
import { apiKeyHash, bearerKey, newApiKey, newSigningSecret } from "@/domain/alerts/api-key";

const NOW = new Date("2026-03-14T11:00:00.000Z");
const NOW_S = NOW.getTime() / 1000;

describe("timestamp window", () => {
  it.each([
    [String(NOW_S), true],
    [String(NOW_S - 300), true],
    [String(NOW_S + 300), true],
    [String(NOW_S - 301), "stale"],
    [String(NOW_S + 301), "future"],
    ["", "malformed"],
    ["1.5", "malformed"],
    ["2026-03-14T11:00:00Z", "malformed"],
  ])("%s → %s", (header, expected) => {
    const r = checkTimestamp(header, NOW);
    expect(r.ok ? true : r.reason).toBe(expected);
  });
  it("a missing header is malformed", () =>
    expect(checkTimestamp(null, NOW)).toEqual({ ok: false, reason: "malformed" }));
});

describe("signature", () => {
  const secret = "ws_test-secret";
  const body = '{"a":1}';
  // written out independently of computeSignature: HMAC-SHA256(secret, "<ts>.<body>")
  const expected = createHmac("sha256", secret).update(`1773486000.${body}`).digest("hex");

  it("is the hex HMAC of timestamp, a full stop and the body", () => {
    expect(computeSignature(secret, "1773486000", body)).toBe(expected);
    expect(signatureMatches(secret, "1773486000", Buffer.from(body), expected)).toBe(true);
  });
  it("another body, timestamp or secret does not match", () => {
    expect(signatureMatches(secret, "1773486000", '{"a":2}', expected)).toBe(false);
    expect(signatureMatches(secret, "1773486001", body, expected)).toBe(false);
    expect(signatureMatches("ws_other", "1773486000", body, expected)).toBe(false);
  });
  it.each([
    [`sha256=${"a".repeat(64)}`, "a".repeat(64)],
    [`sha256=${"A".repeat(64)}`, null],
    [`sha1=${"a".repeat(40)}`, null],
    ["a".repeat(64), null],
    [null, null],
  ])("header %s → %s", (header, hex) => expect(parseSignatureHeader(header)).toBe(hex));
});

describe("API keys", () => {
  it("are wk_ + 43 base64url characters; only such Bearer values are read", () => {
    const key = newApiKey();
    expect(key).toMatch(/^wk_[A-Za-z0-9_-]{43}$/);
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer  ${key} `)).toBe(key);
    expect(bearerKey(`Basic ${key}`)).toBeNull();
    expect(bearerKey("Bearer wk_short")).toBeNull();
    expect(bearerKey(null)).toBeNull();
    expect(newSigningSecret()).toMatch(/^ws_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyHash(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(newApiKey()).not.toBe(key);
  });
});
