import "server-only";
import type PgBoss from "pg-boss";
import { ensureQueue } from "./reminder-worker";
import { attemptDelivery, findDueDeliveries, type DeliveryJob } from "../services/webhooks/deliver-webhook";
import { escalatePage, findDueEscalations, type EscalationJob } from "../services/on-call/page-on-call";
import { describeError, log } from "../log";

export const WEBHOOK_QUEUE = "webhook-delivery";
export const ESCALATION_QUEUE = "oncall-escalation";

/**
 * Webhook deliveries and page escalations on the worker's pg-boss. Both are outbox rows written
 * in the transaction of the change (WebhookDelivery, OnCallPage); a sweep every second hands
 * each due row to one pg-boss job, keyed by row and attempt (or level). The job claims its row
 * by a conditional update, so however many workers sweep and run, each attempt and each
 * escalation happens once.
 */
export async function startDispatchWorker(
  boss: PgBoss,
  opts: { sweepMs?: number; pollSeconds?: number; organizationId?: string } = {},
) {
  await ensureQueue(boss, { name: WEBHOOK_QUEUE, policy: "short", retryLimit: 0 });
  await ensureQueue(boss, { name: ESCALATION_QUEUE, policy: "short", retryLimit: 3, retryDelay: 5 });
  const poll = { pollingIntervalSeconds: opts.pollSeconds ?? 1, batchSize: 5 };
  await boss.work<DeliveryJob>(WEBHOOK_QUEUE, poll, async (jobs) => {
    // side by side: each has its own 10-second bound, so one slow receiver does not hold up the others
    await Promise.all(jobs.map((job) => attemptDelivery(job.data, new Date())));
  });
  await boss.work<EscalationJob>(ESCALATION_QUEUE, poll, async (jobs) => {
    for (const job of jobs) {
      const outcome = await escalatePage(job.data, new Date());
      log.info("oncall.escalation", { pageId: job.data.pageId, level: job.data.level, outcome });
    }
  });

  let running = false;
  const sweep = async () => {
    if (running) return 0;
    running = true;
    try {
      const now = new Date();
      const deliveries = await findDueDeliveries(now, 200, opts.organizationId);
      for (const d of deliveries)
        await boss.send(WEBHOOK_QUEUE, d, { singletonKey: `${d.deliveryId}:${d.attempt}`, expireInSeconds: 60 });
      const escalations = await findDueEscalations(now, opts.organizationId);
      for (const e of escalations) await boss.send(ESCALATION_QUEUE, e, { singletonKey: `${e.pageId}:${e.level}` });
      return deliveries.length + escalations.length;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(
    () => void sweep().catch((error: unknown) => log.error("dispatch.sweep_failed", describeError(error))),
    opts.sweepMs ?? 1000,
  );
  return {
    sweep,
    stop: () => clearInterval(timer),
  };
}
