import { describe, expect, it } from "vitest";
import { clientIp, forwardedHttps, normalizeIp, requestIdOf, userAgentOf } from "@/server/client-ip";
import { parseTrustedProxies } from "@/server/trusted-proxies";
import { parseEnv } from "@/server/env";

const PEER = "x-warden-peer";
const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.10, fd00::/8");
const none = parseTrustedProxies("");

describe("the client's address", () => {
  it.each([
    ["no stamp: unknown, whatever the client claims", { "x-forwarded-for": "1.2.3.4" }, proxies, null],
    [
      "direct client: the socket address; its X-Forwarded-For ignored",
      { [PEER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" },
      proxies,
      "203.0.113.7",
    ],
    [
      "no trusted proxies configured: the socket address",
      { [PEER]: "10.0.0.5", "x-forwarded-for": "1.2.3.4" },
      none,
      "10.0.0.5",
    ],
    [
      "through a trusted proxy: the address it saw",
      { [PEER]: "10.0.0.5", "x-forwarded-for": "198.51.100.9" },
      proxies,
      "198.51.100.9",
    ],
    [
      "a spoofed entry left of the real one is ignored",
      { [PEER]: "10.0.0.5", "x-forwarded-for": "6.6.6.6, 198.51.100.9" },
      proxies,
      "198.51.100.9",
    ],
    [
      "two trusted hops: the first untrusted from the right",
      { [PEER]: "10.0.0.5", "x-forwarded-for": "198.51.100.9, 192.168.1.10" },
      proxies,
      "198.51.100.9",
    ],
    ["trusted proxy without the header: the proxy", { [PEER]: "10.0.0.5" }, proxies, "10.0.0.5"],
    [
      "garbage right of the client: stop at the last trusted hop",
      { [PEER]: "10.0.0.5", "x-forwarded-for": "198.51.100.9, <script>" },
      proxies,
      "10.0.0.5",
    ],
    ["an IPv6 proxy in a range", { [PEER]: "fd00::1", "x-forwarded-for": "2001:db8::1" }, proxies, "2001:db8::1"],
    ["IPv4-mapped socket address", { [PEER]: "::ffff:203.0.113.7" }, proxies, "203.0.113.7"],
    [
      "a 5,000-character header from a trusted proxy",
      { [PEER]: "10.0.0.5", "x-forwarded-for": `${"9".repeat(4990)}, 198.51.100.9` },
      proxies,
      "198.51.100.9",
    ],
    [
      "a 5,000-character header that is all garbage",
      { [PEER]: "10.0.0.5", "x-forwarded-for": "x".repeat(5000) },
      proxies,
      "10.0.0.5",
    ],
    ["a forged stamp value that is no address", { [PEER]: "a".repeat(200) }, proxies, null],
  ])("%s", (_name, headers, list, expected) => {
    expect(clientIp(headers, list)).toBe(expected);
    expect(clientIp(new Headers(headers), list)).toBe(expected);
  });

  it.each([
    ["[::1]:443", "::1"],
    ["1.2.3.4:8080", "1.2.3.4"],
    ["fe80::1%eth0", "fe80::1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["1.2.3", null],
    ["999.1.1.1", null],
    ["", null],
    ["1.2.3.4, 5.6.7.8", null],
  ])("normalizes %j → %j", (raw, expected) => {
    expect(normalizeIp(raw)).toBe(expected);
  });

  it("believes x-forwarded-proto only from a trusted proxy", () => {
    expect(forwardedHttps({ [PEER]: "10.0.0.5", "x-forwarded-proto": "https" }, proxies)).toBe(true);
    expect(forwardedHttps({ [PEER]: "203.0.113.7", "x-forwarded-proto": "https" }, proxies)).toBe(false);
    expect(forwardedHttps({ [PEER]: "10.0.0.5", "x-forwarded-proto": "http" }, proxies)).toBe(false);
  });
});

describe("other header values are bounded", () => {
  it("a user agent keeps at most 300 printable characters", () => {
    const ua = userAgentOf({ "user-agent": `Mozilla\u0000/5.0 ${"x".repeat(5000)}` });
    expect(ua).toHaveLength(300);
    expect(ua).not.toMatch(/\u0000/);
    expect(userAgentOf({})).toBeNull();
  });
  it("a request id is kept only as a short plain token", () => {
    expect(requestIdOf({ "x-request-id": "abc-123" })).toBe("abc-123");
    expect(requestIdOf({ "x-request-id": "a".repeat(65) })).toBeNull();
    expect(requestIdOf({ "x-request-id": "a b" })).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  const good = {
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/warden",
    NEXTAUTH_SECRET: "s".repeat(32),
    WARDEN_AUDIT_KEY: Buffer.alloc(32, 1).toString("base64"),
    WARDEN_MASTER_KEYS: `k1:${Buffer.alloc(32, 2).toString("base64")}`,
  };
  it.each(["10.0.0.1", "10.0.0.0/8, 172.16.0.0/12", "::1,fd00::/8"])("accepts %s", (v) => {
    expect(parseEnv({ ...good, TRUSTED_PROXIES: v }).TRUSTED_PROXIES).toBe(v);
  });
  it.each(["proxy.internal", "10.0.0.0/33", "10.0.0.1/8/2", "::1/129", "10.0.0.0/x"])(
    "refuses %s, naming the variable",
    (v) => {
      expect(() => parseEnv({ ...good, TRUSTED_PROXIES: v })).toThrow(/TRUSTED_PROXIES must be a comma-separated list/);
    },
  );
});
