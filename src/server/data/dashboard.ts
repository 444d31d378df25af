import "server-only";
import { DateTime } from "luxon";
import { isoDay } from "@/lib/datetime";
import { sqlRows } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { cachedFigures } from "./figure-cache";
import { tenantScopeSql } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { TARGETS } from "@/domain/incident/targets";
import { SEVERITIES, type Severity } from "@/domain/incident/types";
import { UNSETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import type { DashboardQuery } from "@/lib/validation/dashboard";

// Every figure here is computed by PostgreSQL from an index that holds what it reads (see the
// dashboard_figures migration), never by loading incidents into JavaScript: open incidents from
// a partial index, a period's incidents and their response times (milliseconds kept by the
// database) from another, obligations by their copies of their incident's organization, client
// and awareness time. Of the tables themselves only the 20 late incidents shown are read.
// Scope: tenantScopeSql, the viewer's organization and clients. At 100,000 incidents all of it
// takes about a tenth of what it did (BENCHMARKS.md, "Dashboard recomputation").

const H = 3600_000;
// Each statement has one shape and, over these indexes, one best plan whatever the period or the
// clients (the generic plan is the custom one), so it is prepared once per connection and not
// planned again on every recomputation (a tenth of the figures' time): see sqlRows.
const HOT = { hot: true };
/** The one row an aggregate without GROUP BY returns. */
function oneRow<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error("an aggregate returned no row");
  return row;
}

// The partial indexes' conditions, written as they are there so that the planner matches them.
const UNSETTLED = Prisma.raw(`'{${UNSETTLED_STATUSES.join(",")}}'::"ObligationStatus"[]`);
const NOTICE_OWED = Prisma.sql`o.active AND o."dueAt" IS NOT NULL AND o.status <> ALL ('{NOT_REQUIRED,WAIVED}'::"ObligationStatus"[])`;

export type Breakdown = { key: string; count: number };
export type OpenBreakdowns = {
  phase: Breakdown[];
  severity: Breakdown[];
  type: Breakdown[];
  client: Breakdown[];
  total: number;
};

/**
 * Open incidents by phase, severity and type (in their order) and by client (most first), and
 * how many of them are past their internal targets at `now` (see lateIncidents): counted here, in
 * the same pass over the open incidents, rather than by the late list's statement, where counting
 * every late incident beside the 20 it keeps cost more than this whole count.
 */
export async function openBreakdowns(
  viewer: Viewer,
  clientId: string | null,
  now: Date = new Date(),
): Promise<OpenBreakdowns & { late: number }> {
  const rows = await sqlRows<{
    phase: string | null;
    severity: string | null;
    type: string | null;
    client: string | null;
    count: number;
    late: number;
  }>(
    Prisma.sql`
    SELECT g.phase::text AS phase, g.severity::text AS severity, g.type::text AS type, c.name AS client, g.count, g.late
    FROM (
      SELECT i.phase, i.severity, i.type, i."clientId", count(*)::int AS count, count(*) FILTER (WHERE i.late)::int AS late
      FROM (
        SELECT i.phase, i.severity, i.type, i."clientId", ${pastContain(now)} OR ${pastResolve(now)} AS late
        FROM "Incident" i
        WHERE ${tenantScopeSql(viewer, "i", clientId)} AND i.phase <> 'CLOSED'
      ) i
      GROUP BY GROUPING SETS ((i.phase), (i.severity), (i.type), (i."clientId"))
    ) g LEFT JOIN "Client" c ON c.id = g."clientId"
    ORDER BY g.phase, g.severity, g.type, g.count DESC, c.name`,
    HOT,
  );
  const pick = (dim: "phase" | "severity" | "type" | "client") =>
    rows.flatMap((r) => (r[dim] === null ? [] : [{ key: r[dim], count: r.count }]));
  const phase = pick("phase");
  return {
    phase,
    severity: pick("severity"),
    type: pick("type"),
    client: pick("client"),
    total: phase.reduce((a, b) => a + b.count, 0),
    late: rows.reduce((a, r) => a + (r.phase === null ? 0 : r.late), 0),
  };
}

