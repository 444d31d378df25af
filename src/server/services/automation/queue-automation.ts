import "server-only";
import type { Tx } from "../../db";
import { db } from "../../db";
import { sendJob } from "../../jobs/job-sender";
import type { Trigger } from "@/domain/automation/rule";

export const AUTOMATION_QUEUE = "automation";

/** One event for the automation worker: the rules of its trigger run against its subject. */
export type AutomationJob = {
  trigger: Trigger;
  subjectType: "alert" | "incident";
  subjectId: string;
  /** Names the event once: a rule runs once per key (a retried job does not run it again). */
  eventKey: string;
};

/**
 * Queues the event for the worker when the organization has an enabled rule for its trigger
 * (most events have none: one indexed look-up and nothing queued). With `tx`, the job is queued
 * in the caller's transaction: it exists exactly when the change committed.
 */
export async function queueAutomation(
  client: Tx | undefined,
  organizationId: string,
  job: AutomationJob,
): Promise<void> {
  const c = client ?? db();
  const rule = await c.automationRule.findFirst({
    where: { organizationId, trigger: job.trigger, enabled: true },
    select: { id: true },
  });
  if (!rule) return;
  await sendJob(AUTOMATION_QUEUE, job, { singletonKey: job.eventKey }, client);
}
