import "server-only";
import { db } from "../db";
import { incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import type { Prisma } from "@/generated/prisma/client";
import { SETTLED_STATUSES } from "@/domain/deadlines/obligation-status";

/** The incident's obligations (active first, by due time) with their notices and filings. */
export async function listIncidentObligations(viewer: Viewer, incidentId: string) {
  return db().obligation.findMany({
    where: { incidentId, incident: incidentWhere(viewer) },
    orderBy: [{ active: "desc" }, { dueAt: { sort: "asc", nulls: "last" } }, { ruleId: "asc" }],
    include: {
      decidedBy: { select: { name: true } },
      proposedBy: { select: { name: true } },
      confirmedBy: { select: { name: true } },
      filings: { orderBy: { filedAt: "asc" }, include: { recordedBy: { select: { name: true } }, confirmedBy: { select: { name: true } } } },
      notices: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, status: true, sentAt: true, approvedAt: true, contentHash: true,
          approvedBy: { select: { name: true } },
          acknowledgements: { select: { at: true, user: { select: { name: true } } } },
          _count: { select: { messages: true } },
        },
      },
      _count: { select: { revisions: true } },
    },
  });
}

export type ObligationWithNotices = Awaited<ReturnType<typeof listIncidentObligations>>[number];

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
    ...(opts.withinHours !== undefined ? { dueAt: { lte: new Date(opts.now.getTime() + opts.withinHours * 3600_000) } } : {}),
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
      id: true, ruleId: true, citation: true, title: true, party: true, status: true, dueAt: true, applicability: true,
      incident: { select: { id: true, reference: true, title: true, client: { select: { name: true } } } },
    },
  });
}

/** A notice with everything staff see about it (in scope only). */
export async function getNoticeForStaff(viewer: Viewer, incidentId: string, noticeId: string) {
  return db().notice.findFirst({
    where: { id: noticeId, incidentId, incident: incidentWhere(viewer) },
    include: {
      obligation: true,
      incident: { select: { id: true, reference: true, title: true, clientId: true, phase: true, client: { select: { name: true, timeZone: true } } } },
      draftedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      deliveries: { orderBy: { at: "asc" } },
      acknowledgements: { orderBy: { at: "asc" }, include: { user: { select: { name: true } } } },
      messages: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, role: true } } } },
    },
  });
}
