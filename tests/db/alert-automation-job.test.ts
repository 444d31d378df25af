import { describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { db } from "@/server/db";
import { ALERT_CREATED_QUEUE, startAlertAutomationJob } from "@/server/jobs/alert-automation-job";
import { createIntegration } from "@/server/services/admin/integrations";
import { ingestAlert } from "@/server/services/alerts/ingest-alert";
import { computeSignature } from "@/domain/alerts/signature";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";

// New alerts reach automation through an outbox: the post writes the alert only, and the
// worker's sweep queues one pg-boss job per new alert (once), never for a grouped repeat.

async function post(key: string, secret: string, body: object) {
  const raw = new TextEncoder().encode(JSON.stringify(body));
  const ts = String(Math.floor(Date.now() / 1000));
  return ingestAlert({
    authorization: `Bearer ${key}`,
    timestamp: ts,
    signature: `sha256=${computeSignature(secret, ts, raw)}`,
    body: raw,
    clientParam: null,
    ip: null,
    now: new Date(),
  });
}

describe("alert automation outbox", () => {
  it("queues one job per new alert, once, whatever the number of sweeps; a grouped repeat queues none", async () => {
    const t = await makeTenant();
    const r = await createIntegration(await ctxFor(t.admin.id), {
      name: "Outbox SIEM",
      format: "GENERIC",
      clientIds: [t.clientA.id],
      rateLimitPerMinute: 100,
    });
    if (!r.ok) throw new Error(r.message);
    const alert = {
      source: "dlp",
      title: "Card numbers mailed out",
      severity: "HIGH",
      observedAt: new Date().toISOString(),
    };
    const first = await post(r.value.apiKey!, r.value.signingSecret, { ...alert, externalId: "o-1" });
    const repeat = await post(r.value.apiKey!, r.value.signingSecret, { ...alert, externalId: "o-2" });
    expect(first.kind).toBe("created");
    expect(repeat.kind).toBe("grouped");
    const alertId = (first as { alertId: string }).alertId;
    expect((await db().alert.findUniqueOrThrow({ where: { id: alertId } })).automationQueuedAt).toBeNull();

    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2 });
    await boss.start();
    const job = await startAlertAutomationJob(boss, { sweepMs: 3_600_000, pollSeconds: 3600 });
    try {
      expect(await job.sweep()).toBeGreaterThanOrEqual(1);
      await job.sweep();
      expect((await db().alert.findUniqueOrThrow({ where: { id: alertId } })).automationQueuedAt).not.toBeNull();
      const jobs = await db().$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${ALERT_CREATED_QUEUE} AND data->>'alertId' = ${alertId}`;
      expect(jobs[0]!.n).toBe(1);
    } finally {
      job.stop();
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
