import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { env } from "./env";
import { sessionCookieName } from "@/lib/session-cookie";
import { loadViewer } from "./data/load-viewer";
import { can, type Viewer } from "@/domain/access/can";
import type { Permission } from "@/domain/access/permissions";

/**
 * The signed-in person, re-read from the database on every request so that a disabled account
 * or a removed client assignment takes effect at once, not when the session expires.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Per request, never at build time: pages that ask who is looking are always dynamic.
  await connection();
  const userId = await sessionUserId();
  if (!userId) return null;
  return loadViewer(userId);
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
  try {
    const payload = await decode({ token, secret: NEXTAUTH_SECRET });
    return typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null; // tampered, expired or signed with another secret: not signed in
  }
}

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

/** For server actions and route handlers: the viewer if signed in and permitted, else why not. */
export async function authorize(
  permission: Permission,
): Promise<{ ok: true; viewer: Viewer } | { ok: false; code: "UNAUTHENTICATED" | "NOT_FOUND" }> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  if (!can(viewer, permission)) return { ok: false, code: "NOT_FOUND" };
  return { ok: true, viewer };
}
