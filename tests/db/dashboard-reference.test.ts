import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";
import { loadDashboard, type DashboardFigures } from "@/server/data/dashboard";
import { parseDashboardQuery, type DashboardQuery } from "@/lib/validation/dashboard";
import type { Viewer } from "@/domain/access/can";
import { TARGETS } from "@/domain/incident/targets";
import { INCIDENT_TYPES, SEVERITIES } from "@/domain/incident/types";

// The dashboard's SQL against the plainest computation of the same figures: every row of the
// organization loaded into memory and counted by hand. The fixture is random (seeded) plus the
// cases that are easy to get wrong: other clients and organizations, an analyst who sees one
// client, step-backs and reopened incidents (phase behind the times already reached), false
// positives, incidents on the period's and the weeks' edges in the organization's time zone
// (across a daylight-saving change), notices settled on time under older terms.

const ZONE = "America/New_York";
const NOW = new Date("2026-06-01T12:00:00Z");
const PHASES = ["IDENTIFY", "CONTAIN", "INVESTIGATE", "RESOLVE", "REPORT", "POST_MORTEM", "CLOSED"] as const;
const OB_STATUSES = [
  "PENDING",
  "NOT_REQUIRED",
  "DRAFT",
  "AWAITING_APPROVAL",
  "SENT",
  "ACKNOWLEDGED",
  "FILED",
  "WAIVED",
] as const;
const UNSETTLED = ["PENDING", "DRAFT", "AWAITING_APPROVAL"];
const H = 3600_000;

let seed = 20261202;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const maybe = <T>(p: number, v: () => T): T | null => (rnd() < p ? v() : null);
const after = (d: Date, maxHours: number) =>
  new Date(d.getTime() + Math.floor(rnd() * maxHours * 60) * 60_000 + Math.floor(rnd() * 1000));
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

type IncidentRow = Record<string, unknown> & { awareAt: Date };

