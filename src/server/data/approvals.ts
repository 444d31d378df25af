import "server-only";
import { workingTargetLine } from "@/domain/deadlines/working-target";
import { db } from "../db";
import { incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";

export type ApprovalRow = {
  noticeId: string;
  incidentId: string;
  reference: string;
  incidentTitle: string;
  clientName: string;
  citation: string;
  title: string;
  draftedBy: string;
  /** The viewer drafted it, so someone else must approve (four-eyes). */
  ownDraft: boolean;
  submittedAt: Date | null;
  dueAt: Date | null;
  /** "No time fixed by law — working target from …" when the law fixes no time; else null. */
  workingTarget: string | null;
};

/** Notices waiting for a manager's approval in the viewer's scope, oldest request first. */
export async function listNoticesAwaitingApproval(viewer: Viewer): Promise<ApprovalRow[]> {
  const rows = await db().notice.findMany({
    where: { status: "AWAITING_APPROVAL", incident: incidentWhere(viewer) },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      submittedAt: true,
      draftedById: true,
      draftedBy: { select: { name: true } },
      obligation: { select: { citation: true, title: true, dueAt: true, basis: true } },
      incident: { select: { id: true, reference: true, title: true, client: { select: { name: true } } } },
    },
  });
  return rows.map((n) => ({
    noticeId: n.id,
    incidentId: n.incident.id,
    reference: n.incident.reference,
    incidentTitle: n.incident.title,
    clientName: n.incident.client.name,
    citation: n.obligation.citation,
    title: n.obligation.title,
    draftedBy: n.draftedBy.name,
    ownDraft: n.draftedById === viewer.userId,
    submittedAt: n.submittedAt,
    dueAt: n.obligation.dueAt,
    workingTarget: workingTargetLine(n.obligation.basis),
  }));
}

export type DecisionToConfirmRow = {
  obligationId: string;
  incidentId: string;
  reference: string;
  incidentTitle: string;
  clientName: string;
  citation: string;
  title: string;
  kind: string;
  reason: string | null;
  proposedBy: string;
  /** The viewer proposed it, so someone else must confirm it (four-eyes). */
  ownProposal: boolean;
  proposedAt: Date | null;
  dueAt: Date | null;
};

/** Decisions settling an obligation without a notice, waiting for a second person, oldest first. */
export async function listDecisionsAwaitingConfirmation(viewer: Viewer): Promise<DecisionToConfirmRow[]> {
  const rows = await db().obligation.findMany({
    where: { proposedAt: { not: null }, incident: incidentWhere(viewer) },
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      citation: true,
      title: true,
      dueAt: true,
      proposedStatus: true,
      proposalReason: true,
      proposedAt: true,
      proposedById: true,
      proposedBy: { select: { name: true } },
      incident: { select: { id: true, reference: true, title: true, client: { select: { name: true } } } },
    },
  });
  return rows.map((o) => ({
    obligationId: o.id,
    incidentId: o.incident.id,
    reference: o.incident.reference,
    incidentTitle: o.incident.title,
    clientName: o.incident.client.name,
    citation: o.citation,
    title: o.title,
    kind: o.proposedStatus ?? "NOT_REQUIRED",
    reason: o.proposalReason,
    proposedBy: o.proposedBy?.name ?? "—",
    ownProposal: o.proposedById === viewer.userId,
    proposedAt: o.proposedAt,
    dueAt: o.dueAt,
  }));
}
