import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { sqlRows, type Db, type Tx } from "../db";
import { tenantScopeSql } from "./scope";
import { onCallAt } from "@/domain/on-call/on-call-at";
import type { Viewer } from "@/domain/access/can";

export type OnCallPerson = { id: string; name: string };
export type OnCallNow = {
  rotaId: string;
  rotaName: string;
  primary: OnCallPerson | null;
  secondary: OnCallPerson | null;
  /** When the primary changes next (shift end or override end). */
  until: Date;
  timeZone: string;
  escalateAfterMinutes: number;
};

type RotaRow = {
  id: string;
  name: string;
  timeZone: string;
  handoverTime: string;
  shiftHours: number;
  startsOn: string;
  secondaryUserId: string | null;
  secondaryName: string | null;
  escalateAfterMinutes: number;
  members: Array<{ id: string; name: string }>;
  overrides: Array<{ userId: string; name: string; startsAt: string; endsAt: string; createdAt: string }>;
};

// json_build_object writes a timestamp (without zone, holding UTC) without its "Z"
const utc = (value: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);

/**
 * The rota that answers for a client: its own enabled rota, else the organization's rota for
 * every client (clientId null); the oldest when several. Members who are no longer active are
 * skipped; overrides are those not yet ended (and not more than a year ahead).
 */
function rotaSql(organizationId: Prisma.Sql, clientId: Prisma.Sql, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r.name, r."timeZone", r."handoverTime", r."shiftHours", r."startsOn", r."secondaryUserId",
      r."escalateAfterMinutes",
      (SELECT su.name FROM "User" su WHERE su.id = r."secondaryUserId" AND su.active) AS "secondaryName",
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY m.position)
        FROM "OnCallMember" m JOIN "User" u ON u.id = m."userId" WHERE m."rotaId" = r.id AND u.active), '[]'::json) AS members,
      COALESCE((SELECT json_agg(json_build_object('userId', o."userId", 'name', ou.name, 'startsAt', o."startsAt",
          'endsAt', o."endsAt", 'createdAt', o."createdAt"))
        FROM "OnCallOverride" o JOIN "User" ou ON ou.id = o."userId"
        WHERE o."rotaId" = r.id AND ou.active AND o."endsAt" > ${at}::timestamp
          AND o."startsAt" < ${at}::timestamp + interval '366 days'), '[]'::json) AS overrides
    FROM "OnCallRota" r
    WHERE r."organizationId" = ${organizationId} AND r.enabled AND (r."clientId" = ${clientId} OR r."clientId" IS NULL)
    ORDER BY (r."clientId" IS NULL), r."createdAt", r.id
    LIMIT 1`;
}

/** Who is on call at `at` for a rota row read by rotaSql (the domain decides; names come from the row). */
export function resolveOnCall(row: RotaRow, at: Date): OnCallNow {
  const names = new Map<string, string>(row.members.map((m) => [m.id, m.name]));
  for (const o of row.overrides) names.set(o.userId, o.name);
  if (row.secondaryUserId && row.secondaryName) names.set(row.secondaryUserId, row.secondaryName);
  const got = onCallAt(
    {
      timeZone: row.timeZone,
      handoverTime: row.handoverTime,
      shiftHours: row.shiftHours,
      startsOn: row.startsOn,
      memberIds: row.members.map((m) => m.id),
      secondaryUserId: row.secondaryName ? row.secondaryUserId : null,
    },
    row.overrides.map((o) => ({
      userId: o.userId,
      startsAt: utc(o.startsAt),
      endsAt: utc(o.endsAt),
      createdAt: utc(o.createdAt),
    })),
    at,
  );
  const person = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id) ?? "" } : null);
  return {
    rotaId: row.id,
    rotaName: row.name,
    primary: person(got.primaryId),
    secondary: person(got.secondaryId),
    until: got.until,
    timeZone: row.timeZone,
    escalateAfterMinutes: row.escalateAfterMinutes,
  };
}

/**
 * Who is on call for a client of an organization at `at`, or null when no enabled rota covers
 * it. For services (paging, automation rules) inside their own transaction: it checks no
 * permission, the caller has; it never reads outside `organizationId`.
 */
export async function onCallNow(
  tx: Tx | Db,
  scope: { organizationId: string; clientId: string | null },
  at: Date,
): Promise<OnCallNow | null> {
  const [row] = await tx.$queryRaw<RotaRow[]>(
    rotaSql(Prisma.sql`${scope.organizationId}::uuid`, Prisma.sql`${scope.clientId}::uuid`, at),
  );
  return row ? resolveOnCall(row, at) : null;
}

export type IncidentOnCall = {
  onCall: OnCallNow | null;
  page: {
    id: string;
    status: "OPEN" | "ACKNOWLEDGED" | "EXHAUSTED";
    level: number;
    pagedAt: Date;
    escalateAt: Date | null;
    acknowledgedAt: Date | null;
    acknowledgedByName: string | null;
    pagedUserIds: string[];
  } | null;
};

type IncidentOnCallRow = { found: boolean; rota: RotaRow | null; page: Record<string, unknown> | null };

/**
 * The incident page's on-call box, in one query: the rota answering for the incident's client
 * and the incident's page, if it was paged. Null when the incident is not in the viewer's scope.
 */
export async function getIncidentOnCall(viewer: Viewer, incidentId: string, at: Date): Promise<IncidentOnCall | null> {
  const [row] = await sqlRows<IncidentOnCallRow>(Prisma.sql`
    SELECT true AS found,
      (SELECT row_to_json(x) FROM (${rotaSql(Prisma.sql`i."organizationId"`, Prisma.sql`i."clientId"`, at)}) x) AS rota,
      (SELECT json_build_object('id', p.id, 'status', p.status, 'level', p.level, 'pagedAt', p."pagedAt",
          'escalateAt', p."escalateAt", 'acknowledgedAt', p."acknowledgedAt", 'pagedUserIds', p."pagedUserIds",
          'acknowledgedByName', (SELECT a.name FROM "User" a WHERE a.id = p."acknowledgedById"))
        FROM "OnCallPage" p WHERE p."incidentId" = i.id) AS page
    FROM "Incident" i
    WHERE i.id = ${incidentId}::uuid AND ${tenantScopeSql(viewer, "i")}`);
  if (!row) return null;
  const p = row.page;
  return {
    onCall: row.rota ? resolveOnCall(row.rota, at) : null,
    page: p
      ? {
          id: String(p.id),
          status: p.status as "OPEN" | "ACKNOWLEDGED" | "EXHAUSTED",
          level: Number(p.level),
          pagedAt: utc(String(p.pagedAt)),
          escalateAt: p.escalateAt ? utc(String(p.escalateAt)) : null,
          acknowledgedAt: p.acknowledgedAt ? utc(String(p.acknowledgedAt)) : null,
          acknowledgedByName: (p.acknowledgedByName as string | null) ?? null,
          pagedUserIds: (p.pagedUserIds as string[] | null) ?? [],
        }
      : null,
  };
}