async function fixture() {
  const t = await makeTenant();
  const other = await makeTenant();
  await db().organization.update({ where: { id: t.org.id }, data: { timeZone: ZONE } });
  const clientC = await db().client.create({
    data: {
      organizationId: t.org.id,
      name: `Client C ${t.org.slug}`,
      sector: "RETAIL",
      timeZone: "Europe/Berlin",
      country: "DE",
    },
  });
  const clients = [t.clientA.id, t.clientB.id, clientC.id];
  const rows: Array<IncidentRow & { organizationId: string; clientId: string }> = [];
  const add = (organizationId: string, clientId: string, f: IncidentRow) =>
    rows.push({ organizationId, clientId, ...f });

  // random incidents from mid-February to now: phases and the times reached in any combination
  for (let i = 0; i < 240; i++) {
    const awareAt = new Date(
      local("2026-02-15T00:00").getTime() + Math.floor(rnd() * (NOW.getTime() - local("2026-02-15T00:00").getTime())),
    );
    const investigateStartedAt = maybe(0.6, () => after(awareAt, 200));
    const reportStartedAt = investigateStartedAt ? maybe(0.5, () => after(investigateStartedAt, 400)) : null;
    const closedAt = reportStartedAt
      ? maybe(0.5, () => after(reportStartedAt, 100))
      : maybe(0.05, () => after(awareAt, 20));
    const falsePositive = closedAt && !reportStartedAt;
    // a closed incident may have been reopened since: its phase is open, its closing time kept
    const phase = closedAt && rnd() < 0.8 ? "CLOSED" : pick(PHASES.slice(0, 6));
    add(t.org.id, pick(clients), {
      awareAt,
      detectedAt: new Date(awareAt.getTime() - Math.floor(rnd() * 5 * H)),
      occurredAt: maybe(0.7, () => new Date(awareAt.getTime() - Math.floor(rnd() * 80 * H))),
      investigateStartedAt,
      reportStartedAt,
      closedAt,
      phase,
      resolution: closedAt ? (falsePositive ? "FALSE_POSITIVE" : "RESOLVED") : null,
      severity: pick(SEVERITIES),
      type: pick(INCIDENT_TYPES),
    });
  }
  // the period's edges (1 March to 31 May in New York) and the week's (Monday 00:00 in New York)
  for (const at of [
    local("2026-03-01T00:00"),
    new Date(local("2026-03-01T00:00").getTime() - 1),
    local("2026-06-01T00:00"),
    new Date(local("2026-06-01T00:00").getTime() - 1),
    local("2026-03-09T00:00"),
    new Date(local("2026-03-09T00:00").getTime() - 1),
    new Date("2026-03-09T02:00:00Z"),
    local("2026-05-25T00:00"),
  ]) {
    add(t.org.id, t.clientA.id, {
      awareAt: at,
      detectedAt: at,
      phase: "INVESTIGATE",
      severity: "CRITICAL",
      type: "CYBERATTACK",
      investigateStartedAt: new Date(at.getTime() + 3 * H),
    });
  }
  // a step-back: in Contain after reaching Report, so late on neither target
  add(t.org.id, t.clientB.id, {
    awareAt: local("2026-04-01T10:00"),
    detectedAt: local("2026-04-01T09:00"),
    phase: "CONTAIN",
    severity: "HIGH",
    type: "DATA_BREACH",
    investigateStartedAt: local("2026-04-01T12:00"),
    reportStartedAt: local("2026-04-03T12:00"),
  });
  // a false positive, and a reopened one (closed as resolved once, in Investigate again)
  add(t.org.id, t.clientA.id, {
    awareAt: local("2026-04-02T10:00"),
    detectedAt: local("2026-04-02T10:00"),
    phase: "CLOSED",
    resolution: "FALSE_POSITIVE",
    closedAt: local("2026-04-02T15:00"),
    severity: "LOW",
    type: "SYSTEM_FAILURE",
  });
  add(t.org.id, t.clientA.id, {
    awareAt: local("2026-04-05T10:00"),
    detectedAt: local("2026-04-05T08:00"),
    occurredAt: local("2026-04-04T08:00"),
    phase: "INVESTIGATE",
    resolution: "RESOLVED",
    investigateStartedAt: local("2026-04-05T11:00"),
    reportStartedAt: local("2026-04-06T11:00"),
    closedAt: local("2026-04-08T10:00"),
    severity: "MEDIUM",
    type: "INTERNAL_FRAUD",
  });
  // another organization's incidents, on the same days
  for (let i = 0; i < 20; i++)
    add(other.org.id, other.clientA.id, {
      awareAt: local(`2026-04-${String(i + 1).padStart(2, "0")}T10:00`),
      detectedAt: local("2026-03-30T10:00"),
      phase: pick(PHASES),
      severity: "CRITICAL",
      type: "DATA_BREACH",
    });

  let n = 0;
  const data = rows.map(({ awareAt, detectedAt, ...r }) => {
    n += 1;
    const users = r.organizationId === t.org.id ? t.manager.id : other.manager.id;
    return {
      reference: `INC-R-${n}`,
      title: `t${n}`,
      summary: "s",
      severityRank: SEVERITIES.indexOf(r.severity as never) + 1,
      reporterId: users,
      updatedById: users,
      awareAt,
      detectedAt,
      phaseEnteredAt: awareAt,
      ...r,
    };
  });
  await db().incident.createMany({ data: data as never });
  const incidents = await db().incident.findMany({
    select: { id: true, awareAt: true },
    where: { organizationId: { in: [t.org.id, other.org.id] } },
  });

  // obligations: every status, inactive ones, no due time, delivered early or late, and notices
  // on time under older terms (settledDueAt) though late against the terms now in force
  const obligations: Array<Record<string, unknown>> = [];
  const items: Array<Record<string, unknown>> = [];
  for (const inc of incidents) {
    const k = Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) {
      const dueAt = maybe(0.9, () => after(inc.awareAt, 24 * 60));
      const deliveredAt = maybe(0.5, () => after(inc.awareAt, 24 * 40));
      const settledDueAt = deliveredAt && dueAt && rnd() < 0.4 ? after(deliveredAt, 48) : null;
      obligations.push({
        incidentId: inc.id,
        ruleId: `rule-${j}`,
        regime: "Contract",
        citation: "c",
        title: "t",
        party: "BPO",
        recipient: "client",
        applicability: "APPLIES",
        basis: "b",
        explanation: "e",
        status: pick(OB_STATUSES),
        active: rnd() < 0.85,
        dueAt,
        deliveredAt,
        settledDueAt,
      });
    }
    for (let j = Math.floor(rnd() * 3); j > 0; j--) {
      items.push({
        incidentId: inc.id,
        title: "follow up",
        createdById: t.manager.id,
        status: pick(["OPEN", "IN_PROGRESS", "DONE"]),
        dueAt: maybe(0.8, () => after(new Date("2026-05-01T00:00Z"), 24 * 60)),
      });
    }
  }
  await db().obligation.createMany({ data: obligations as never });
  await db().actionItem.createMany({ data: items as never });
  return { t, other, clientC };
}

