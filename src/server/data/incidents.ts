import "server-only";
import { db, sqlRows } from "../db";
import { incidentWhere, tenantScopeSql, userScopeSql } from "./scope";
import { cachedFigures } from "./figure-cache";
import type { Viewer } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";
import type { IncidentListQuery } from "@/lib/validation/incident-list";
import type { Sort } from "@/lib/incident-list-options";
import { parseId } from "@/lib/validation/ids";
import { OPEN_PHASES } from "@/domain/incident/types";

export const PAGE_SIZE = 25;

export type IncidentRow = {
  id: string;
  reference: string;
  title: string;
  clientName: string;
  type: string;
  severity: string;
  phase: string;
  ownerName: string | null;
  awareAt: Date;
  updatedAt: Date;
  clientId: string;
  closedAt: Date | null;
};

// The list reads one SQL statement per page (joins included): it runs on every visit of the
// busiest page, where an ORM round per relation costs more than the query itself.
type RawRow = IncidentRow & { severityRank: number };

const ROW_COLUMNS = Prisma.sql`i.id, i.reference, i.title, i.type::text AS type, i.severity::text AS severity, i."severityRank",
  i.phase::text AS phase, i."awareAt", i."updatedAt", i."closedAt", i."clientId", c.name AS "clientName", o.name AS "ownerName"`;

type SortSpec = { column: "awareAt" | "updatedAt" | "severityRank"; dir: "asc" | "desc" };
const SORT_SPEC: Record<Sort, SortSpec> = {
  aware_desc: { column: "awareAt", dir: "desc" },
  aware_asc: { column: "awareAt", dir: "asc" },
  updated_desc: { column: "updatedAt", dir: "desc" },
  severity_desc: { column: "severityRank", dir: "desc" },
};

type Cursor = { v: string | number; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString("base64url");
}

// A cursor comes back from the address bar: only values this module could have written pass
// (a small integer rank, or an instant as toISOString writes it), so nothing out of a column's
// range ever reaches the database.
const isRank = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 32767;
const isIsoInstant = (v: unknown): v is string =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && new Date(v).toISOString() === v;

