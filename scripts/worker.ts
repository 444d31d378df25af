// `npm run worker`: the reminder and escalation worker, the daily retention erasure, and the
// recomputation of open incidents' obligations when the deadline rules changed.
// `npm start` runs one beside the web server; run more anywhere: pg-boss and a unique key keep
// every reminder to one delivery, and a row lock every erasure to one.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const { auditKeyEnv, databaseEnv } = await import("../src/server/env");
const { parseThresholds } = await import("../src/domain/deadlines/reminders");
const { startReminderWorker } = await import("../src/server/jobs/reminder-worker");
const { startRetentionJob, RETENTION_CRON } = await import("../src/server/jobs/retention-job");
const { startRulesRecomputeJob } = await import("../src/server/jobs/rules-recompute-job");

let thresholds: number[];
let url: string;
try {
  url = databaseEnv().DATABASE_URL;
  auditKeyEnv(); // reminders and escalations are audited: without the key, refuse to start rather than fail each job
  thresholds = parseThresholds(process.env.REMINDER_THRESHOLDS);
} catch (error) {
  console.error(`warden worker: ${(error as Error).message}`);
  process.exit(1);
}
const worker = await startReminderWorker({ connectionString: url, thresholds });
const due = await worker.scan();
// erasure of closed incidents past their retention: daily, and once now
const retention = await startRetentionJob(worker.boss);
await retention.queue();
// new alerts handed to automation (an outbox swept every second); replay nonces pruned
const { startAlertAutomationJob } = await import("../src/server/jobs/alert-automation-job");
await startAlertAutomationJob(worker.boss);
// automation rules on incident events (alert events come through ingestion's own job)
const { startAutomationWorker } = await import("../src/server/jobs/automation-worker");
await startAutomationWorker(worker.boss);
// webhook deliveries and on-call page escalations: outbox rows swept every second, one job each
const { startDispatchWorker } = await import("../src/server/jobs/dispatch-worker");
const dispatch = await startDispatchWorker(worker.boss);
// open incidents computed with other deadline rules than this release's: recomputed now (and daily)
const rulesRecompute = await startRulesRecomputeJob(worker.boss);
await rulesRecompute.queue();
// Audit entries are chained right after their change commits, by the process that made it; one
// left waiting (that process stopped in between, or wrote outside the web server) is chained here,
// and runs of the chain not sealed yet (audit-sealer.ts) are sealed.
const { chainAllPending } = await import("../src/server/audit-chainer");
const { sealAllDue } = await import("../src/server/audit-sealer");
const sweep = setInterval(
  () =>
    void chainAllPending()
      .then(() => sealAllDue())
      .catch((error: Error) =>
        console.error(`warden worker: chaining or sealing audit entries failed: ${error.message}`),
      ),
  5_000,
);
console.log(
  `warden worker: reminders at ${thresholds.map((t) => `${t * 100}%`).join(", ")} of each window, escalation when overdue; ` +
    `first scan queued ${due} reminder${due === 1 ? "" : "s"}, then a scan each minute; ` +
    `retention erasure queued now, then daily (${RETENTION_CRON} UTC); ` +
    `open incidents recomputed for rule changes now, then daily`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    clearInterval(sweep);
    dispatch.stop();
    void worker.stop().then(() => process.exit(0));
  });
}