/** The figures by hand: load everything of the organization, filter and count in JavaScript. */
async function reference(viewer: Viewer, q: DashboardQuery, now: Date): Promise<DashboardFigures> {
  const ids = q.clientId ? (viewer.clientIds.includes(q.clientId) ? [q.clientId] : []) : [...viewer.clientIds];
  const all = await db().incident.findMany({
    where: { organizationId: viewer.organizationId },
    include: { client: true, obligations: true, actionItems: true },
  });
  const scoped = all.filter((i) => ids.includes(i.clientId));
  const open = scoped.filter((i) => i.phase !== "CLOSED");
  const period = scoped.filter((i) => i.awareAt >= q.from && i.awareAt < q.to);
  const countBy = <T>(xs: T[], key: (x: T) => string) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return [...m].map(([k, count]) => ({ key: k, count }));
  };
  const byCountThenName = (a: { key: string; count: number }, b: { key: string; count: number }) =>
    b.count - a.count || (a.key < b.key ? -1 : 1);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);

  const late = open.flatMap((i) => {
    const target = TARGETS[i.severity];
    const containDue = i.awareAt.getTime() + target.containHours * H;
    const resolveDue = i.awareAt.getTime() + target.resolveHours * H;
    const lateContain = !i.investigateStartedAt && now.getTime() > containDue;
    const lateResolve = !i.reportStartedAt && now.getTime() > resolveDue;
    if (!lateContain && !lateResolve) return [];
    const due = lateContain ? containDue : resolveDue;
    return [
      {
        id: i.id,
        reference: i.reference,
        title: i.title,
        severity: i.severity,
        phase: i.phase,
        clientName: i.client.name,
        target: lateContain ? ("contain" as const) : ("resolve" as const),
        lateBy: (now.getTime() - due) / 1000,
      },
    ];
  });
  late.sort((a, b) => b.lateBy - a.lateBy || (a.id < b.id ? -1 : 1));

  const unsettled = scoped
    .flatMap((i) => i.obligations)
    .filter((o) => o.active && UNSETTLED.includes(o.status) && o.dueAt);
  const due = (o: { dueAt: Date | null }) => o.dueAt!.getTime();
  const stat = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const mid = (s.length - 1) / 2;
    return {
      median: s.length ? (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2 : null,
      mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null,
      n: s.length,
    };
  };
  const secs = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 1000;
  const notices = period
    .flatMap((i) => i.obligations)
    .filter((o) => o.active && o.dueAt && o.status !== "NOT_REQUIRED" && o.status !== "WAIVED");
  const onTime = notices.filter((o) => o.deliveredAt && o.deliveredAt <= (o.settledDueAt ?? o.dueAt!)).length;
  const total = notices.filter((o) => o.deliveredAt || o.dueAt! < now).length;
  const items = scoped.flatMap((i) => i.actionItems).filter((a) => a.status !== "DONE");

  const weekly = new Map<string, number>();
  for (const i of period) {
    const key = `${DateTime.fromJSDate(i.awareAt, { zone: viewer.timeZone }).startOf("week").toISODate()}|${i.type}`;
    weekly.set(key, (weekly.get(key) ?? 0) + 1);
  }
  return {
    open: {
      phase: countBy(open, (i) => i.phase).sort(byKey),
      severity: countBy(open, (i) => i.severity).sort(byKey),
      type: countBy(open, (i) => i.type).sort(byKey),
      client: countBy(open, (i) => i.client.name).sort(byCountThenName),
      total: open.length,
    },
    late: { count: late.length, rows: late.slice(0, 20) },
    windows: {
      overdue: unsettled.filter((o) => due(o) < now.getTime()).length,
      next24h: unsettled.filter((o) => due(o) >= now.getTime() && due(o) < now.getTime() + 24 * H).length,
      next7d: unsettled.filter((o) => due(o) >= now.getTime() && due(o) < now.getTime() + 7 * 24 * H).length,
    },
    k: {
      incidents: period.length,
      detect: stat(period.filter((i) => i.occurredAt).map((i) => secs(i.detectedAt, i.occurredAt!))),
      contain: stat(period.filter((i) => i.investigateStartedAt).map((i) => secs(i.investigateStartedAt!, i.awareAt))),
      resolve: stat(period.filter((i) => i.reportStartedAt).map((i) => secs(i.reportStartedAt!, i.awareAt))),
      close: stat(
        period.filter((i) => i.closedAt && i.resolution === "RESOLVED").map((i) => secs(i.closedAt!, i.awareAt)),
      ),
      notices: { onTime, total, rate: total ? onTime / total : null },
      actionItems: { open: items.length, overdue: items.filter((a) => a.dueAt && a.dueAt < now).length },
    },
    perClient: countBy(period, (i) => i.client.name).sort(byCountThenName),
    weekly: [...weekly]
      .map(([k, count]) => ({ week: k.split("|")[0]!, type: k.split("|")[1]!, count }))
      .sort((a, b) => (a.week + a.type < b.week + b.type ? -1 : 1)),
  };
}

