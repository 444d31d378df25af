import "server-only";
import { db, sqlRows } from "../db";
import { incidentWhere, tenantScopeSql } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";
import { SETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import { readCipher } from "../crypto/incident-keys";
import { openNoticeFields } from "../crypto/sealed-notice";

// The shape the incident page is written against (the ORM's payload for these relations); the
// rows come from one SQL statement, read on every view of the incident page, where the ORM's
// round and mapping per relation (about ten) cost more than the statement itself.
type ObligationInclude = {
  decidedBy: { select: { name: true } };
  proposedBy: { select: { name: true } };
  confirmedBy: { select: { name: true } };
  filings: { include: { recordedBy: { select: { name: true } }; confirmedBy: { select: { name: true } } } };
  notices: {
    select: {
      id: true;
      status: true;
      sentAt: true;
      approvedAt: true;
      contentHash: true;
      approvedBy: { select: { name: true } };
      acknowledgements: { select: { at: true; user: { select: { name: true } } } };
      _count: { select: { messages: true } };
    };
  };
  _count: { select: { revisions: true } };
};

export type ObligationWithNotices = Prisma.ObligationGetPayload<{ include: ObligationInclude }>;

// As JSON carries them: dates as text.
type Jsonified<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Array<Jsonified<U>>
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;
type ObligationRow = Omit<ObligationWithNotices, "filings" | "notices"> & {
  filings: Jsonified<ObligationWithNotices["filings"]>;
  notices: Jsonified<ObligationWithNotices["notices"]>;
};

const userName = (fk: string) =>
  Prisma.raw(`(SELECT json_build_object('name', u.name) FROM "User" u WHERE u.id = ${fk})`);
// JSON has no dates: a `timestamp` column comes back as "2026-03-29T01:30:00.123" (UTC, as stored).
const utc = (value: string) => new Date(`${value}Z`);
const utcOrNull = (value: string | null) => (value === null ? null : utc(value));

/** The incident's obligations (active first, by due time) with their notices and filings. */
export async function listIncidentObligations(viewer: Viewer, incidentId: string): Promise<ObligationWithNotices[]> {
  const rows = await sqlRows<ObligationRow>(
    Prisma.sql`
    SELECT o.id, o."incidentId", o."ruleId", o.regime, o.citation, o.title, o.party, o.recipient, o.applicability, o.active,
      o."startsAt", o."dueAt", o.basis, o.explanation, o.unconfirmed, o."ruleVersion", o.status, o."deliveredAt", o."settledDueAt",
      o."decisionReason", o."decidedById", o."decidedAt", o."proposedStatus", o."proposalReason", o."proposedFiling",
      o."proposedById", o."proposedAt", o."confirmedById", o."confirmedAt", o."createdAt", o."updatedAt",
      ${userName(`o."decidedById"`)} AS "decidedBy", ${userName(`o."proposedById"`)} AS "proposedBy", ${userName(`o."confirmedById"`)} AS "confirmedBy",
      (SELECT coalesce(json_agg(to_jsonb(f) || jsonb_build_object('recordedBy', ${userName(`f."recordedById"`)}, 'confirmedBy', ${userName(`f."confirmedById"`)}) ORDER BY f."filedAt"), '[]')
        FROM "ExternalFiling" f WHERE f."obligationId" = o.id) AS filings,
      (SELECT coalesce(json_agg(json_build_object('id', n.id, 'status', n.status, 'sentAt', n."sentAt", 'approvedAt', n."approvedAt", 'contentHash', n."contentHash",
          'approvedBy', ${userName(`n."approvedById"`)},
          'acknowledgements', (SELECT coalesce(json_agg(json_build_object('at', a.at, 'user', json_build_object('name', u.name)) ORDER BY a.at), '[]')
            FROM "Acknowledgement" a JOIN "User" u ON u.id = a."userId" WHERE a."noticeId" = n.id),
          '_count', json_build_object('messages', (SELECT count(*)::int FROM "NoticeMessage" m WHERE m."noticeId" = n.id))) ORDER BY n."createdAt"), '[]')
        FROM "Notice" n WHERE n."obligationId" = o.id) AS notices,
      json_build_object('revisions', (SELECT count(*)::int FROM "ObligationRevision" r WHERE r."obligationId" = o.id)) AS "_count"
    FROM "Obligation" o JOIN "Incident" i ON i.id = o."incidentId"
    WHERE o."incidentId" = ${incidentId}::uuid AND ${tenantScopeSql(viewer, "i")}
    ORDER BY o.active DESC, o."dueAt" ASC NULLS LAST, o."ruleId" ASC`,
    { hot: true },
  );
  return rows.map((o) => ({
    ...o,
    filings: o.filings.map((f) => ({
      ...f,
      filedAt: utc(f.filedAt),
      createdAt: utc(f.createdAt),
      confirmedAt: utcOrNull(f.confirmedAt),
    })),
    notices: o.notices.map((n) => ({
      ...n,
      sentAt: utcOrNull(n.sentAt),
      approvedAt: utcOrNull(n.approvedAt),
      acknowledgements: n.acknowledgements.map((a) => ({ ...a, at: utc(a.at) })),
    })),
  }));
}

export const OPEN_OBLIGATIONS_SHOWN = 200;

/**
 * Obligations across the viewer's clients that are unsettled: overdue first, then due soonest;
 * the first OPEN_OBLIGATIONS_SHOWN rows, with the true totals beside them.
 */
export async function listOpenObligations(viewer: Viewer, opts: { withinHours?: number; now: Date }) {
  const where = {
    active: true,
    status: { notIn: [...SETTLED_STATUSES] },
    incident: incidentWhere(viewer),
    ...(opts.withinHours !== undefined
      ? { dueAt: { lte: new Date(opts.now.getTime() + opts.withinHours * 3600_000) } }
      : {}),
  };
  const [rows, total, overdue] = await Promise.all([
    listOpenObligationRows(where),
    db().obligation.count({ where }),
    db().obligation.count({ where: { AND: [where, { dueAt: { lt: opts.now } }] } }),
  ]);
  return { rows, total, overdue };
}

function listOpenObligationRows(where: Prisma.ObligationWhereInput) {
  return db().obligation.findMany({
    where,
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }],
    take: OPEN_OBLIGATIONS_SHOWN,
    select: {
      id: true,
      ruleId: true,
      citation: true,
      title: true,
      party: true,
      status: true,
      dueAt: true,
      applicability: true,
      incident: { select: { id: true, reference: true, title: true, client: { select: { name: true } } } },
    },
  });
}

/** A notice with everything staff see about it (in scope only). */
export async function getNoticeForStaff(viewer: Viewer, incidentId: string, noticeId: string) {
  const notice = await db().notice.findFirst({
    where: { id: noticeId, incidentId, incident: incidentWhere(viewer) },
    include: {
      obligation: true,
      incident: {
        select: {
          id: true,
          reference: true,
          title: true,
          clientId: true,
          phase: true,
          client: { select: { name: true, timeZone: true } },
        },
      },
      draftedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      deliveries: { orderBy: { at: "asc" } },
      acknowledgements: { orderBy: { at: "asc" }, include: { user: { select: { name: true } } } },
      messages: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, role: true } } } },
    },
  });
  if (!notice) return null;
  const cipher = await readCipher(db(), notice.incidentId);
  return {
    ...notice,
    fields: openNoticeFields(cipher, notice.fields),
    messages: notice.messages.map((m) => ({ ...m, body: cipher.open("notice.message", m.body) })),
  };
}
