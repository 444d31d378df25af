import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "./env";
import { signInWithPassword } from "./services/sign-in";
import { clientIp, forwardedHttps, requestIdOf, userAgentOf, type HeaderSource } from "./client-ip";
import { isRole } from "@/domain/access/permissions";
import { safeRedirectUrl } from "@/lib/safe-callback";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** `headers`: the request's, so that a trusted proxy's https makes the cookies Secure. */
export function authOptions(headers?: HeaderSource): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // Otherwise next-auth decides from NEXTAUTH_URL (lib/session-cookie.ts names the same cookie).
    ...(forwardedHttps(headers) ? { useSecureCookies: true } : {}),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const user = await signInWithPassword(credentials, { ip: clientIp(req?.headers), userAgent: userAgentOf(req?.headers), requestId: requestIdOf(req?.headers) });
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        },
      }),
    ],
    callbacks: {
      // Only paths on this site after sign-in or sign-out; anything else goes home.
      redirect: async ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = isRole(token.role) ? token.role : undefined;
        }
        return session;
      },
    },
  };
}
