import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { startReminderWorker } from "@/server/jobs/reminder-worker";
import { findDueReminders } from "@/server/services/reminders/reminders";
import { until } from "../support/until";

describe("reminders and escalation", () => {
  it("two workers racing deliver each reminder once: in-app to the owner, escalation to managers, audited once", async () => {
    const t = await makeTenant();
    const now = new Date();
    const aware = new Date(now.getTime() - 30 * 3600_000); // the 24 h contract notice is 6 h overdue
    const iso = (d: Date) => d.toISOString();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, {
      jurisdictions: ["US-IL"],
      occurredAt: iso(new Date(aware.getTime() - 3600_000)),
      detectedAt: iso(aware),
      awareAt: iso(aware),
    });
    const contract = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId: id, ruleId: "contract" } },
    });
    expect(await findDueReminders(now, [0.5, 0.9], t.org.id)).toContainEqual({
      obligationId: contract.id,
      kind: "overdue",
    });

    const url = process.env.DATABASE_URL!;
    const [a, b] = await Promise.all([
      startReminderWorker({
        connectionString: url,
        thresholds: [0.5, 0.9],
        schedule: false,
        pollSeconds: 0.5,
        organizationId: t.org.id,
      }),
      startReminderWorker({
        connectionString: url,
        thresholds: [0.5, 0.9],
        schedule: false,
        pollSeconds: 0.5,
        organizationId: t.org.id,
      }),
    ]);
    try {
      await Promise.all([a.scan(), b.scan(), a.scan(), b.scan()]);
      await until(
        async () =>
          (await db().reminderSent.count({ where: { obligationId: contract.id } })) === 1 &&
          (await db().staffNotification.count({ where: { incidentId: id } })) >= 2,
        30_000,
        200,
      );
      // let both workers drain whatever else they picked up, then scan again: nothing new
      await new Promise((r) => setTimeout(r, 1500));
      await Promise.all([a.scan(), b.scan()]);
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const sent = await db().reminderSent.findMany({ where: { obligationId: contract.id } });
    expect(sent.map((s) => s.kind)).toEqual(["overdue"]);
    // the contract notice's escalation (Illinois's service-provider notice, counted from the contract's hours too, escalates on its own)
    const notes = (await db().staffNotification.findMany({ where: { incidentId: id, kind: "escalation" } })).filter(
      (n) => n.message.startsWith("Overdue: Client contract notice clause"),
    );
    const forUsers = notes.map((n) => n.userId).sort();
    expect(forUsers).toEqual([t.analyst.id, t.manager.id].sort()); // the owner, and every manager; each once
    expect(notes[0]!.message).toMatch(/^Overdue: Client contract notice clause notice for INC-\d{4}-\d{4} was due /);
    expect(
      await db().auditEvent.count({ where: { incidentId: id, action: "obligation.escalate", entityId: contract.id } }),
    ).toBe(1);
  });
});

describe("the reminder scan", () => {
  it("hands over only windows whose next reminder is due and unsent", async () => {
    const t = await makeTenant();
    const now = new Date("2026-06-01T12:00:00Z");
    const { id: incidentId } = await logIncident(await ctxFor(t.manager.id, now), t.clientA.id, {
      jurisdictions: [],
      dataCategories: ["OPERATIONAL_ONLY"],
    });
    await db().obligation.deleteMany({ where: { incidentId } });
    const h = (n: number) => new Date(now.getTime() + n * 3600_000);
    const make = (ruleId: string, startsAt: Date | null, dueAt: Date | null, extra: Record<string, unknown> = {}) =>
      db().obligation.create({
        data: {
          incidentId,
          ruleId,
          regime: "Contract",
          citation: ruleId,
          title: "t",
          party: "BPO",
          recipient: "client",
          applicability: "APPLIES",
          startsAt,
          dueAt,
          basis: "b",
          explanation: "e",
          ...extra,
        },
      });
    const early = await make("early", h(-4), h(6)); // 40 % used
    const half = await make("half", h(-6), h(4)); // 60 % used
    const ninety = await make("ninety", h(-95), h(5)); // 95 % used, 90 % already sent
    const overdue = await make("overdue", h(-30), h(-1));
    const escalated = await make("escalated", h(-30), h(-2));
    const settled = await make("settled", h(-30), h(-3), { status: "SENT" });
    const inactive = await make("inactive", h(-30), h(-3), { active: false });
    const noClock = await make("no-clock", null, null);
    const movedOut = await make("moved-out", h(-10), h(2)); // escalated once, then its deadline moved later: 83 % used
    await db().reminderSent.createMany({
      data: [
        { obligationId: ninety.id, kind: "90%", sentAt: now },
        { obligationId: escalated.id, kind: "overdue", sentAt: now },
        { obligationId: movedOut.id, kind: "overdue", sentAt: now },
      ],
    });

    const jobs = await findDueReminders(now, [0.5, 0.9], t.org.id);
    expect(jobs.sort((a, b) => a.obligationId.localeCompare(b.obligationId))).toEqual(
      [
        { obligationId: half.id, kind: "50%" },
        { obligationId: overdue.id, kind: "overdue" },
        { obligationId: movedOut.id, kind: "50%" },
      ].sort((a, b) => a.obligationId.localeCompare(b.obligationId)),
    );
    for (const o of [early, ninety, escalated, settled, inactive, noClock])
      expect(jobs.map((j) => j.obligationId)).not.toContain(o.id);
  });
});
