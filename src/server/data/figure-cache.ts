import "server-only";
import { db } from "../db";
import { feedGeneration, latestVersion } from "../change-feed";
import { VersionedCache } from "@/lib/versioned-cache";
import type { Viewer } from "@/domain/access/can";

// Figures that many requests read and few change (the dashboard's aggregates, the client and
// staff lists behind filters) are kept per process and keyed by the organization's data version,
// which grows with every audited change of data as its entries are chained, right after its
// commit and before the writer's answer (see audit-chainer.ts; sign-in attempts do not). A change anywhere in the organization therefore makes the next request
// recompute; with no change, figures that depend on the clock ("overdue", "due in 24 h") are
// recomputed at least once a minute. Each server process keeps its own entries, and the version
// makes them agree.

export const FIGURES_MAX_AGE_MS = 60_000;
const figures = new VersionedCache({ maxEntries: 1_000, maxAgeMs: FIGURES_MAX_AGE_MS });
// An incident page's data is larger (its timeline, obligations and questions) and each entry
// serves one incident, so its own store keeps fewer, without pushing the figures out.
const incidentPages = new VersionedCache({ maxEntries: 200, maxAgeMs: FIGURES_MAX_AGE_MS });
const STORES = { figures, incidentPages } as const;

async function organizationDataVersion(viewer: Viewer): Promise<number> {
  // the newer of the viewer's version and the latest this process has heard of (a kept viewer
  // may predate a change the feed or the writer's own catch-up has announced since)
  if (viewer.dataVersion !== undefined)
    return Math.max(viewer.dataVersion, latestVersion(viewer.organizationId) ?? viewer.dataVersion);
  const org = await db().organization.findUnique({
    where: { id: viewer.organizationId },
    select: { dataVersion: true },
  });
  return org?.dataVersion ?? 0;
}

/**
 * `compute`'s result for this viewer's organization and scope, reused while no change has been
 * made since and it is under a minute old. `parts` must name everything else the result
 * depends on (filters, period); the compute function must read nothing outside the key.
 */
export async function cachedFigures<T>(
  viewer: Viewer,
  parts: readonly unknown[],
  compute: (now: Date) => Promise<T>,
  { store = "figures" }: { store?: keyof typeof STORES } = {},
): Promise<{ value: T; asOf: Date }> {
  const version = await organizationDataVersion(viewer);
  // Nothing made before this process lost touch with the database (the change feed's
  // generation) is served after: a change that committed as the database went away has its
  // version grown only once its audit entries are chained on the database's return, so the
  // version alone would not tell figures made before that change from figures made after it.
  const key = JSON.stringify([viewer.organizationId, feedGeneration(), viewer.clientIds, viewer.timeZone, ...parts]);
  const now = Date.now();
  const { value, computedAt } = await STORES[store].get(key, version, now, () => compute(new Date(now)));
  return { value, asOf: new Date(computedAt) };
}
