import "server-only";
import type { Tx } from "../../db";
import type { ServiceContext } from "../context";
import { ROLE_PERMISSIONS, ROLES } from "@/domain/access/permissions";
import { PROPOSAL_LABEL, type ProposalKind } from "@/domain/deadlines/obligation-proposal";

const APPROVER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("notice:approve"));

type Subject = { incidentId: string; citation: string; incident: { reference: string } };

/** Tells everyone who may confirm (but the proposer) that a decision waits for them; how many. */
export async function notifyConfirmers(
  tx: Tx,
  ctx: ServiceContext,
  o: Subject,
  kind: ProposalKind,
  why: string,
): Promise<number> {
  const confirmers = await tx.user.findMany({
    where: {
      organizationId: ctx.viewer.organizationId,
      active: true,
      role: { in: APPROVER_ROLES },
      id: { not: ctx.viewer.userId },
    },
    select: { id: true },
  });
  const message = `Confirmation needed: ${o.incident.reference} ${o.citation}: ${PROPOSAL_LABEL[kind]} proposed by ${ctx.viewer.name}: "${why}"`;
  await tx.staffNotification.createMany({
    data: confirmers.map((c) => ({
      userId: c.id,
      incidentId: o.incidentId,
      kind: "obligation_confirmation",
      message: message.slice(0, 500),
      createdAt: ctx.now,
    })),
  });
  return confirmers.length;
}

/** Tells the proposer what became of the proposal. */
export async function notifyProposer(
  tx: Tx,
  ctx: ServiceContext,
  o: Subject,
  proposerId: string,
  kind: ProposalKind,
  outcome: "confirmed" | "rejected",
  reason?: string,
) {
  const what =
    outcome === "confirmed"
      ? `confirmed by ${ctx.viewer.name}`
      : `rejected by ${ctx.viewer.name}${reason ? `: "${reason}"` : ""}`;
  await tx.staffNotification.create({
    data: {
      userId: proposerId,
      incidentId: o.incidentId,
      kind: outcome === "confirmed" ? "obligation_confirmed" : "obligation_rejected",
      message: `${o.incident.reference} ${o.citation}: ${PROPOSAL_LABEL[kind]} ${what}`.slice(0, 500),
      createdAt: ctx.now,
    },
  });
}
