import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { startReminderWorker } from "@/server/jobs/reminder-worker";
import { startRetentionJob } from "@/server/jobs/retention-job";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { until } from "../support/until";

describe("the retention job", () => {
  it("a queued run erases what is due on the worker's queue and logs counts, never the incident's text", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, {
      title: "Breach at Dr. Quinn's practice",
    });
    const { id: recent } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const closedAt = new Date(Date.now() - 7 * 366 * 86_400_000); // past the six years
    await db().incident.update({ where: { id }, data: { phase: "CLOSED", closedAt, phaseEnteredAt: closedAt } });
    await db().incident.update({
      where: { id: recent },
      data: { phase: "CLOSED", closedAt: new Date(), phaseEnteredAt: new Date() },
    });
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const worker = await startReminderWorker({
      connectionString: process.env.DATABASE_URL!,
      thresholds: [0.5],
      schedule: false,
      pollSeconds: 0.5,
      organizationId: t.org.id,
    });
    try {
      const job = await startRetentionJob(worker.boss, { schedule: false, pollSeconds: 0.5, organizationId: t.org.id });
      await job.queue();
      await until(
        async () => (await db().incident.findUniqueOrThrow({ where: { id } })).erasedAt !== null,
        30_000,
        200,
      );
      await until(() => lines.some((l) => l.includes('"retention.run"')), 10_000, 50);
    } finally {
      await worker.stop();
      spy.mockRestore();
    }
    expect((await db().incident.findUniqueOrThrow({ where: { id: recent } })).erasedAt).toBeNull();
    const run = JSON.parse(lines.find((l) => l.includes('"retention.run"'))!);
    expect(run).toMatchObject({ event: "retention.run", candidates: 1, erased: 1, skipped: 0, failed: 0 });
    expect(lines.join("\n")).not.toContain("Quinn");
  });
});
