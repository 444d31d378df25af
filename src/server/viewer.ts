import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { env } from "./env";
import { sessionCookieName } from "@/lib/session-cookie";
import { forwardedHttps } from "./client-ip";
import { loadViewer } from "./data/load-viewer";
import { cachedViewer } from "./data/viewer-cache";
import { checkSession, type SessionGate } from "./data/load-session";
import { readSessionToken, type SessionToken } from "./session-token";
import { touchSession } from "./services/sessions/sessions";
import { pageErrorOf } from "./unavailable";
import { secondFactorPath } from "@/domain/access/session-status";
import { can, type Viewer } from "@/domain/access/can";
import type { Permission } from "@/domain/access/permissions";

/**
 * The signed-in person, re-read from the database on every request so that a disabled account
 * or a removed client assignment takes effect at once, not when the session expires: for pages
 * and downloads, from the per-process copy that every change of the organization's data
 * invalidates as it commits (data/viewer-cache.ts); for server actions, straight from the
 * database (authorize with fresh). Either way the session row behind the cookie is read on every
 * request (one primary-key lookup, beside the viewer's): a session ended on the server, idle or
 * past its absolute lifetime, or still owing its second factor, gives no viewer.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await requestSession();
  if (!token) return null;
  try {
    const [gate, viewer] = await Promise.all([getSessionGate(), cachedViewer(token.userId)]);
    return gate.status === "complete" ? viewer : null;
  } catch (error) {
    // the first read of every page: with the database away, the error page says so (error.tsx)
    throw pageErrorOf(error);
  }
});

const getFreshViewer = cache(async (): Promise<Viewer | null> => {
  const token = await requestSession();
  if (!token) return null;
  const [gate, viewer] = await Promise.all([getSessionGate(), loadViewer(token.userId)]);
  if (gate.status !== "complete" || !viewer) return null;
  // Writes mark the session as in use (at most every few minutes): pages never write.
  await touchSession(token.sessionId);
  return viewer;
});

/** The state of this request's session: complete, owing a factor, or none (and why). */
export const getSessionGate = cache(async (): Promise<SessionGate> => checkSession(await requestSession()));

const requestSession = cache(async (): Promise<SessionToken | null> => {
  // Per request, never at build time: pages that ask who is looking are always dynamic.
  await connection();
  const token = await sessionCookieValue();
  return token ? readSessionToken(token, env().NEXTAUTH_SECRET) : null;
});

/** The one name next-auth writes the session cookie under here (see lib/session-cookie.ts). */
async function sessionCookie(): Promise<string> {
  const trustHost = Boolean(process.env.VERCEL || process.env.AUTH_TRUST_HOST);
  // Only that name is read: accepting the plain name on https would let a cookie planted over
  // plain http or from a sibling domain (which `__Secure-` forbids) choose who the visitor is.
  const h = await headers();
  return sessionCookieName({
    nextAuthUrl: env().NEXTAUTH_URL,
    trustHost,
    forwardedProto: trustHost ? h.get("x-forwarded-proto") : null,
    trustedProxyHttps: forwardedHttps(h),
  });
}

/**
 * The session cookie as next-auth writes it (an encrypted JWT, split into numbered chunks when
 * long). Reading it directly spares every page next-auth's full session round (decode,
 * callbacks, re-encode a cookie a server component cannot set anyway).
 */
async function sessionCookieValue(): Promise<string | null> {
  const jar = await cookies();
  const name = await sessionCookie();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => /^\d+$/.test(c.name.slice(name.length + 1)) && c.name.startsWith(`${name}.`));
  chunks.sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.map((c) => c.value).join("") || null;
}

/**
 * First line of every page loader: no session → sign-in page; no permission → not found
 * (the same answer as for a page that does not exist).
 */
export async function requireViewer(permission: Permission, returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const query = returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : "";
    redirect(`${secondFactorPath((await getSessionGate()).status) ?? "/login"}${query}`);
  }
  if (!can(viewer, permission)) notFound();
  return viewer;
}

/** For pages every signed-in person may open (their own Security page): the viewer and this session's id. */
export async function requireSignedIn(returnTo: string): Promise<{ viewer: Viewer; sessionId: string }> {
  const viewer = await getViewer();
  const gate = await getSessionGate();
  if (!viewer || !gate.sessionId)
    redirect(`${secondFactorPath(gate.status) ?? "/login"}?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { viewer, sessionId: gate.sessionId };
}

/**
 * For server actions and route handlers: the viewer if signed in and permitted, else why not.
 * Changes pass `fresh`: they are decided on the viewer as the database has it this instant.
 */
export async function authorize(
  permission: Permission,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<{ ok: true; viewer: Viewer } | { ok: false; code: "UNAUTHENTICATED" | "NOT_FOUND" }> {
  const viewer = await (fresh ? getFreshViewer() : getViewer());
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  if (!can(viewer, permission)) return { ok: false, code: "NOT_FOUND" };
  return { ok: true, viewer };
}