const targetInterval = (column: "containHours" | "resolveHours", alias: string) =>
  Prisma.raw(
    `CASE ${alias}.severity ${SEVERITIES.map((s) => `WHEN '${s}' THEN interval '${TARGETS[s][column]} hours'`).join(" ")} END`,
  );
// the latest awareness time still within the target, per severity: one comparison per incident
const cutoffCase = (column: "containHours" | "resolveHours", now: Date) =>
  Prisma.sql`CASE i.severity ${Prisma.join(
    SEVERITIES.map(
      (s: Severity) =>
        Prisma.sql`WHEN ${s}::"Severity" THEN ${new Date(now.getTime() - TARGETS[s][column] * H)}::timestamp`,
    ),
    " ",
  )} END`;

export type LateIncident = {
  id: string;
  reference: string;
  title: string;
  severity: string;
  phase: string;
  clientName: string;
  target: "contain" | "resolve";
  lateBy: number;
};

// Past the containment target: not yet in Investigate, aware before the target's cutoff. Past the
// resolution target: not yet in Report, aware before its cutoff. On an "Incident" row i.
const pastContain = (now: Date) =>
  Prisma.sql`(i."investigateStartedAt" IS NULL AND i."awareAt" < ${cutoffCase("containHours", now)})`;
const pastResolve = (now: Date) =>
  Prisma.sql`(i."reportStartedAt" IS NULL AND i."awareAt" < ${cutoffCase("resolveHours", now)})`;

/** How many late incidents the figures carry (the page shows fewer; the export all of these). */
export const LATE_SHOWN = 20;
/** How many the dashboard's full list of late incidents shows at most. */
export const LATE_ALL = 500;

/**
 * Open incidents past their internal containment or resolution target (by severity), furthest
 * past first (the first `limit` of them, and how many there are): the containment target while
 * the incident has not reached Investigate, else the resolution target while it has not reached
 * Report.
 */
export async function lateIncidents(
  viewer: Viewer,
  clientId: string | null,
  now: Date,
  limit = LATE_SHOWN,
): Promise<{ count: number; rows: LateIncident[] }> {
  const [rows, open] = await Promise.all([
    lateRows(viewer, clientId, now, limit),
    openBreakdowns(viewer, clientId, now),
  ]);
  return { count: open.late, rows };
}

/** The first `limit` late incidents, furthest past first (lateIncidents without its count). */
async function lateRows(viewer: Viewer, clientId: string | null, now: Date, limit: number): Promise<LateIncident[]> {
  const rows = await sqlRows<Omit<LateIncident, "target" | "lateBy"> & { contain: boolean; due: Date }>(
    Prisma.sql`
    SELECT l.id, i.reference, i.title, l.severity::text AS severity, l.phase::text AS phase, c.name AS "clientName", l.contain, l.due
    FROM (
      SELECT oi.id, oi."clientId", oi.severity, oi.phase, oi.contain,
             oi."awareAt" + CASE WHEN oi.contain THEN ${targetInterval("containHours", "oi")} ELSE ${targetInterval("resolveHours", "oi")} END AS due
      FROM (
        SELECT i.id, i."clientId", i.severity, i.phase, i."awareAt", ${pastContain(now)} AS contain, ${pastResolve(now)} AS resolve
        FROM "Incident" i
        WHERE ${tenantScopeSql(viewer, "i", clientId)} AND i.phase <> 'CLOSED'
      ) oi
      WHERE oi.contain OR oi.resolve
      ORDER BY due, oi.id LIMIT ${limit}
    ) l JOIN "Incident" i ON i.id = l.id JOIN "Client" c ON c.id = l."clientId"
    ORDER BY l.due, l.id`,
    HOT,
  );
  return rows.map(({ contain, due, ...r }) => ({
    ...r,
    target: contain ? "contain" : "resolve",
    lateBy: (now.getTime() - due.getTime()) / 1000,
  }));
}

