import "server-only";
import { db } from "../db";
import { clientWhere, incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import type { Prisma } from "@/generated/prisma/client";
import { SETTLED_STATUSES, UNSETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import { settlementTiming, type SettlementTiming } from "@/domain/deadlines/terms-change";
import { workingTargetOf } from "@/domain/deadlines/working-target";
import type { WorkingTargetSource } from "@/domain/deadlines/obligations";
import type { DeadlineFilters } from "@/lib/validation/deadline-filters";

// The Deadlines page as a work list: what we owe first, then what our clients owe; in each,
// overdue first, then soonest due, then those with no clock yet, settled ones last. Every read
// goes through the scope builders, so a client id outside the viewer's scope matches nothing.

export const ROWS_PER_SECTION = 100;

export type DeadlineRow = {
  id: string;
  title: string;
  citation: string;
  regime: string;
  recipient: string;
  status: string;
  applicability: string;
  dueAt: Date | null;
  settledDueAt: Date | null;
  timing: SettlementTiming | null;
  /** The law fixes no time: the due time is a working target from the contract or a setting. */
  workingTarget: WorkingTargetSource | null;
  incident: { id: string; reference: string; title: string; clientName: string };
};

export type DeadlineSection = { party: "BPO" | "CLIENT"; rows: DeadlineRow[]; total: number; overdue: number };

const select = {
  id: true,
  title: true,
  citation: true,
  regime: true,
  recipient: true,
  status: true,
  applicability: true,
  dueAt: true,
  deliveredAt: true,
  settledDueAt: true,
  basis: true,
  incident: { select: { id: true, reference: true, title: true, client: { select: { name: true } } } },
} satisfies Prisma.ObligationSelect;

const unsettled = { status: { in: [...UNSETTLED_STATUSES] } } satisfies Prisma.ObligationWhereInput;
const settled = { status: { in: [...SETTLED_STATUSES] } } satisfies Prisma.ObligationWhereInput;

function statusWhere(status: DeadlineFilters["status"], now: Date): Prisma.ObligationWhereInput {
  switch (status) {
    case "open":
      return unsettled;
    case "overdue":
      return { ...unsettled, dueAt: { lt: now } };
    case "settled":
      return settled;
    case "all":
      return {};
  }
}

async function section(
  base: Prisma.ObligationWhereInput,
  party: "BPO" | "CLIENT",
  status: DeadlineFilters["status"],
  now: Date,
): Promise<DeadlineSection> {
  const where: Prisma.ObligationWhereInput = { AND: [base, { party }, statusWhere(status, now)] };
  const open = status !== "settled";
  const closed = status === "settled" || status === "all";
  const [openRows, total, overdue] = await Promise.all([
    open
      ? db().obligation.findMany({
          where: { AND: [where, unsettled] },
          orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          take: ROWS_PER_SECTION,
          select,
        })
      : Promise.resolve([]),
    db().obligation.count({ where }),
    db().obligation.count({ where: { AND: [where, unsettled, { dueAt: { lt: now } }] } }),
  ]);
  // settled last, most recently due first (the record of what was done)
  const closedRows =
    closed && openRows.length < ROWS_PER_SECTION
      ? await db().obligation.findMany({
          where: { AND: [where, settled] },
          orderBy: [{ dueAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
          take: ROWS_PER_SECTION - openRows.length,
          select,
        })
      : [];
  const rows = [...openRows, ...closedRows].map(({ deliveredAt, incident, basis, ...r }) => ({
    ...r,
    timing: settlementTiming({ ...r, deliveredAt }),
    workingTarget: workingTargetOf(basis),
    incident: {
      id: incident.id,
      reference: incident.reference,
      title: incident.title,
      clientName: incident.client.name,
    },
  }));
  return { party, rows, total, overdue };
}

/**
 * The obligations in the viewer's scope that match the filters, in two sections (ours, then the
 * clients'), each in order of urgency. A client filter outside the viewer's scope is reported as
 * unknown and not applied, exactly like an id that does not exist.
 */
export async function listDeadlineWorkList(
  viewer: Viewer,
  filters: DeadlineFilters,
  now: Date,
): Promise<{ sections: DeadlineSection[]; unknownClient: boolean }> {
  const client = filters.client
    ? await db().client.findFirst({ where: clientWhere(viewer, { id: filters.client }), select: { id: true } })
    : null;
  const base: Prisma.ObligationWhereInput = {
    active: true,
    incident: incidentWhere(viewer, client ? { clientId: client.id } : {}),
    ...(filters.regime ? { regime: filters.regime } : {}),
    ...(filters.within ? { dueAt: { lte: new Date(now.getTime() + Number(filters.within) * 3600_000) } } : {}),
  };
  const parties =
    filters.owedBy === "us"
      ? (["BPO"] as const)
      : filters.owedBy === "client"
        ? (["CLIENT"] as const)
        : (["BPO", "CLIENT"] as const);
  const sections = await Promise.all(parties.map((p) => section(base, p, filters.status, now)));
  return { sections, unknownClient: !!filters.client && !client };
}
