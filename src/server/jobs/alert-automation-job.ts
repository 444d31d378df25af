import "server-only";
import type PgBoss from "pg-boss";
import { db } from "../db";
import { describeError, log } from "../log";
import { ensureQueue } from "./reminder-worker";
import { onAlertCreated } from "../services/automation/on-alert-created";

export const ALERT_CREATED_QUEUE = "alert-created";
const SWEEP_BATCH = 500;

/**
 * Hands new alerts to automation without slowing their post: ingestion writes each alert with
 * automationQueuedAt null (a transactional outbox, nothing else to write per post), and this
 * sweep, every second on the worker, claims a batch (FOR UPDATE SKIP LOCKED: any number of
 * workers), queues one pg-boss job per alert whose job id is the alert's id (queued once, even
 * if a sweep is repeated), and marks them. The job runs the alert.created rules
 * (onAlertCreated), retried with back-off when it fails. Also prunes expired replay nonces and
 * old rate-limit windows each minute.
 */
export async function startAlertAutomationJob(boss: PgBoss, opts: { sweepMs?: number; pollSeconds?: number } = {}) {
  await ensureQueue(boss, {
    name: ALERT_CREATED_QUEUE,
    policy: "standard",
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
  });
  await boss.work<{ alertId: string }>(
    ALERT_CREATED_QUEUE,
    { pollingIntervalSeconds: opts.pollSeconds ?? 1, batchSize: 20 },
    async (jobs) => {
      for (const job of jobs) await onAlertCreated(job.data.alertId);
    },
  );

  const sweep = async (): Promise<number> => {
    let queued = 0;
    for (;;) {
      const n = await db().$transaction(async (tx) => {
        const rows = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM "Alert" WHERE "automationQueuedAt" IS NULL
          ORDER BY "receivedAt" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        await boss.insert(rows.map((r) => ({ id: r.id, name: ALERT_CREATED_QUEUE, data: { alertId: r.id } })));
        await tx.alert.updateMany({
          where: { id: { in: rows.map((r) => r.id) } },
          data: { automationQueuedAt: new Date() },
        });
        return rows.length;
      });
      queued += n;
      if (n < SWEEP_BATCH) return queued;
    }
  };

  const prune = async () => {
    await db().$executeRaw`DELETE FROM "IngestNonce" WHERE "expiresAt" < now() AT TIME ZONE 'UTC'`;
    await db()
      .$executeRaw`DELETE FROM "IngestRateWindow" WHERE "windowStart" < (now() AT TIME ZONE 'UTC') - INTERVAL '5 minutes'`;
  };

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const n = await sweep();
      if (n) log.info("alerts.automation_queued", { count: n });
    } catch (error) {
      log.warn("alerts.automation_sweep_failed", describeError(error));
    } finally {
      running = false;
    }
  };
  const sweepTimer = setInterval(() => void tick(), opts.sweepMs ?? 1_000);
  const pruneTimer = setInterval(
    () => void prune().catch((error) => log.warn("alerts.prune_failed", describeError(error))),
    60_000,
  );
  sweepTimer.unref();
  pruneTimer.unref();
  return {
    sweep,
    prune,
    stop: () => {
      clearInterval(sweepTimer);
      clearInterval(pruneTimer);
    },
  };
}
