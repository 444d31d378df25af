import "server-only";
import type PgBoss from "pg-boss";
import { recomputeForRuleChange } from "../services/obligations/recompute-for-rule-change";
import { describeError, log } from "../log";
import { ensureQueue } from "./reminder-worker";

export const RULES_RECOMPUTE_QUEUE = "rules-recompute";
/** Rules change with a release, and the worker queues a run when it starts; daily as a backstop. */
export const RULES_RECOMPUTE_CRON = "41 2 * * *";

/**
 * Recomputes the obligations of open incidents computed with other rules than the ones this
 * release ships (see recompute-for-rule-change.ts), on the worker's pg-boss: a singleton queue
 * runs one pass at a time across instances, and each incident is recomputed under its lock.
 * Logs carry counts and the id of an incident that failed: never titles or text.
 */
export async function startRulesRecomputeJob(
  boss: PgBoss,
  opts: { schedule?: boolean; pollSeconds?: number; organizationId?: string } = {},
) {
  await ensureQueue(boss, { name: RULES_RECOMPUTE_QUEUE, policy: "singleton" });
  const run = async () => {
    const result = await recomputeForRuleChange(new Date(), {
      organizationId: opts.organizationId,
      onError: (incidentId, error) => log.error("rules.recompute_failed", { incidentId, ...describeError(error) }),
    });
    log.info("rules.recompute", result);
    return result;
  };
  await boss.work(RULES_RECOMPUTE_QUEUE, { pollingIntervalSeconds: opts.pollSeconds ?? 30 }, async () => {
    await run();
  });
  if (opts.schedule !== false) await boss.schedule(RULES_RECOMPUTE_QUEUE, RULES_RECOMPUTE_CRON, {}, { tz: "UTC" });
  return {
    run,
    /** Queues one run now (the worker's start), taken by whichever instance is free. */
    queue: () => boss.send(RULES_RECOMPUTE_QUEUE, {}),
  };
}