function decodeCursor(raw: string | undefined, spec: SortSpec): Cursor | null {
  if (!raw) return null;
  try {
    const [v, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [unknown, unknown];
    if (!parseId(id)) return null;
    if (spec.column === "severityRank" ? !isRank(v) : !isIsoInstant(v)) return null;
    return { v: v as string | number, id: id as string };
  } catch {
    return null;
  }
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The list filters and the viewer's scope, and the text search apart (null when there is none), on "Incident" i. */
function listConditions(viewer: Viewer, q: IncidentListQuery): { base: Prisma.Sql; search: Prisma.Sql | null } {
  const and: Prisma.Sql[] = [tenantScopeSql(viewer, "i")];
  if (q.status === "open") and.push(Prisma.sql`i.phase = ANY(${[...OPEN_PHASES]}::"Phase"[])`);
  if (q.status === "closed") and.push(Prisma.sql`i.phase = 'CLOSED'`);
  if (q.phase) and.push(Prisma.sql`i.phase = ${q.phase}::"Phase"`);
  if (q.type) and.push(Prisma.sql`i.type = ${q.type}::"IncidentType"`);
  if (q.severity) and.push(Prisma.sql`i.severity = ${q.severity}::"Severity"`);
  if (q.clientId) and.push(Prisma.sql`i."clientId" = ${q.clientId}::uuid`);
  if (q.owner === "me") and.push(Prisma.sql`i."ownerId" = ${viewer.userId}::uuid`);
  else if (q.owner === "none") and.push(Prisma.sql`i."ownerId" IS NULL`);
  else if (q.owner) and.push(Prisma.sql`i."ownerId" = ${q.owner}::uuid`);
  // Descriptions are sealed (see crypto/incident-keys.ts): search covers the reference and the
  // title, which the analyst chooses to be fit for lists.
  const search = q.q
    ? Prisma.sql`(i.reference = ${q.q.toUpperCase()} OR i.title ILIKE ${`%${likeEscape(q.q)}%`})`
    : null;
  return { base: Prisma.join(and, " AND "), search };
}

/** The list filters and the viewer's scope as one SQL condition on "Incident" i. */
export function listFilterSql(viewer: Viewer, q: IncidentListQuery): Prisma.Sql {
  const { base, search } = listConditions(viewer, q);
  return search ? Prisma.sql`${base} AND ${search}` : base;
}

const SORT_COLUMN: Record<SortSpec["column"], Prisma.Sql> = {
  awareAt: Prisma.raw(`i."awareAt"`),
  updatedAt: Prisma.raw(`i."updatedAt"`),
  severityRank: Prisma.raw(`i."severityRank"`),
};

/**
 * A text search reads newest first through the sort's index while its words are common, and
 * through the title's trigram index when they are rare. PostgreSQL picks one plan from how
 * many titles it expects to match, assuming they are spread evenly in time. When they are not
 * (words that were common once, years back), the ordered scan can pass tens of thousands of
 * rows before the first match: 36 ms at 100k incidents where the trigram index takes 3. So
 * the ordered scan only looks at the latest SEARCH_WINDOW rows in order. If it fills the page,
 * or the filters leave no more rows than that, that is the page. If not, the matches are few,
 * and they are collected through the trigram index, sorted and cut to the page.
 */
const SEARCH_WINDOW = 1500;
/** What the search's window carries on to the page's columns and the search itself. */
const WINDOW_COLUMNS = Prisma.raw(
  `i.id, i.reference, i.title, i.type, i.severity, i."severityRank", i.phase, i."awareAt", i."updatedAt", i."closedAt", i."clientId", i."ownerId"`,
);

async function selectRows(
  where: { base: Prisma.Sql; search: Prisma.Sql | null },
  spec: SortSpec,
  cursor: Cursor | null,
  limit: number,
): Promise<RawRow[]> {
  const col = SORT_COLUMN[spec.column];
  const dir = Prisma.raw(spec.dir === "desc" ? "DESC" : "ASC");
  let keyset = Prisma.empty;
  if (cursor) {
    const v =
      spec.column === "severityRank"
        ? Prisma.sql`${cursor.v}::int`
        : Prisma.sql`${new Date(cursor.v as string)}::timestamp`;
    const [opEq, op] = spec.dir === "desc" ? [Prisma.raw("<="), Prisma.raw("<")] : [Prisma.raw(">="), Prisma.raw(">")];
    // "col ≤ v AND (col < v OR id < last)": the first half is an index bound (a plain OR would
    // make PostgreSQL filter every row before the cursor: 16 ms instead of 0.5 at 100k).
    keyset = Prisma.sql` AND ${col} ${opEq} ${v} AND (${col} ${op} ${v} OR i.id ${op} ${cursor.id}::uuid)`;
  }
  const joins = Prisma.sql`JOIN "Client" c ON c.id = i."clientId" LEFT JOIN "User" o ON o.id = i."ownerId"`;
  const order = Prisma.sql`ORDER BY ${col} ${dir}, i.id ${dir}`;
  if (!where.search)
    return sqlRows<RawRow>(
      Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Incident" i ${joins} WHERE ${where.base}${keyset} ${order} LIMIT ${limit}`,
      { hot: true },
    );
  // a text search's plan depends on its words: not prepared once for all (hot: false)
  const recent = await sqlRows<RawRow>(
    Prisma.sql`SELECT ${ROW_COLUMNS}
      FROM (SELECT ${WINDOW_COLUMNS} FROM "Incident" i WHERE ${where.base}${keyset} ${order} LIMIT ${SEARCH_WINDOW}) i ${joins}
      WHERE ${where.search} ${order} LIMIT ${limit}`,
  );
  if (recent.length === limit) return recent;
  // the filters leave fewer rows than the window holds: it saw them all, and nothing lies beyond
  const [seen] = await sqlRows<{ n: number }>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Incident" i WHERE ${where.base}${keyset} LIMIT ${SEARCH_WINDOW}) w`,
  );
  if ((seen?.n ?? 0) < SEARCH_WINDOW) return recent;
  return sqlRows<RawRow>(
    Prisma.sql`WITH hits AS MATERIALIZED (SELECT i.id, ${col} AS k FROM "Incident" i WHERE ${where.base} AND ${where.search}${keyset}),
        page AS (SELECT id FROM hits ORDER BY k ${dir}, id ${dir} LIMIT ${limit})
      SELECT ${ROW_COLUMNS} FROM page p JOIN "Incident" i ON i.id = p.id ${joins} ${order}`,
  );
}

function toRow({ severityRank: _rank, ...row }: RawRow): IncidentRow {
  return row;
}

/** One page of the incidents the viewer may see, by keyset (stable under inserts, fast at depth). */
export async function listIncidents(
  viewer: Viewer,
  q: IncidentListQuery,
): Promise<{ rows: IncidentRow[]; nextCursor: string | null }> {
  const spec = SORT_SPEC[q.sort];
  const rows = await selectRows(listConditions(viewer, q), spec, decodeCursor(q.cursor, spec), PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > PAGE_SIZE && last
      ? encodeCursor({
          v: spec.column === "severityRank" ? last.severityRank : last[spec.column].toISOString(),
          id: last.id,
        })
      : null;
  return { rows: page.map(toRow), nextCursor };
}

/**
 * listIncidents, kept like the dashboard's figures until the organization's data changes (see
 * figure-cache.ts): a page of rows depends on nothing else (no clock), so a kept page is
 * exactly what the query would return. "Me" is keyed by the person it means.
 */
export async function listIncidentsCached(
  viewer: Viewer,
  q: IncidentListQuery,
): Promise<{ rows: IncidentRow[]; nextCursor: string | null }> {
  const key = { ...q, owner: q.owner === "me" ? viewer.userId : q.owner };
  return (await cachedFigures(viewer, ["incident-list", key], () => listIncidents(viewer, q))).value;
}

/** People who may own work on a client's incidents (for owner pickers). */
export async function listAssignableStaff(
  viewer: Viewer,
  clientId?: string,
): Promise<Array<{ id: string; name: string; role: string }>> {
  // raw SQL: read on every view of the incident page, where the ORM's round costs more than the query
  const clients = clientId ? [clientId] : [...viewer.clientIds];
  return sqlRows<{ id: string; name: string; role: string }>(
    Prisma.sql`SELECT u.id, u.name, u.role::text AS role FROM "User" u
      WHERE ${userScopeSql(viewer, "u")} AND u.active AND (u.role IN ('ADMIN', 'MANAGER')
        OR (u.role = 'ANALYST' AND EXISTS (SELECT 1 FROM "ClientAssignment" ca WHERE ca."userId" = u.id AND ca."clientId" = ANY(${clients}::uuid[]))))
      ORDER BY u.name`,
    { hot: true },
  );
}

/** Staff for the owner filter of the list, kept until the organization changes. */
export async function listAssignableStaffCached(
  viewer: Viewer,
): Promise<ReadonlyArray<{ id: string; name: string; role: string }>> {
  return (await cachedFigures(viewer, ["staff"], () => listAssignableStaff(viewer))).value;
}

/** Open incidents per phase in the viewer's scope (one grouped query). */
export async function countOpenByPhase(viewer: Viewer): Promise<Record<string, number>> {
  const groups = await db().incident.groupBy({
    by: ["phase"],
    where: incidentWhere(viewer, { phase: { not: "CLOSED" } }),
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.phase, g._count._all]));
}

/** How many incidents match the list filters (for an export's progress). */
export async function countIncidentRows(viewer: Viewer, q: IncidentListQuery): Promise<number> {
  const [row] = await db().$queryRaw<
    [{ n: number }]
  >`SELECT count(*)::int AS n FROM "Incident" i WHERE ${listFilterSql(viewer, q)}`;
  return row.n;
}

/** Every incident matching the list filters, newest first, in batches (for exports). */
export async function* iterateIncidentRows(
  viewer: Viewer,
  q: IncidentListQuery,
  batch = 1000,
): AsyncGenerator<IncidentRow[]> {
  const spec = SORT_SPEC.aware_desc;
  const where = listConditions(viewer, q);
  let cursor: Cursor | null = null;
  for (;;) {
    const rows = await selectRows(where, spec, cursor, batch);
    const last = rows.at(-1);
    if (!last) return;
    yield rows.map(toRow);
    cursor = { v: last.awareAt.toISOString(), id: last.id };
    if (rows.length < batch) return;
  }
}
