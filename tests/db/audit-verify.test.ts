import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { transitionIncident } from "@/server/services/incidents/transition-incident";
import { toggleChecklistItem } from "@/server/services/incidents/toggle-checklist-item";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { addIncidentTask, toggleIncidentTask } from "@/server/services/incidents/add-incident-task";
import { verifyOrganizationChain } from "@/server/data/verify-audit-chain";
import { auditKey } from "@/server/audit-key";
import { KEYED_MISMATCH } from "@/domain/audit/chain";

const run = promisify(execFile);

describe("audit chain under load", () => {
  it("stays one valid chain after 1,000 mixed mutations by parallel workers; audit:verify finds a single edited row", async () => {
    const t = await makeTenant();
    const incidents = await Promise.all(
      Array.from({ length: 4 }, async (_, i) =>
        logIncident(await ctxFor(i % 2 ? t.analyst.id : t.manager.id), t.clientA.id, { title: `Load incident ${i}` }),
      ),
    );
    const items = await db().checklistItem.findMany({ where: { incidentId: { in: incidents.map((i) => i.id) } } });
    const ctxs = [await ctxFor(t.analyst.id), await ctxFor(t.manager.id), await ctxFor(t.admin.id)];

    let successes = 0;
    let alwaysAudited = 0; // notes, tasks and severity changes write an entry whenever they succeed
    const worker = async (w: number) => {
      for (let i = 0; i < 125; i++) {
        const ctx = { ...ctxs[(w + i) % ctxs.length]!, now: new Date() };
        const incident = incidents[(w * 7 + i) % incidents.length]!;
        let r: { ok: boolean };
        switch (i % 4) {
          case 0:
            r = await addIncidentNote(ctx, { incidentId: incident.id, body: `worker ${w} note ${i}` });
            break;
          case 1: {
            const own = items.filter((x) => x.incidentId === incident.id);
            r = await toggleChecklistItem(ctx, {
              incidentId: incident.id,
              itemId: own[i % own.length]!.id,
              done: (i >> 2) % 2 === 0,
            });
            break;
          }
          case 2:
            r = await addIncidentTask(ctx, {
              incidentId: incident.id,
              title: `task ${w}/${i}`,
              ownerId: null,
              dueAt: null,
            });
            break;
          default: {
            const current = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
            r = await transitionIncident(ctx, {
              incidentId: incident.id,
              version: current.version,
              kind: "CHANGE_SEVERITY",
              severity: current.severity === "HIGH" ? "CRITICAL" : "HIGH",
              reason: `load test ${w}/${i}`,
            });
          }
        }
        if (r.ok) successes += 1;
        if (r.ok && i % 4 !== 1) alwaysAudited += 1;
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    // lost optimistic races are refused (CONFLICT) and write nothing
    expect(successes).toBeGreaterThan(700);

    const report = await verifyOrganizationChain(db(), t.org, auditKey());
    expect(report.broken).toBeNull();
    const events = await db().auditEvent.count({ where: { organizationId: t.org.id } });
    expect(report.events).toBe(events);
    // every write left exactly its entry: no more than the successes, no fewer than the sure writes
    expect(events).toBeGreaterThanOrEqual(4 + alwaysAudited);
    expect(events).toBeLessThanOrEqual(4 + successes);

    // Tamper with one row as a superuser would, bypassing the append-only trigger for this transaction only.
    const victim = Math.floor(events / 2);
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'Mallory' WHERE "organizationId" = ${t.org.id}::uuid AND seq = ${victim}`;
    });
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({
      seq: victim,
      reason: KEYED_MISMATCH,
    });

    const cli = await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/audit-verify.ts"], {
      env: { ...process.env },
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(
      `organization ${t.org.id} (${t.org.slug}): BROKEN at event #${victim}: ${KEYED_MISMATCH}`,
    );
  });
});

describe("incident tasks", () => {
  it("completing a task is audited once; repeating it changes nothing", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const task = await addIncidentTask(ctx, {
      incidentId: id,
      title: "Reset passwords of affected agents",
      ownerId: t.analyst.id,
      dueAt: null,
    });
    expect(task.ok).toBe(true);
    if (!task.ok) return;
    await toggleIncidentTask(ctx, { incidentId: id, taskId: task.value.id, done: true });
    await toggleIncidentTask(ctx, { incidentId: id, taskId: task.value.id, done: true });
    const actions = (await db().auditEvent.findMany({ where: { incidentId: id }, orderBy: { seq: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "incident.create",
      "checklist.auto_check",
      "obligations.recompute",
      "task.create",
      "task.complete",
    ]);
  });
});
