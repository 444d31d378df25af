import "server-only";
import { db, sqlRows } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { clientWhere, incidentWhere, tenantScopeSql } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { can } from "@/domain/access/can";
import { parseId } from "@/lib/validation/ids";
import { erasureDueAt, erasurePolicy, erasureVerdict } from "@/domain/retention/erasure";
import { DateTime } from "luxon";
import type { Phase } from "@/domain/incident/types";

export type HoldView = { at: Date; reason: string; by: string };

async function holderNames(ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function hold(
  row: { legalHoldAt: Date | null; legalHoldReason: string | null; legalHoldById: string | null },
  names: Map<string, string>,
): HoldView | null {
  if (!row.legalHoldAt) return null;
  return {
    at: row.legalHoldAt,
    reason: row.legalHoldReason ?? "",
    by: (row.legalHoldById && names.get(row.legalHoldById)) ?? "someone no longer listed",
  };
}

type RetentionRow = {
  id: string;
  reference: string;
  phase: Phase;
  closedAt: Date | null;
  erasedAt: Date | null;
  erasurePolicy: string | null;
  legalHoldAt: Date | null;
  legalHoldReason: string | null;
  legalHoldById: string | null;
  clientName: string;
  clientTimeZone: string;
  retentionYears: number;
  clientHoldAt: Date | null;
  clientHoldReason: string | null;
  clientHoldById: string | null;
};

/**
 * What the incident page says about retention: whether the incident was erased (its tombstone),
 * whether a legal hold keeps it (the reason and who set it only for those who may manage holds),
 * and when it is due for erasure. Null when the viewer may not see the incident.
 */
export async function getIncidentRetention(viewer: Viewer, id: unknown, now: Date) {
  const incidentId = parseId(id);
  if (!incidentId) return null;
  // one statement with its client (read on every incident page, where the ORM's two rounds cost more)
  const [flat] = await sqlRows<RetentionRow>(
    Prisma.sql`SELECT i.id, i.reference, i.phase, i."closedAt", i."erasedAt", i."erasurePolicy", i."legalHoldAt", i."legalHoldReason", i."legalHoldById",
        c.name AS "clientName", c."timeZone" AS "clientTimeZone", c."retentionYears", c."legalHoldAt" AS "clientHoldAt", c."legalHoldReason" AS "clientHoldReason", c."legalHoldById" AS "clientHoldById"
      FROM "Incident" i JOIN "Client" c ON c.id = i."clientId"
      WHERE i.id = ${incidentId}::uuid AND ${tenantScopeSql(viewer, "i")}`,
    { hot: true },
  );
  const row = flat && {
    ...flat,
    client: {
      name: flat.clientName,
      timeZone: flat.clientTimeZone,
      retentionYears: flat.retentionYears,
      legalHoldAt: flat.clientHoldAt,
      legalHoldReason: flat.clientHoldReason,
      legalHoldById: flat.clientHoldById,
    },
  };
  if (!row) return null;
  if (row.erasedAt)
    return {
      id: row.id,
      reference: row.reference,
      clientName: row.client.name,
      erased: { at: row.erasedAt, policy: row.erasurePolicy ?? "" },
    } as const;
  const mayManage = can(viewer, "legalhold:manage");
  const names = mayManage
    ? await holderNames([row.legalHoldById, row.client.legalHoldById])
    : new Map<string, string>();
  const verdict = erasureVerdict({ ...row, legalHoldAt: row.legalHoldAt }, now);
  return {
    id: row.id,
    reference: row.reference,
    clientName: row.client.name,
    erased: null,
    mayManage,
    held: { incident: !!row.legalHoldAt, client: !!row.client.legalHoldAt },
    // the details of a hold (often a case name) only for those who decide holds
    incidentHold: mayManage ? hold(row, names) : null,
    clientHold: mayManage ? hold(row.client, names) : null,
    retentionYears: row.client.retentionYears,
    dueAt: "dueAt" in verdict ? verdict.dueAt : null,
  } as const;
}
/** What a report or export of an erased incident answers instead. */
export function erasedReportMessage(reference: string, erasedAt: Date, policy: string): string {
  return `${reference} was erased on ${erasedAt.toISOString().slice(0, 10)} under the policy "${policy}"; its content no longer exists, so there is no report of it.`;
}

export type IncidentRetention = NonNullable<Awaited<ReturnType<typeof getIncidentRetention>>>;

export type ErasureRow = {
  id: string;
  reference: string;
  client: string;
  closedAt: Date;
  dueAt: Date;
  policy: string;
  hold: "incident" | "client" | null;
};

/**
 * Closed incidents of the viewer's clients due for erasure within `days` (or already due and
 * waiting for the next daily run), and those a legal hold keeps, soonest first. Each client's
 * cutoff is read in the query (closed before now + days − its retention years, a day of slack
 * for zones); the domain rule then gives the exact due time.
 */
export async function listUpcomingErasures(
  viewer: Viewer,
  now: Date,
  days = 30,
): Promise<{ due: ErasureRow[]; held: ErasureRow[] }> {
  const clients = await db().client.findMany({
    where: clientWhere(viewer),
    select: { id: true, name: true, timeZone: true, retentionYears: true, contractReference: true, legalHoldAt: true },
  });
  if (!clients.length) return { due: [], held: [] };
  const horizon = DateTime.fromJSDate(now, { zone: "UTC" }).plus({ days: days + 1 });
  const rows = await db().incident.findMany({
    where: incidentWhere(viewer, {
      phase: "CLOSED",
      erasedAt: null,
      OR: clients.map((c) => ({
        clientId: c.id,
        closedAt: { lt: horizon.minus({ years: c.retentionYears }).toJSDate() },
      })),
    }),
    select: {
      id: true,
      reference: true,
      phase: true,
      clientId: true,
      closedAt: true,
      erasedAt: true,
      legalHoldAt: true,
    },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  const byId = new Map(clients.map((c) => [c.id, c]));
  const limit = now.getTime() + days * 86_400_000;
  const due: ErasureRow[] = [];
  const held: ErasureRow[] = [];
  for (const r of rows) {
    const client = byId.get(r.clientId);
    if (!client || !r.closedAt) continue;
    const dueAt = erasureDueAt(r.closedAt, client.retentionYears, client.timeZone);
    if (dueAt.getTime() > limit) continue;
    const verdict = erasureVerdict({ ...r, client }, now);
    const hold = verdict.erasable
      ? null
      : verdict.reason === "INCIDENT_HOLD"
        ? "incident"
        : verdict.reason === "CLIENT_HOLD"
          ? "client"
          : null;
    const row: ErasureRow = {
      id: r.id,
      reference: r.reference,
      client: client.name,
      closedAt: r.closedAt,
      dueAt,
      policy: erasurePolicy(client),
      hold,
    };
    (hold ? held : due).push(row);
  }
  const soonest = (a: ErasureRow, b: ErasureRow) =>
    a.dueAt.getTime() - b.dueAt.getTime() || a.reference.localeCompare(b.reference);
  return { due: due.sort(soonest), held: held.sort(soonest) };
}

/** Each of the viewer's clients with its retention and legal hold, for those who manage holds. */
export async function listClientHolds(viewer: Viewer) {
  if (!can(viewer, "legalhold:manage")) return [];
  const rows = await db().client.findMany({
    where: clientWhere(viewer),
    select: {
      id: true,
      name: true,
      retentionYears: true,
      legalHoldAt: true,
      legalHoldReason: true,
      legalHoldById: true,
    },
    orderBy: { name: "asc" },
  });
  const names = await holderNames(rows.map((r) => r.legalHoldById));
  return rows.map((r) => ({ id: r.id, name: r.name, retentionYears: r.retentionYears, hold: hold(r, names) }));
}
export type ClientHold = Awaited<ReturnType<typeof listClientHolds>>[number];
