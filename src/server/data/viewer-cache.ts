import "server-only";
import { loadViewer } from "./load-viewer";
import { sqlRows } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { latestVersion, observeVersion, trustedGeneration } from "../change-feed";
import type { Viewer } from "@/domain/access/can";

// The viewer is read for every page. Between changes of the organization's data it cannot
// differ (a role, an assignment, a disabled account, an unread notice: each change bumps the
// data version), so while the change feed is trusted it is kept per person and reused until
// the feed reports a newer version for the organization, or for at most a minute as a
// backstop. Without a trusted feed every request reads it (see change-feed.ts). Server actions
// always read it afresh (viewer.ts), so every change is decided on the database's word.

export const VIEWER_MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

type Entry = { viewer: Viewer; at: number; generation: number };
const globalForViewers = globalThis as unknown as { wardenViewers?: Map<string, Entry> };
const entries = (globalForViewers.wardenViewers ??= new Map());

function current(entry: Entry | undefined, generation: number, now: number): entry is Entry {
  return (
    entry !== undefined &&
    entry.generation === generation &&
    now - entry.at < VIEWER_MAX_AGE_MS &&
    latestVersion(entry.viewer.organizationId) === entry.viewer.dataVersion
  );
}

/** The viewer for a user id, as loadViewer reads it, reused while nothing has changed. */
export async function cachedViewer(userId: string, now = Date.now()): Promise<Viewer | null> {
  const generation = trustedGeneration();
  if (generation !== null) {
    const entry = entries.get(userId);
    if (current(entry, generation, now)) {
      entries.delete(userId); // most recently used last
      entries.set(userId, entry);
      return entry.viewer;
    }
  }
  const viewer = await loadViewer(userId);
  entries.delete(userId);
  if (!viewer || viewer.dataVersion === undefined) return viewer;
  observeVersion(viewer.organizationId, viewer.dataVersion);
  // keep it only if the feed was trusted throughout the read (no connection lost meanwhile)
  if (generation !== null && trustedGeneration() === generation) {
    entries.set(userId, { viewer, at: now, generation });
    const oldest = entries.keys().next();
    if (entries.size > MAX_ENTRIES && !oldest.done) entries.delete(oldest.value);
  }
  return viewer;
}

/** Drops the kept viewer of one person: the next request reads them from the database. */
export function forgetViewer(userId: string): void {
  entries.delete(userId);
}

/**
 * Reads the organization's data version after a change this process made, so that the pages
 * drawn in answer to it (and every later request here) see the change without waiting for the
 * feed's notice to arrive: read-your-own-writes.
 */
export async function caughtUpWith(organizationId: string): Promise<void> {
  if (trustedGeneration() === null) return;
  const [row] = await sqlRows<{ v: number }>(
    Prisma.sql`SELECT "dataVersion" AS v FROM "Organization" WHERE id = ${organizationId}::uuid`,
  );
  if (row) observeVersion(organizationId, row.v);
}
