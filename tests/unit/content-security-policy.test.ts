import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the Content-Security-Policy", () => {
  it("lets scripts run only from the site or with this response's nonce, never inline", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123", https: true, development: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d).toHaveProperty("upgrade-insecure-requests");
  });

  it("allows inline styles (style attributes cannot run code), eval only in development, and no upgrade over http", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", https: false, development: true }));
    expect(d["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("draws a different 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
