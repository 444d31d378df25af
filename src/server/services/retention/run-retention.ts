import "server-only";
import { db } from "../../db";
import { Prisma } from "@/generated/prisma/client";
import { eraseIncident, type EraseOutcome } from "./erase-incident";

/**
 * Closed, unerased, unheld incidents that may be due: the database keeps those closed more than
 * their client's retention years ago (a lower bound of the due time, which is the start of the
 * next day in the client's zone); eraseIncident decides each one exactly, under its lock.
 */
export async function findErasureCandidates(now: Date, organizationId?: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT i.id FROM "Incident" i JOIN "Client" c ON c.id = i."clientId"
    WHERE i.phase = 'CLOSED' AND i."erasedAt" IS NULL AND i."closedAt" IS NOT NULL
      AND i."legalHoldAt" IS NULL AND c."legalHoldAt" IS NULL
      ${organizationId ? Prisma.sql`AND i."organizationId" = ${organizationId}::uuid` : Prisma.empty}
      AND i."closedAt" + make_interval(years => c."retentionYears") < ${now}::timestamp
    ORDER BY i."closedAt", i.id`;
  return rows.map((r) => r.id);
}

export type RetentionRun = { candidates: number; erased: number; skipped: number; failed: number };

/** Erases every due incident one by one (each its own transaction), counting outcomes; one failure does not stop the rest. */
export async function runRetention(
  now: Date,
  opts: { organizationId?: string; onError?: (incidentId: string, error: unknown) => void } = {},
): Promise<RetentionRun> {
  const ids = await findErasureCandidates(now, opts.organizationId);
  const run: RetentionRun = { candidates: ids.length, erased: 0, skipped: 0, failed: 0 };
  for (const id of ids) {
    let outcome: EraseOutcome;
    try {
      outcome = await eraseIncident(id, now);
    } catch (error) {
      run.failed += 1;
      opts.onError?.(id, error);
      continue;
    }
    if (outcome === "erased") run.erased += 1;
    else run.skipped += 1;
  }
  return run;
}
