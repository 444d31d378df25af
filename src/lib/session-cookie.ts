// Which name next-auth 4 gives the session cookie: `__Secure-` exactly when its origin is
// https. The origin is NEXTAUTH_URL; without it, the request's forwarded protocol when the host
// is trusted (AUTH_TRUST_HOST or VERCEL: anything but "http" counts as https); otherwise
// http://localhost:3000. tests/unit/session-cookie.test.ts checks this against next-auth itself.
// Warden adds one case: a request from a trusted proxy (TRUSTED_PROXIES) that says the client
// used https gets Secure cookies too (auth.ts passes useSecureCookies then).

export type CookieSetting = {
  nextAuthUrl?: string;
  trustHost: boolean;
  forwardedProto: string | null;
  trustedProxyHttps?: boolean;
};

export const SESSION_COOKIE = "next-auth.session-token";

/** Whether session cookies are Secure (and so named `__Secure-`). */
export function secureCookies({ nextAuthUrl, trustHost, forwardedProto, trustedProxyHttps }: CookieSetting): boolean {
  if (trustedProxyHttps) return true;
  const origin = nextAuthUrl
    ? nextAuthUrl.startsWith("http")
      ? nextAuthUrl
      : `https://${nextAuthUrl}`
    : trustHost
      ? forwardedProto === "http"
        ? "http:"
        : "https:"
      : "http:";
  return origin.startsWith("https:");
}

export function sessionCookieName(setting: CookieSetting): string {
  return `${secureCookies(setting) ? "__Secure-" : ""}${SESSION_COOKIE}`;
}
