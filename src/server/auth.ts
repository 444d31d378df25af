import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "./env";
import { checkSignIn } from "./services/sign-in";
import { describeError, log } from "./log";
import { SIGN_IN_THROTTLED } from "@/lib/validation/sign-in";
import { endSession, startSession } from "./services/sessions/sessions";
import { checkSession } from "./data/load-session";
import { clientIp, forwardedHttps, requestIdOf, userAgentOf, type HeaderSource } from "./client-ip";
import { isRole } from "@/domain/access/permissions";
import { safeRedirectUrl } from "@/lib/safe-callback";

/** `headers`: the request's, so that a trusted proxy's https makes the cookies Secure. */
export function authOptions(headers?: HeaderSource): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // Otherwise next-auth decides from NEXTAUTH_URL (lib/session-cookie.ts names the same cookie).
    ...(forwardedHttps(headers) ? { useSecureCookies: true } : {}),
    // The cookie carries the Session row's id (sid); the row decides on every request whether
    // the session stands (ended, idle, past its absolute end, second factor owed), so the
    // cookie's own lifetime is only the outer bound: the absolute lifetime.
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const meta = {
            ip: clientIp(req?.headers),
            userAgent: userAgentOf(req?.headers),
            requestId: requestIdOf(req?.headers),
          };
          let outcome: Awaited<ReturnType<typeof checkSignIn>>;
          let sessionId: string | null = null;
          try {
            outcome = await checkSignIn(credentials, meta);
            if (outcome.user)
              sessionId = await startSession(outcome.user.id, { ip: meta.ip, userAgent: meta.userAgent });
          } catch (error) {
            // next-auth hands a thrown error's message to the browser (?error=…). A database error
            // is no answer to give, and one that only a known account's path meets would tell known
            // emails from unknown ones: logged with a reference, answered as any refusal.
            log.error("auth.sign_in_failed_unexpectedly", {
              requestId: meta.requestId ?? randomUUID(),
              ...describeError(error),
            });
            return null;
          }
          if (!outcome.user && outcome.throttledUntil) throw new Error(SIGN_IN_THROTTLED);
          const user = outcome.user;
          if (!user || !sessionId) return null;
          return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (typeof token?.sub === "string" && typeof token.sid === "string")
          await endSession(token.sub, token.sid, "signed_out");
      },
    },
    callbacks: {
      // Only paths on this site after sign-in or sign-out; anything else goes home.
      redirect: async ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return token;
      },
      async session({ session, token }) {
        // next-auth's own session endpoint answers from the cookie alone: it names no one for a
        // session the server has ended, that has lapsed, or that still owes its second factor.
        const gate = await checkSession(
          typeof token.sub === "string" && typeof token.sid === "string"
            ? { userId: token.sub, sessionId: token.sid }
            : null,
        );
        if (gate.status !== "complete") return { expires: session.expires };
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = isRole(token.role) ? token.role : undefined;
        }
        return session;
      },
    },
  };
}