// Means and medians are sums and halves of floats: the same to 1e-9 of a second, not to the bit.
const rounded = (f: DashboardFigures) =>
  JSON.parse(
    JSON.stringify(f, (_k, v: unknown) =>
      typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v,
    ),
  ) as unknown;
// Which order PostgreSQL returns the breakdowns in is not a figure: the page looks each one up.
const normalized = (f: DashboardFigures) => ({
  ...f,
  open: {
    ...f.open,
    phase: [...f.open.phase].sort((a, b) => (a.key < b.key ? -1 : 1)),
    severity: [...f.open.severity].sort((a, b) => (a.key < b.key ? -1 : 1)),
    type: [...f.open.type].sort((a, b) => (a.key < b.key ? -1 : 1)),
  },
});

describe("dashboard figures against a reference computed by hand", () => {
  it("match for every viewer, client filter and period, in the organization's time zone", async () => {
    const { t, other, clientC } = await fixture();
    const manager = (await ctxFor(t.manager.id)).viewer;
    const analyst = (await ctxFor(t.analyst.id)).viewer; // assigned to client A only
    expect(manager.timeZone).toBe(ZONE);
    expect(analyst.clientIds).toEqual([t.clientA.id]);
    const periods = [
      {},
      { from: "2026-03-01", to: "2026-05-31" },
      { from: "2026-03-09", to: "2026-03-09" },
      { from: "2025-01-01", to: "2026-12-31" },
    ];
    const filters = [
      {},
      { clientId: t.clientA.id },
      { clientId: t.clientB.id },
      { clientId: clientC.id },
      { clientId: "00000000-0000-4000-8000-000000000000" },
    ];
    let nonEmpty = 0;
    for (const viewer of [manager, analyst]) {
      for (const period of periods) {
        for (const filter of filters) {
          const q = parseDashboardQuery({ ...period, ...filter }, viewer.timeZone, NOW).query;
          const [got, want] = await Promise.all([loadDashboard(viewer, q, NOW), reference(viewer, q, NOW)]);
          expect(rounded(normalized(got)), `${viewer.role} ${JSON.stringify({ ...period, ...filter })}`).toEqual(
            rounded(want),
          );
          if (want.k.incidents > 0 && want.k.notices.total > 0 && want.late.count > 0 && want.windows.overdue > 0)
            nonEmpty += 1;
        }
      }
    }
    // the comparisons above were of real figures, not of empty ones
    expect(nonEmpty).toBeGreaterThan(10);

    // Changes after the fact: response times reached, a step-back, a reopening, awareness times
    // corrected (with a move to another client, which the app never does), notices settled, an
    // obligation written with wrong copies of its incident's organization, client and awareness time.
    const some = await db().incident.findMany({
      where: { organizationId: t.org.id },
      orderBy: { reference: "asc" },
      take: 40,
    });
    for (const [n, i] of some.entries()) {
      if (n % 4 === 0)
        await db().incident.update({
          where: { id: i.id },
          data: { investigateStartedAt: new Date(i.awareAt.getTime() + 2 * H), reportStartedAt: null },
        });
      if (n % 4 === 1)
        await db().incident.update({
          where: { id: i.id },
          data: {
            phase: "CLOSED",
            resolution: "RESOLVED",
            closedAt: new Date(i.awareAt.getTime() + 50 * H),
            type: "NATURAL_DISASTER",
          },
        });
      if (n % 4 === 2)
        await db().incident.update({ where: { id: i.id }, data: { phase: "IDENTIFY", occurredAt: null } });
    }
    await db().incident.update({
      where: { id: some[3]!.id },
      data: { clientId: t.clientA.id, awareAt: local("2026-05-20T08:00") },
    });
    await db().incident.update({
      where: { id: some[7]!.id },
      data: { clientId: clientC.id, awareAt: local("2026-03-01T00:00") },
    });
    await db().obligation.updateMany({
      where: { incident: { organizationId: t.org.id }, status: "PENDING" },
      data: { status: "SENT", deliveredAt: local("2026-05-01T00:00"), settledDueAt: local("2026-05-02T00:00") },
    });
    await db()
      .$executeRaw`INSERT INTO "Obligation" (id, "incidentId", "ruleId", regime, citation, title, party, recipient, applicability, "dueAt", basis, explanation, "updatedAt", "organizationId", "clientId", "incidentAwareAt")
      VALUES (gen_random_uuid(), ${some[5]!.id}::uuid, 'late-rule', 'Contract', 'c', 't', 'BPO', 'client', 'APPLIES', ${local("2026-05-30T00:00")}::timestamp, 'b', 'e', now(), ${other.org.id}::uuid, ${other.clientA.id}::uuid, '2020-01-01')`;
    const copies = await db().$queryRaw<Array<{ wrong: number }>>`
      SELECT count(*)::int AS wrong FROM "Obligation" o JOIN "Incident" i ON i.id = o."incidentId"
      WHERE o."organizationId" <> i."organizationId" OR o."clientId" <> i."clientId" OR o."incidentAwareAt" <> i."awareAt"`;
    expect(copies[0]!.wrong).toBe(0);
    for (const viewer of [manager, analyst]) {
      for (const period of periods.slice(0, 2)) {
        for (const filter of filters.slice(0, 3)) {
          const q = parseDashboardQuery({ ...period, ...filter }, viewer.timeZone, NOW).query;
          const [got, want] = await Promise.all([loadDashboard(viewer, q, NOW), reference(viewer, q, NOW)]);
          expect(
            rounded(normalized(got)),
            `after changes: ${viewer.role} ${JSON.stringify({ ...period, ...filter })}`,
          ).toEqual(rounded(want));
        }
      }
    }
  });
});
