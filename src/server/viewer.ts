import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { env } from "./env";
import { sessionCookieName } from "@/lib/session-cookie";
import { loadViewer } from "./data/load-viewer";
import { cachedViewer } from "./data/viewer-cache";
import { can, type Viewer } from "@/domain/access/can";
import type { Permission } from "@/domain/access/permissions";

/**
 * The signed-in person, re-read from the database on every request so that a disabled account
 * or a removed client assignment takes effect at once, not when the session expires: for pages
 * and downloads, from the per-process copy that every change of the organization's data
 * invalidates as it commits (data/viewer-cache.ts); for server actions, straight from the
 * database (authorize with fresh).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const userId = await requestUserId();
  return userId ? cachedViewer(userId) : null;
});

const getFreshViewer = cache(async (): Promise<Viewer | null> => {
  const userId = await requestUserId();
  return userId ? loadViewer(userId) : null;
});

const requestUserId = cache(async (): Promise<string | null> => {
  // Per request, never at build time: pages that ask who is looking are always dynamic.
  await connection();
  return sessionUserId();
});

/** The one name next-auth writes the session cookie under here (see lib/session-cookie.ts). */
async function sessionCookie(): Promise<string> {
  const trustHost = Boolean(process.env.VERCEL || process.env.AUTH_TRUST_HOST);
  // Only that name is read: accepting the plain name on https would let a cookie planted over
  // plain http or from a sibling domain (which `__Secure-` forbids) choose who the visitor is.
  return sessionCookieName({ nextAuthUrl: env().NEXTAUTH_URL, trustHost, forwardedProto: trustHost ? (await headers()).get("x-forwarded-proto") : null });
}

/**
 * The user id in the session cookie, read the way next-auth writes it (an encrypted JWT, split
 * into numbered chunks when long) and checked the same way (decryption with the secret,
 * expiry). Reading it directly spares every page next-auth's full session round (decode,
 * callbacks, re-encode a cookie a server component cannot set anyway).
 */
async function sessionUserId(): Promise<string | null> {
  const { NEXTAUTH_SECRET } = env();
  const jar = await cookies();
  const name = await sessionCookie();
  let token = jar.get(name)?.value;
  if (!token) {
    const chunks = jar.getAll().filter((c) => /^\d+$/.test(c.name.slice(name.length + 1)) && c.name.startsWith(`${name}.`));
    chunks.sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    token = chunks.map((c) => c.value).join("") || undefined;
  }
  if (!token) return null;
  const key = createHash("sha256").update(token).digest("base64url");
  const known = decodedSessions.get(key);
  if (known && Date.now() < known.validUntil) return known.userId;
  try {
    const payload = await decode({ token, secret: NEXTAUTH_SECRET });
    const userId = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
    if (userId && typeof payload?.exp === "number") {
      decodedSessions.delete(key);
      decodedSessions.set(key, { userId, validUntil: payload.exp * 1000 });
      if (decodedSessions.size > 10_000) decodedSessions.delete(decodedSessions.keys().next().value!);
    }
    return userId;
  } catch {
    return null; // tampered, expired or signed with another secret: not signed in
  }
}

// A session token decrypts to the same user until it expires: each token (by its hash) is
// decrypted once per process, not on every request. The token is re-issued as the session
// is used, so entries age out; the map is bounded. Who that user is and may see is still read
// on each request (getViewer).
const decodedSessions = new Map<string, { userId: string; validUntil: number }>();

/**
 * First line of every page loader: no session → sign-in page; no permission → not found
 * (the same answer as for a page that does not exist).
 */
export async function requireViewer(permission: Permission, returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  if (!can(viewer, permission)) notFound();
  return viewer;
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
