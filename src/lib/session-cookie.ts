// Which name next-auth 4 gives the session cookie: `__Secure-` exactly when its origin is
// https. The origin is NEXTAUTH_URL; without it, the request's forwarded protocol when the host
// is trusted (AUTH_TRUST_HOST or VERCEL: anything but "http" counts as https); otherwise
// http://localhost:3000. tests/unit/session-cookie.test.ts checks this against next-auth itself.

export type CookieSetting = { nextAuthUrl?: string; trustHost: boolean; forwardedProto: string | null };

export const SESSION_COOKIE = "next-auth.session-token";

export function sessionCookieName({ nextAuthUrl, trustHost, forwardedProto }: CookieSetting): string {
  const origin = nextAuthUrl ? (nextAuthUrl.startsWith("http") ? nextAuthUrl : `https://${nextAuthUrl}`) : trustHost ? (forwardedProto === "http" ? "http:" : "https:") : "http:";
  return `${origin.startsWith("https:") ? "__Secure-" : ""}${SESSION_COOKIE}`;
}
