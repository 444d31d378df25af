import "server-only";
import { db } from "../db";
import { incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import type { Prisma } from "@/generated/prisma/client";
import type { IncidentListQuery, Sort } from "@/lib/validation/incident-list";
import { parseId } from "@/lib/validation/ids";

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

const rowSelect = {
  id: true,
  reference: true,
  title: true,
  type: true,
  severity: true,
  severityRank: true,
  phase: true,
  awareAt: true,
  updatedAt: true,
  closedAt: true,
  clientId: true,
  client: { select: { name: true } },
  owner: { select: { name: true } },
} satisfies Prisma.IncidentSelect;

function toRow(r: Prisma.IncidentGetPayload<{ select: typeof rowSelect }>): IncidentRow {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    clientName: r.client.name,
    clientId: r.clientId,
    type: r.type,
    severity: r.severity,
    phase: r.phase,
    ownerName: r.owner?.name ?? null,
    awareAt: r.awareAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
  };
}

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

function decodeCursor(raw: string | undefined, spec: SortSpec): Cursor | null {
  if (!raw) return null;
  try {
    const [v, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [unknown, unknown];
    if (!parseId(id)) return null;
    if (spec.column === "severityRank" ? typeof v !== "number" : typeof v !== "string" || Number.isNaN(Date.parse(v))) return null;
    return { v: v as string | number, id: id as string };
  } catch {
    return null;
  }
}

export function listFilterWhere(viewer: Viewer, q: IncidentListQuery): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [];
  if (q.status === "open") and.push({ phase: { not: "CLOSED" } });
  if (q.status === "closed") and.push({ phase: "CLOSED" });
  if (q.phase) and.push({ phase: q.phase });
  if (q.type) and.push({ type: q.type });
  if (q.severity) and.push({ severity: q.severity });
  if (q.clientId) and.push({ clientId: q.clientId });
  if (q.owner === "me") and.push({ ownerId: viewer.userId });
  else if (q.owner === "none") and.push({ ownerId: null });
  else if (q.owner) and.push({ ownerId: q.owner });
  if (q.q) {
    const text = q.q;
    and.push({
      OR: [
        { reference: { equals: text.toUpperCase() } },
        { title: { contains: text, mode: "insensitive" } },
        { summary: { contains: text, mode: "insensitive" } },
      ],
    });
  }
  return incidentWhere(viewer, { AND: and });
}

/** One page of the incidents the viewer may see, by keyset (stable under inserts, fast at depth). */
export async function listIncidents(viewer: Viewer, q: IncidentListQuery): Promise<{ rows: IncidentRow[]; nextCursor: string | null }> {
  const spec = SORT_SPEC[q.sort];
  const cursor = decodeCursor(q.cursor, spec);
  const where: Prisma.IncidentWhereInput = { AND: [listFilterWhere(viewer, q)] };
  if (cursor) {
    const op = spec.dir === "desc" ? "lt" : "gt";
    const value = spec.column === "severityRank" ? cursor.v : new Date(cursor.v as string);
    // "col ≤ v AND (col < v OR id < last)": the first half is an index bound (a plain OR would
    // make PostgreSQL filter every row before the cursor: 16 ms instead of 0.5 at 100k).
    const opEq = spec.dir === "desc" ? "lte" : "gte";
    (where.AND as Prisma.IncidentWhereInput[]).push(
      { [spec.column]: { [opEq]: value } },
      { OR: [{ [spec.column]: { [op]: value } }, { id: { [op]: cursor.id } }] },
    );
  }
  const rows = await db().incident.findMany({
    where,
    orderBy: [{ [spec.column]: spec.dir }, { id: spec.dir }],
    take: PAGE_SIZE + 1,
    select: rowSelect,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > PAGE_SIZE && last
      ? encodeCursor({ v: spec.column === "severityRank" ? last.severityRank : last[spec.column].toISOString(), id: last.id })
      : null;
  return {
    rows: page.map(toRow),
    nextCursor,
  };
}

/** People who may own work on a client's incidents (for owner pickers). */
export async function listAssignableStaff(viewer: Viewer, clientId?: string): Promise<Array<{ id: string; name: string; role: string }>> {
  return db().user.findMany({
    where: {
      organizationId: viewer.organizationId,
      active: true,
      OR: [
        { role: { in: ["ADMIN", "MANAGER"] } },
        clientId ? { role: "ANALYST", assignments: { some: { clientId } } } : { role: "ANALYST", assignments: { some: { clientId: { in: [...viewer.clientIds] } } } },
      ],
    },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

/** Open incidents per phase in the viewer's scope (one grouped query). */
export async function countOpenByPhase(viewer: Viewer): Promise<Record<string, number>> {
  const groups = await db().incident.groupBy({ by: ["phase"], where: incidentWhere(viewer, { phase: { not: "CLOSED" } }), _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.phase, g._count._all]));
}

/** Every incident matching the list filters, newest first, in batches (for exports). */
export async function* iterateIncidentRows(viewer: Viewer, q: IncidentListQuery, batch = 1000): AsyncGenerator<IncidentRow[]> {
  let cursor: { awareAt: Date; id: string } | null = null;
  for (;;) {
    const where: Prisma.IncidentWhereInput = {
      AND: [listFilterWhere(viewer, q), ...(cursor ? [{ awareAt: { lte: cursor.awareAt } }, { OR: [{ awareAt: { lt: cursor.awareAt } }, { id: { lt: cursor.id } }] }] : [])],
    };
    const rows = await db().incident.findMany({
      where,
      orderBy: [{ awareAt: "desc" }, { id: "desc" }],
      take: batch,
      select: rowSelect,
    });
    if (!rows.length) return;
    yield rows.map(toRow);
    const last = rows[rows.length - 1]!;
    cursor = { awareAt: last.awareAt, id: last.id };
    if (rows.length < batch) return;
  }
}
