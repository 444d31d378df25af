import "server-only";
import { runAutomation, type RuleRunResult } from "./run-automation";

/**
 * The alert.created rules for a new alert (not for a repeat counted on an existing one). Called
 * by ingestion's outbox job (src/server/jobs/alert-automation-job.ts) on the worker, so a post is
 * answered without waiting for the rules. Each rule runs once per alert however often the job is
 * retried; a database busy or away throws, and the job is retried.
 */
export async function onAlertCreated(alertId: string, now = new Date()): Promise<RuleRunResult[]> {
  return runAutomation(
    { trigger: "alert.created", subjectType: "alert", subjectId: alertId, eventKey: `alert.created:${alertId}` },
    now,
  );
}