export type ObligationWindow = { overdue: number; next24h: number; next7d: number };

/** Unsettled obligations overdue, due in the next 24 hours and in the next 7 days. */
export async function obligationWindows(viewer: Viewer, clientId: string | null, now: Date): Promise<ObligationWindow> {
  const rows = await sqlRows<ObligationWindow>(
    Prisma.sql`
    SELECT count(*) FILTER (WHERE o."dueAt" < ${now}::timestamp)::int AS overdue,
           count(*) FILTER (WHERE o."dueAt" >= ${now}::timestamp AND o."dueAt" < ${new Date(now.getTime() + 24 * H)}::timestamp)::int AS "next24h",
           count(*) FILTER (WHERE o."dueAt" >= ${now}::timestamp AND o."dueAt" < ${new Date(now.getTime() + 7 * 24 * H)}::timestamp)::int AS "next7d"
    FROM "Obligation" o
    WHERE ${tenantScopeSql(viewer, "o", clientId)} AND o.active AND o."dueAt" IS NOT NULL AND o.status = ANY (${UNSETTLED})`,
    HOT,
  );
  return oneRow(rows);
}

export type Kpis = {
  incidents: number;
  detect: { median: number | null; mean: number | null; n: number };
  contain: { median: number | null; mean: number | null; n: number };
  resolve: { median: number | null; mean: number | null; n: number };
  close: { median: number | null; mean: number | null; n: number };
  notices: { onTime: number; total: number; rate: number | null };
  actionItems: { open: number; overdue: number };
};

// Median and mean in seconds of one response time. The median is percentile_cont(0.5) of
// `ms / 1000`, computed from the two middle values (one when the count is odd) that
// percentile_disc picks from the whole milliseconds sorted as integers, a quarter cheaper than
// sorting doubles: see median(). `ms / 1000` is the same double as the seconds it used to be
// computed in, and the mean divides the exact sum (of whole milliseconds) as avg() did, so the
// figures are those of before to the last bit.
const stat = (name: string, column: string, filter: Prisma.Sql = Prisma.empty) => {
  const c = Prisma.raw(`i."${column}"`);
  // 0.5 picks the value at ceil(n / 2), 0.500000001 the one at floor(n / 2) + 1 (n below 10⁸)
  return Prisma.sql`(percentile_disc('{0.5,0.500000001}'::float8[]) WITHIN GROUP (ORDER BY ${c}::int8) ${filter})::float8[] AS ${Prisma.raw(`${name}_middle`)},
    (round(sum(${c}::int8) ${filter}::numeric / 1000, 6) / nullif(count(${c}) ${filter}, 0))::float8 AS ${Prisma.raw(`${name}_mean`)},
    count(${c}) ${filter}::int AS ${Prisma.raw(`${name}_n`)}`;
};

/**
 * percentile_cont(0.5) of `ms / 1000` from the middle values in milliseconds, as PostgreSQL
 * computes it: the middle value when the count is odd, else lo + (hi - lo) * 0.5 in doubles.
 */
export function median(middle: readonly number[] | null): number | null {
  if (!middle) return null;
  const [lo, hi] = middle;
  if (lo === undefined || hi === undefined) throw new Error("a median without its two middle values");
  return lo === hi ? lo / 1000 : lo / 1000 + (hi / 1000 - lo / 1000) * 0.5;
}

