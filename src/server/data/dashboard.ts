import "server-only";
import { db } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { cachedFigures } from "./figure-cache";
import type { Viewer } from "@/domain/access/can";
import { TARGETS } from "@/domain/incident/targets";
import { OPEN_PHASES, SEVERITIES } from "@/domain/incident/types";
import { UNSETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import type { DashboardQuery } from "@/lib/validation/dashboard";

// Every figure here is computed by PostgreSQL (aggregates over indexed columns), never by
// loading incidents into JavaScript. Scope: the viewer's organization and clients.

function scope(viewer: Viewer, clientId: string | null, alias = "i"): Prisma.Sql {
  const ids = clientId ? (viewer.clientIds.includes(clientId) ? [clientId] : []) : [...viewer.clientIds];
  return Prisma.sql`${Prisma.raw(`${alias}."organizationId"`)} = ${viewer.organizationId}::uuid AND ${Prisma.raw(`${alias}."clientId"`)} = ANY(${ids}::uuid[])`;
}

export type Breakdown = { key: string; count: number };
export type OpenBreakdowns = { phase: Breakdown[]; severity: Breakdown[]; type: Breakdown[]; client: Breakdown[]; total: number };

export async function openBreakdowns(viewer: Viewer, clientId: string | null): Promise<OpenBreakdowns> {
  const rows = await db().$queryRaw<Array<{ dim: string; key: string; count: number }>>`
    SELECT CASE WHEN GROUPING(i.phase) = 0 THEN 'phase' WHEN GROUPING(i.severity) = 0 THEN 'severity' WHEN GROUPING(i.type) = 0 THEN 'type' ELSE 'client' END AS dim,
           COALESCE(i.phase::text, i.severity::text, i.type::text, c.name) AS key,
           count(*)::int AS count
    FROM "Incident" i JOIN "Client" c ON c.id = i."clientId"
    WHERE ${scope(viewer, clientId)} AND i.phase = ANY(${[...OPEN_PHASES]}::"Phase"[])
    GROUP BY GROUPING SETS ((i.phase), (i.severity), (i.type), (c.name))`;
  const pick = (dim: string) => rows.filter((r) => r.dim === dim).map((r) => ({ key: r.key, count: r.count }));
  return { phase: pick("phase"), severity: pick("severity"), type: pick("type"), client: pick("client").sort((a, b) => b.count - a.count), total: pick("phase").reduce((a, b) => a + b.count, 0) };
}

const targetCase = (column: "containHours" | "resolveHours") =>
  Prisma.raw(`CASE i.severity ${SEVERITIES.map((s) => `WHEN '${s}' THEN interval '${TARGETS[s][column]} hours'`).join(" ")} END`);

export type LateIncident = { id: string; reference: string; title: string; severity: string; phase: string; clientName: string; target: "contain" | "resolve"; lateBy: number };

/** Open incidents past their internal containment or resolution target (by severity). */
export async function lateIncidents(viewer: Viewer, clientId: string | null, now: Date): Promise<{ count: number; rows: LateIncident[] }> {
  const rows = await db().$queryRaw<Array<LateIncident & { total: number }>>`
    WITH late AS (
      SELECT i.id, i.reference, i.title, i.severity::text AS severity, i.phase::text AS phase, c.name AS "clientName",
             CASE WHEN i."investigateStartedAt" IS NULL AND ${now} > i."awareAt" + ${targetCase("containHours")} THEN 'contain' ELSE 'resolve' END AS target,
             extract(epoch FROM ${now} - (i."awareAt" + CASE WHEN i."investigateStartedAt" IS NULL AND ${now} > i."awareAt" + ${targetCase("containHours")} THEN ${targetCase("containHours")} ELSE ${targetCase("resolveHours")} END))::float8 AS "lateBy"
      FROM "Incident" i JOIN "Client" c ON c.id = i."clientId"
      WHERE ${scope(viewer, clientId)} AND i.phase = ANY(${[...OPEN_PHASES]}::"Phase"[])
        AND ((i."investigateStartedAt" IS NULL AND ${now} > i."awareAt" + ${targetCase("containHours")})
          OR (i."reportStartedAt" IS NULL AND ${now} > i."awareAt" + ${targetCase("resolveHours")}))
    )
    SELECT *, count(*) OVER ()::int AS total FROM late ORDER BY "lateBy" DESC LIMIT 20`;
  return { count: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => r) };
}

