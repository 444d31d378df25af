import "server-only";
import type PgBoss from "pg-boss";
import { AUTOMATION_QUEUE, type AutomationJob } from "../services/automation/queue-automation";
import { runAutomation } from "../services/automation/run-automation";
import { describeError, log } from "../log";
import { ensureQueue } from "./reminder-worker";

/**
 * Incident events for the automation rules (incident.created, incident.phase_changed), queued in
 * the transaction of the change (queue-automation.ts). Alerts come through ingestion's own job
 * (onAlertCreated). Each rule runs once per event however often a job is delivered; a database
 * busy or away fails the job, and pg-boss retries it with back-off. Logs carry ids and counts.
 */
export async function startAutomationWorker(boss: PgBoss, opts: { pollSeconds?: number } = {}) {
  await ensureQueue(boss, {
    name: AUTOMATION_QUEUE,
    policy: "standard",
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  });
  await boss.work<AutomationJob>(
    AUTOMATION_QUEUE,
    { pollingIntervalSeconds: opts.pollSeconds ?? 1, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) {
        try {
          const results = await runAutomation(job.data, new Date());
          log.info("automation.ran", {
            eventKey: job.data.eventKey,
            rules: results.length,
            done: results.filter((r) => r.status === "done").length,
            failed: results.filter((r) => r.status === "failed").length,
          });
        } catch (error) {
          log.warn("automation.retry", { eventKey: job.data.eventKey, ...describeError(error) });
          throw error;
        }
      }
    },
  );
}
