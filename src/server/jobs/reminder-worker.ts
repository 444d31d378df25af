import "server-only";
import PgBoss from "pg-boss";
import { deliverReminder, findDueReminders, type ReminderJob } from "../services/reminders/reminders";
import { describeError, log } from "../log";

export const SCAN_QUEUE = "reminders-scan";
export const REMINDER_QUEUE = "reminder";

/**
 * Creates a queue unless it exists. Instances starting together race to create it, and
 * pg-boss's DDL can deadlock or collide then: the loser waits a moment and looks again.
 */
export async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue) {
  for (let attempt = 0; ; attempt++) {
    if (await boss.getQueue(queue.name)) return;
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || !["40P01", "23505", "42P07"].includes(code ?? "")) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
}

/**
 * Reminders and escalations on a PostgreSQL-backed queue (pg-boss): a scan every minute (the
 * schedule fires once across all instances) enqueues one job per (obligation, kind), with a
 * singleton key; delivery itself is once-only by a unique row. Any number of app instances may
 * run this worker.
 */
export async function startReminderWorker(opts: {
  connectionString: string;
  thresholds: readonly number[];
  schedule?: boolean;
  pollSeconds?: number;
  /** Limit scans to one organization (tests share a database). */
  organizationId?: string;
}) {
  const boss = new PgBoss({ connectionString: opts.connectionString, schema: "pgboss", max: 2 });
  boss.on("error", (error) => log.error("jobs.error", describeError(error)));
  await boss.start();
  await ensureQueue(boss, { name: SCAN_QUEUE, policy: "singleton" });
  await ensureQueue(boss, { name: REMINDER_QUEUE, policy: "short", retryLimit: 5, retryDelay: 30 });

  const scan = async () => {
    const jobs = await findDueReminders(new Date(), opts.thresholds, opts.organizationId);
    for (const job of jobs) await boss.send(REMINDER_QUEUE, job, { singletonKey: `${job.obligationId}:${job.kind}` });
    return jobs.length;
  };

  await boss.work(SCAN_QUEUE, { pollingIntervalSeconds: opts.pollSeconds ?? 10 }, async () => {
    const n = await scan();
    if (n) log.info("reminders.enqueued", { count: n });
  });
  await boss.work<ReminderJob>(
    REMINDER_QUEUE,
    { pollingIntervalSeconds: opts.pollSeconds ?? 10, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) {
        const outcome = await deliverReminder(job.data, new Date());
        log.info("reminders.delivered", { obligationId: job.data.obligationId, kind: job.data.kind, outcome });
      }
    },
  );
  if (opts.schedule !== false) await boss.schedule(SCAN_QUEUE, "* * * * *");

  return {
    boss,
    /** Runs one scan now (tests, and the first minute after start). */
    scan,
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}
