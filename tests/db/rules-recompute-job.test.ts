import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { startReminderWorker } from "@/server/jobs/reminder-worker";
import { startRulesRecomputeJob } from "@/server/jobs/rules-recompute-job";
import { currentRuleset } from "@/domain/deadlines/ruleset";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { until } from "../support/until";

describe("the rule-change recompute job", () => {
  it("a queued run on the worker's queue brings open incidents to the shipped rules and logs counts only", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, {
      title: "Breach at Dr. Quinn's practice",
    });
    // as if computed before rule versions were kept
    await db().incidentRuleset.delete({ where: { incidentId: id } });
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
      const job = await startRulesRecomputeJob(worker.boss, {
        schedule: false,
        pollSeconds: 0.5,
        organizationId: t.org.id,
      });
      await job.queue();
      await until(async () => (await db().incidentRuleset.count({ where: { incidentId: id } })) === 1, 30_000, 200);
      await until(() => lines.some((l) => l.includes('"rules.recompute"')), 10_000, 50);
    } finally {
      await worker.stop();
      spy.mockRestore();
    }
    const kept = await db().incidentRuleset.findUniqueOrThrow({ where: { incidentId: id } });
    expect(kept.fingerprint).toBe(currentRuleset().fingerprint);
    const run = JSON.parse(lines.find((l) => l.includes('"rules.recompute"'))!);
    expect(run).toMatchObject({ event: "rules.recompute", candidates: 1, recomputed: 0, recorded: 1, failed: 0 });
    expect(lines.join("\n")).not.toContain("Quinn");
  });
});
