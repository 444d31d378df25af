import "server-only";
import type { Tx } from "../db";
import type { PostMortemState } from "@/domain/incident/post-mortem";
import { SETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import { AWAITING_CONFIRMATION } from "@/domain/deadlines/obligation-proposal";

// What the exit gates of the lifecycle read about an incident: the incident page shows unmet
// conditions before anyone tries, and the transition service checks them again inside its
// transaction. Callers have already scoped the incident; `tx` may be the client or a transaction.

/**
 * Labels of the incident's obligations not yet settled: what keeps it in Report. A decision
 * proposed but not confirmed settles nothing yet; the label says it waits for a second person.
 */
export async function unsettledObligations(tx: Tx, incidentId: string): Promise<string[]> {
  const rows = await tx.obligation.findMany({
    where: { incidentId, active: true, status: { notIn: [...SETTLED_STATUSES] } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }],
    select: { citation: true, title: true, proposedAt: true },
  });
  return rows.map((r) => unsettledLabel(r.citation, r.title, r.proposedAt !== null));
}

/** How an unsettled obligation is named where it keeps the incident in Report (the incident page reads its own rows). */
export function unsettledLabel(citation: string, title: string, proposed: boolean): string {
  return `${citation} — ${title}${proposed ? ` (${AWAITING_CONFIRMATION.toLowerCase()})` : ""}`;
}

/** The review's state for the Post-mortem gate, or undefined when no review was started. */
export async function postMortemState(tx: Tx, incidentId: string): Promise<PostMortemState | undefined> {
  const [pm, items] = await Promise.all([
    tx.postMortem.findUnique({ where: { incidentId }, select: { completedAt: true } }),
    tx.actionItem.findMany({
      where: { incidentId },
      orderBy: { createdAt: "asc" },
      select: { title: true, ownerId: true },
    }),
  ]);
  if (!pm) return undefined;
  return {
    completed: pm.completedAt !== null,
    actionItems: items.map((i) => ({ title: i.title, assigned: i.ownerId !== null })),
  };
}
