import { describe, expect, it } from "vitest";
import { classifyAddress, type AddressClass } from "@/domain/webhooks/address-class";
import { nextAttemptAfter, MAX_ATTEMPTS, delivered } from "@/domain/webhooks/retry-schedule";
import { signWebhook, verifyWebhookSignature } from "@/domain/webhooks/signature";

const rows: Array<[string, AddressClass | null]> = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.15.255.255", "public"],
  ["172.32.0.1", "public"],
  ["192.168.1.10", "private"],
  ["100.64.0.1", "private"],
  ["169.254.169.254", "link-local"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["0.0.0.0", "unspecified"],
  ["255.255.255.255", "reserved"],
  ["192.0.2.1", "reserved"],
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["::", "unspecified"],
  ["fc00::1", "unique-local"],
  ["fd12:3456:789a::1", "unique-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["ff02::1", "multicast"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:169.254.169.254", "link-local"],
  ["::ffff:8.8.8.8", "public"],
  ["::127.0.0.1", "loopback"],
  ["64:ff9b::192.168.0.1", "private"],
  ["2002:7f00:1::", "loopback"],
  ["2001:db8::1", "reserved"],
  ["2606:4700:4700::1111", "public"],
  ["2a00:1450:4001:80b::200e", "public"],
  ["example.com", null],
  ["1.2.3", null],
];

describe("classifyAddress", () => {
  it.each(rows)("%s is %s", (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});

describe("retry schedule", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up after the sixth attempt", () => {
    const t0 = new Date("2026-12-02T12:00:00Z");
    const waits = [1, 2, 3, 4, 5].map((n) => (nextAttemptAfter(n, t0)?.getTime() ?? 0) - t0.getTime());
    expect(waits).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAfter(6, t0)).toBeNull();
  });

  it("counts only 2xx as delivered", () => {
    expect([200, 204, 299, 301, 400, 500, null].map(delivered)).toEqual([true, true, true, false, false, false, false]);
  });
});

describe("webhook signature", () => {
  // computed independently: printf '1764676800.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
  const expected = "sha256=d272fad427527ecd0a31e36f067068677637a5a2661326d771dc74be366a7154";
  it("is HMAC-SHA256 over '<timestamp>.<body>' in hex", () => {
    expect(signWebhook("whsec_test", 1764676800, '{"a":1}')).toBe(expected);
  });

  it("verifies a fresh signature and refuses a stale, altered or malformed one", () => {
    const now = new Date(1764676800 * 1000 + 60_000);
    const header = { timestamp: "1764676800", signature: expected };
    expect(verifyWebhookSignature("whsec_test", header, '{"a":1}', now)).toBe(true);
    expect(verifyWebhookSignature("whsec_test", header, '{"a":2}', now)).toBe(false);
    expect(verifyWebhookSignature("other", header, '{"a":1}', now)).toBe(false);
    expect(verifyWebhookSignature("whsec_test", header, '{"a":1}', new Date(now.getTime() + 600_000))).toBe(false);
    expect(verifyWebhookSignature("whsec_test", { ...header, timestamp: "x" }, '{"a":1}', now)).toBe(false);
  });
});
