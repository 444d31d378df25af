import PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startAutomationWorker } from "@/server/jobs/automation-worker";
import { saveAutomationRule } from "@/server/services/automation/manage-rules";
import { saveRuleSchema } from "@/lib/validation/automation-rule";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { until } from "../support/until";

// The incident trigger end to end: logging an incident queues the automation job in its own
// transaction (pg-boss's insert, run through Prisma), and two workers racing for it run the rule once.

async function worker(url: string) {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2 });
  await boss.start();
  await startAutomationWorker(boss, { pollSeconds: 0.5 });
  return boss;
}

describe("automation worker", () => {
  it("runs an incident.created rule once for a logged incident, with two workers", async () => {
    const url = process.env.DATABASE_URL ?? "";
    const [a, b] = await Promise.all([worker(url), worker(url)]);
    try {
      const t = await makeTenant();
      const saved = await saveAutomationRule(
        await ctxFor(t.admin.id),
        saveRuleSchema.parse({
          name: "Severe incidents",
          enabled: "on",
          trigger: "incident.created",
          conditionField: "severity",
          conditionOp: "at_least",
          conditionValue: "HIGH",
          actionKind: ["add_checklist_items", "notify_managers"],
          actionValue: ["Brief the client's CISO", "A severe incident was logged"],
        }),
      );
      if (!saved.ok) throw new Error(saved.message);
      const quiet = await logIncident(await ctxFor(t.manager.id), t.clientA.id, { severity: "LOW" });
      const severe = await logIncident(await ctxFor(t.manager.id), t.clientA.id, { severity: "HIGH" });
      const itemsOf = (incidentId: string) =>
        db().checklistItem.findMany({ where: { incidentId, key: { startsWith: "auto-" } } });
      await until(async () => (await itemsOf(severe.id)).length > 0, 30_000, 200);
      await until(
        async () => (await db().automationRun.count({ where: { ruleId: saved.value.id } })) === 2,
        30_000,
        200,
      );
      await new Promise((r) => setTimeout(r, 1500)); // whatever else either worker picked up
      expect((await itemsOf(severe.id)).map((i) => i.label)).toEqual(["Brief the client's CISO"]);
      expect(await itemsOf(quiet.id)).toEqual([]);
      const runs = await db().automationRun.findMany({ where: { ruleId: saved.value.id }, orderBy: { at: "asc" } });
      expect(runs.map((r) => [r.subjectId, r.matched])).toEqual(
        expect.arrayContaining([
          [quiet.id, false],
          [severe.id, true],
        ]),
      );
      expect(await db().staffNotification.count({ where: { userId: t.manager.id, kind: "automation" } })).toBe(1);
    } finally {
      await Promise.all([a.stop({ graceful: true, wait: true }), b.stop({ graceful: true, wait: true })]);
    }
  }, 60_000);
});
