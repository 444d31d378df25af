import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { authOptions } from "./auth";
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
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadViewer(userId);
});

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