/** Response times in seconds over incidents that became known in the period, notices, action items. */
export async function kpis(viewer: Viewer, q: DashboardQuery, now: Date): Promise<Kpis> {
  // two statements, so that the medians' sorting and the obligations' count run side by side
  const [times, owed] = await Promise.all([
    sqlRows<Record<string, number | number[] | null>>(
      Prisma.sql`
      SELECT count(*)::int AS n, ${stat("detect", "detectMs")}, ${stat("contain", "containMs")}, ${stat("resolve", "resolveMs")},
             ${stat("close", "closeMs", Prisma.sql`FILTER (WHERE i.resolution = 'RESOLVED')`)}
      FROM "Incident" i
      WHERE ${tenantScopeSql(viewer, "i", q.clientId)} AND i."awareAt" >= ${q.from}::timestamp AND i."awareAt" < ${q.to}::timestamp`,
      HOT,
    ),
    sqlRows<{ on_time: number; total: number; open: number; overdue: number }>(
      Prisma.sql`
      SELECT nt.on_time, nt.total, ai.open, ai.overdue
      FROM (
        -- a notice sent by the due time in force when it was settled is on time (settledDueAt)
        SELECT count(*) FILTER (WHERE o."deliveredAt" <= coalesce(o."settledDueAt", o."dueAt"))::int AS on_time,
               count(*) FILTER (WHERE o."deliveredAt" IS NOT NULL OR o."dueAt" < ${now}::timestamp)::int AS total
        FROM "Obligation" o
        WHERE ${tenantScopeSql(viewer, "o", q.clientId)} AND o."incidentAwareAt" >= ${q.from}::timestamp AND o."incidentAwareAt" < ${q.to}::timestamp AND ${NOTICE_OWED}
      ) nt, (
        -- the few items not done, each checked against its incident's scope by primary key
        SELECT count(*)::int AS open, count(*) FILTER (WHERE a."dueAt" < ${now}::timestamp)::int AS overdue
        FROM "ActionItem" a
        JOIN LATERAL (SELECT 1 FROM "Incident" i WHERE i.id = a."incidentId" AND ${tenantScopeSql(viewer, "i", q.clientId)} LIMIT 1) inscope ON true
        WHERE a.status <> 'DONE'
      ) ai`,
      HOT,
    ),
  ]);
  const t = oneRow(times);
  const o = oneRow(owed);
  const figure = (k: string) => ({
    median: median(t[`${k}_middle`] as number[] | null),
    mean: (t[`${k}_mean`] as number | null) ?? null,
    n: Number(t[`${k}_n`] ?? 0),
  });
  return {
    incidents: Number(t.n ?? 0),
    detect: figure("detect"),
    contain: figure("contain"),
    resolve: figure("resolve"),
    close: figure("close"),
    notices: { onTime: o.on_time, total: o.total, rate: o.total ? o.on_time / o.total : null },
    actionItems: { open: o.open, overdue: o.overdue },
  };
}

export type WeeklyRow = { week: string; type: string; count: number };
// a client's count (week and type null) or a week's and type's (client null)
type PeriodGroup = { client: string | null; week: number | null; type: string | null; count: number };

/** Monday 00:00 in `zone` of every week the period touches, as instants. */
function weekStarts(q: DashboardQuery, zone: string): DateTime[] {
  const starts: DateTime[] = [];
  for (let w = DateTime.fromJSDate(q.from, { zone }).startOf("week"); w.toJSDate() < q.to; w = w.plus({ weeks: 1 }))
    starts.push(w);
  return starts;
}

/**
 * Incidents that became known in the period by client, and by week (weeks start on Monday in
 * `zone`) and type: one pass counting both (grouping sets: 90 groups at the default period, where
 * counting by client, week and type together made 935 to sum up here, 15 % more of PostgreSQL's
 * time). The weeks' starts are computed here and each incident is placed among them by the
 * database.
 */