export type ObligationWindow = { overdue: number; next24h: number; next7d: number };

export async function obligationWindows(viewer: Viewer, clientId: string | null, now: Date): Promise<ObligationWindow> {
  const [r] = await db().$queryRaw<[ObligationWindow]>`
    SELECT count(*) FILTER (WHERE o."dueAt" < ${now})::int AS overdue,
           count(*) FILTER (WHERE o."dueAt" >= ${now} AND o."dueAt" < ${now}::timestamp + interval '24 hours')::int AS "next24h",
           count(*) FILTER (WHERE o."dueAt" >= ${now} AND o."dueAt" < ${now}::timestamp + interval '7 days')::int AS "next7d"
    FROM "Obligation" o
    -- the few unsettled obligations come from their index; each checks its incident's scope by
    -- primary key (LATERAL … LIMIT 1 keeps the planner from hashing every incident instead)
    JOIN LATERAL (SELECT 1 FROM "Incident" i WHERE i.id = o."incidentId" AND ${scope(viewer, clientId)} LIMIT 1) inscope ON true
    WHERE o.active AND o.status = ANY(${[...UNSETTLED_STATUSES]}::"ObligationStatus"[]) AND o."dueAt" IS NOT NULL`;
  return r;
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

/** Response times in seconds over incidents that became known in the period. */
export async function kpis(viewer: Viewer, q: DashboardQuery, now: Date): Promise<Kpis> {
  const [t] = await db().$queryRaw<[Record<string, number | null>]>`
    SELECT count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."detectedAt" - i."occurredAt")) FILTER (WHERE i."occurredAt" IS NOT NULL) AS detect_median,
      avg(extract(epoch FROM i."detectedAt" - i."occurredAt")) FILTER (WHERE i."occurredAt" IS NOT NULL)::float8 AS detect_mean,
      count(*) FILTER (WHERE i."occurredAt" IS NOT NULL)::int AS detect_n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."investigateStartedAt" - i."awareAt")) FILTER (WHERE i."investigateStartedAt" IS NOT NULL) AS contain_median,
      avg(extract(epoch FROM i."investigateStartedAt" - i."awareAt")) FILTER (WHERE i."investigateStartedAt" IS NOT NULL)::float8 AS contain_mean,
      count(*) FILTER (WHERE i."investigateStartedAt" IS NOT NULL)::int AS contain_n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."reportStartedAt" - i."awareAt")) FILTER (WHERE i."reportStartedAt" IS NOT NULL) AS resolve_median,
      avg(extract(epoch FROM i."reportStartedAt" - i."awareAt")) FILTER (WHERE i."reportStartedAt" IS NOT NULL)::float8 AS resolve_mean,
      count(*) FILTER (WHERE i."reportStartedAt" IS NOT NULL)::int AS resolve_n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."closedAt" - i."awareAt")) FILTER (WHERE i."closedAt" IS NOT NULL AND i.resolution = 'RESOLVED') AS close_median,
      avg(extract(epoch FROM i."closedAt" - i."awareAt")) FILTER (WHERE i."closedAt" IS NOT NULL AND i.resolution = 'RESOLVED')::float8 AS close_mean,
      count(*) FILTER (WHERE i."closedAt" IS NOT NULL AND i.resolution = 'RESOLVED')::int AS close_n
    FROM "Incident" i
    WHERE ${scope(viewer, q.clientId)} AND i."awareAt" >= ${q.from} AND i."awareAt" < ${q.to}`;
  const [notices] = await db().$queryRaw<[{ on_time: number; total: number }]>`
    SELECT count(*) FILTER (WHERE o."deliveredAt" <= coalesce(o."settledDueAt", o."dueAt"))::int AS on_time,
           count(*) FILTER (WHERE o."deliveredAt" IS NOT NULL OR o."dueAt" < ${now})::int AS total
    FROM "Incident" i JOIN "Obligation" o ON o."incidentId" = i.id
    WHERE ${scope(viewer, q.clientId)} AND i."awareAt" >= ${q.from} AND i."awareAt" < ${q.to}
      AND o.active AND o."dueAt" IS NOT NULL AND o.status NOT IN ('NOT_REQUIRED', 'WAIVED')`;
  const [items] = await db().$queryRaw<[{ open: number; overdue: number }]>`
    SELECT count(*) FILTER (WHERE a.status <> 'DONE')::int AS open,
           count(*) FILTER (WHERE a.status <> 'DONE' AND a."dueAt" < ${now})::int AS overdue
    FROM "ActionItem" a JOIN "Incident" i ON i.id = a."incidentId"
    WHERE ${scope(viewer, q.clientId)}`;
  const stat = (k: string) => ({ median: t[`${k}_median`] ?? null, mean: t[`${k}_mean`] ?? null, n: Number(t[`${k}_n`] ?? 0) });
  return {
    incidents: Number(t.n ?? 0),
    detect: stat("detect"),
    contain: stat("contain"),
    resolve: stat("resolve"),
    close: stat("close"),
    notices: { onTime: notices.on_time, total: notices.total, rate: notices.total ? notices.on_time / notices.total : null },
    actionItems: items,
  };
}

export async function incidentsPerClient(viewer: Viewer, q: DashboardQuery): Promise<Breakdown[]> {
  return db().$queryRaw<Breakdown[]>`
    SELECT c.name AS key, count(i.id)::int AS count
    FROM "Incident" i JOIN "Client" c ON c.id = i."clientId"
    WHERE ${scope(viewer, q.clientId)} AND i."awareAt" >= ${q.from} AND i."awareAt" < ${q.to}
    GROUP BY c.name ORDER BY count DESC, c.name`;
}

export type WeeklyRow = { week: string; type: string; count: number };

/** Incidents per week (weeks start on Monday in `zone`) and type. */
export async function weeklyByType(viewer: Viewer, q: DashboardQuery, zone: string): Promise<WeeklyRow[]> {
  return db().$queryRaw<WeeklyRow[]>`
    SELECT to_char(date_trunc('week', i."awareAt" AT TIME ZONE 'UTC' AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS week, i.type::text AS type, count(*)::int AS count
    FROM "Incident" i
    WHERE ${scope(viewer, q.clientId)} AND i."awareAt" >= ${q.from} AND i."awareAt" < ${q.to}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Everything the dashboard shows (the page and its CSV export read the same figures). */
export async function loadDashboard(viewer: Viewer, q: DashboardQuery, now: Date) {
  const [open, late, windows, k, perClient, weekly] = await Promise.all([
    openBreakdowns(viewer, q.clientId),
    lateIncidents(viewer, q.clientId, now),
    obligationWindows(viewer, q.clientId, now),
    kpis(viewer, q, now),
    incidentsPerClient(viewer, q),
    weeklyByType(viewer, q, viewer.timeZone),
  ]);
  return { open, late, windows, k, perClient, weekly };
}

export type DashboardFigures = Awaited<ReturnType<typeof loadDashboard>>;

/**
 * The dashboard's figures as of `asOf`: recomputed after any change in the organization and at
 * least once a minute (figure-cache.ts), so a room of managers refreshing it costs one query
 * round. Shared between requests: read-only.
 */
export async function dashboardFigures(viewer: Viewer, q: DashboardQuery): Promise<{ value: DashboardFigures; asOf: Date }> {
  return cachedFigures(viewer, ["dashboard", q.clientId, q.from.toISOString(), q.to.toISOString()], (now) => loadDashboard(viewer, q, now));
}
