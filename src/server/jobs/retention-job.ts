import "server-only";
import type PgBoss from "pg-boss";
import { runRetention } from "../services/retention/run-retention";
import { describeError, log } from "../log";
import { ensureQueue } from "./reminder-worker";

export const RETENTION_QUEUE = "retention-erase";
/** Daily, at a quiet hour (UTC); the worker also queues one run when it starts. */
export const RETENTION_CRON = "17 3 * * *";

/**
 * Erasure of closed incidents past their client's retention, on the worker's pg-boss: the
 * schedule fires once a day across all instances and the singleton queue runs one scan at a time
 * (each erasure also locks its incident, so even two scans at once erase each incident once).
 * Logs carry counts, and the id of an incident whose erasure failed: never titles or text.
 */
export async function startRetentionJob(
  boss: PgBoss,
  opts: { schedule?: boolean; pollSeconds?: number; organizationId?: string } = {},
) {
  await ensureQueue(boss, { name: RETENTION_QUEUE, policy: "singleton" });
  const run = async () => {
    const result = await runRetention(new Date(), {
      organizationId: opts.organizationId,
      onError: (incidentId, error) => log.error("retention.erase_failed", { incidentId, ...describeError(error) }),
    });
    log.info("retention.run", result);
    return result;
  };
  await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: opts.pollSeconds ?? 30 }, async () => {
    await run();
  });
  if (opts.schedule !== false) await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: "UTC" });
  return {
    run,
    /** Queues one run now (the worker's start), taken by whichever instance is free. */
    queue: () => boss.send(RETENTION_QUEUE, {}),
  };
}