async function periodGroups(
  viewer: Viewer,
  q: DashboardQuery,
  zone: string,
): Promise<{ groups: PeriodGroup[]; weeks: string[] }> {
  const starts = weekStarts(q, zone);
  const groups = await sqlRows<PeriodGroup>(
    Prisma.sql`
    SELECT c.name AS client, g.week, g.type::text AS type, g.count
    FROM (
      SELECT i."clientId", width_bucket(i."awareAt", ${starts.map((w) => w.toJSDate().toISOString())}::timestamp[]) AS week, i.type, count(*)::int AS count
      FROM "Incident" i
      WHERE ${tenantScopeSql(viewer, "i", q.clientId)} AND i."awareAt" >= ${q.from}::timestamp AND i."awareAt" < ${q.to}::timestamp
      GROUP BY GROUPING SETS ((i."clientId"), (2, i.type))
    ) g LEFT JOIN "Client" c ON c.id = g."clientId"
    ORDER BY c.name`,
    HOT,
  );
  return { groups, weeks: starts.map(isoDay) };
}

function perClientOf(groups: PeriodGroup[]): Breakdown[] {
  // in the database's order of names, then most first (a stable sort keeps names for ties)
  return groups
    .flatMap((g) => (g.client === null ? [] : [{ key: g.client, count: g.count }]))
    .sort((a, b) => b.count - a.count);
}

function weeklyOf({ groups, weeks }: { groups: PeriodGroup[]; weeks: string[] }): WeeklyRow[] {
  const byWeek = new Map<string, WeeklyRow>();
  for (const g of groups) {
    if (g.week === null || g.type === null) continue; // a client's count
    const week = weeks[g.week - 1];
    if (week === undefined) throw new Error(`an incident of the period fell outside its weeks (bucket ${g.week})`);
    const row = byWeek.get(`${week} ${g.type}`) ?? { week, type: g.type, count: 0 };
    row.count += g.count;
    byWeek.set(`${week} ${g.type}`, row);
  }
  return [...byWeek.values()].sort((a, b) =>
    a.week === b.week ? (a.type < b.type ? -1 : 1) : a.week < b.week ? -1 : 1,
  );
}

/** Incidents that became known in the period, per client, most first. */
export async function incidentsPerClient(viewer: Viewer, q: DashboardQuery): Promise<Breakdown[]> {
  return perClientOf((await periodGroups(viewer, q, viewer.timeZone)).groups);
}

/** Incidents per week (weeks start on Monday in `zone`) and type. */
export async function weeklyByType(viewer: Viewer, q: DashboardQuery, zone: string): Promise<WeeklyRow[]> {
  return weeklyOf(await periodGroups(viewer, q, zone));
}

/** Everything the dashboard shows (the page and its CSV export read the same figures). */
export async function loadDashboard(viewer: Viewer, q: DashboardQuery, now: Date) {
  const [{ late: lateCount, ...open }, lateShown, windows, k, period] = await Promise.all([
    openBreakdowns(viewer, q.clientId, now),
    lateRows(viewer, q.clientId, now, LATE_SHOWN),
    obligationWindows(viewer, q.clientId, now),
    kpis(viewer, q, now),
    periodGroups(viewer, q, viewer.timeZone),
  ]);
  const late = { count: lateCount, rows: lateShown };
  return { open, late, windows, k, perClient: perClientOf(period.groups), weekly: weeklyOf(period) };
}

export type DashboardFigures = Awaited<ReturnType<typeof loadDashboard>>;

/**
 * The dashboard's figures as of `asOf`: recomputed after any change in the organization and at
 * least once a minute (figure-cache.ts), so a room of managers refreshing it costs one query
 * round. Shared between requests: read-only.
 */
export async function dashboardFigures(
  viewer: Viewer,
  q: DashboardQuery,
): Promise<{ value: DashboardFigures; asOf: Date }> {
  return cachedFigures(viewer, ["dashboard", q.clientId, q.from.toISOString(), q.to.toISOString()], (now) =>
    loadDashboard(viewer, q, now),
  );
}

/** The dashboard's full list of late incidents (up to LATE_ALL), kept like its figures. */
export async function allLateIncidents(
  viewer: Viewer,
  clientId: string | null,
): Promise<{ value: { count: number; rows: LateIncident[] }; asOf: Date }> {
  return cachedFigures(viewer, ["dashboard-late", clientId], (now) => lateIncidents(viewer, clientId, now, LATE_ALL));
}
