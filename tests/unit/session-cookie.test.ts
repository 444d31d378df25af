import { afterEach, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import path from "node:path";
import { sessionCookieName } from "@/lib/session-cookie";

// next-auth's own origin rules (the modules its handler uses to choose cookie names; not in its
// package exports, so loaded by path)
const require = createRequire(import.meta.url);
const nextAuthDir = path.dirname(require.resolve("next-auth"));
const { detectOrigin } = require(path.join(nextAuthDir, "utils/detect-origin.js")) as {
  detectOrigin: (host: string, proto?: string) => string | undefined;
};
const parseUrl = (
  require(path.join(nextAuthDir, "utils/parse-url.js")) as { default: (url?: string) => { base: string } }
).default;

const saved = {
  NEXTAUTH_URL: process.env.NEXTAUTH_URL,
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST,
  VERCEL: process.env.VERCEL,
};
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
  }
});

describe("the session cookie's name", () => {
  const urls = [
    undefined,
    "http://localhost:3000",
    "https://warden.example.com",
    "https://warden.example.com/app",
    "warden.example.com",
  ];
  const protos = [null, "http", "https"];
  for (const nextAuthUrl of urls) {
    for (const trustHost of [false, true]) {
      for (const forwardedProto of protos) {
        it(`NEXTAUTH_URL=${nextAuthUrl ?? "(unset)"}, trust host ${trustHost}, x-forwarded-proto ${forwardedProto ?? "(none)"}: as next-auth names it`, () => {
          delete process.env.VERCEL;
          if (nextAuthUrl === undefined) delete process.env.NEXTAUTH_URL;
          else process.env.NEXTAUTH_URL = nextAuthUrl;
          if (trustHost) process.env.AUTH_TRUST_HOST = "true";
          else delete process.env.AUTH_TRUST_HOST;
          const secure = parseUrl(detectOrigin("warden.example.com", forwardedProto ?? undefined)).base.startsWith(
            "https://",
          );
          expect(sessionCookieName({ nextAuthUrl, trustHost, forwardedProto })).toBe(
            secure ? "__Secure-next-auth.session-token" : "next-auth.session-token",
          );
        });
      }
    }
  }
});

describe("a trusted proxy that says https", () => {
  it("makes the session cookie Secure (and so __Secure-) whatever NEXTAUTH_URL says", async () => {
    const { secureCookies, sessionCookieName } = await import("@/lib/session-cookie");
    for (const nextAuthUrl of [undefined, "http://localhost:3000"]) {
      expect(secureCookies({ nextAuthUrl, trustHost: false, forwardedProto: null, trustedProxyHttps: true })).toBe(
        true,
      );
      expect(sessionCookieName({ nextAuthUrl, trustHost: false, forwardedProto: null, trustedProxyHttps: true })).toBe(
        "__Secure-next-auth.session-token",
      );
      expect(sessionCookieName({ nextAuthUrl, trustHost: false, forwardedProto: null, trustedProxyHttps: false })).toBe(
        "next-auth.session-token",
      );
    }
  });
});
