import "server-only";
import { db } from "../db";
import type { EventNames } from "@/domain/timeline/describe-event";

/**
 * The names an incident's audit events refer to by id, for describeEvent: its obligations (and
 * the rules behind them), the recipients of its notices, the people made owner, and who proposed
 * a decision that another confirmed. Called with
 * an incident the viewer may already see.
 */
export async function incidentEventNames(
  organizationId: string,
  incidentId: string,
  events: ReadonlyArray<{ changes: unknown }>,
): Promise<EventNames> {
  const personIds = new Set<string>();
  for (const e of events) {
    const owner = (e.changes as { ownerId?: unknown } | null)?.ownerId;
    const after = owner && typeof owner === "object" ? (owner as { after?: unknown }).after : owner;
    if (typeof after === "string") personIds.add(after);
    // decisions confirmed by a second person name who proposed them
    const proposer = (e.changes as { proposedBy?: unknown } | null)?.proposedBy;
    if (typeof proposer === "string") personIds.add(proposer);
  }
  const [obligations, people] = await Promise.all([
    db().obligation.findMany({
      where: { incidentId },
      select: { id: true, ruleId: true, citation: true, recipient: true, notices: { select: { id: true } } },
    }),
    personIds.size
      ? db().user.findMany({ where: { organizationId, id: { in: [...personIds] } }, select: { id: true, name: true } })
      : [],
  ]);
  return {
    people: Object.fromEntries(people.map((p) => [p.id, p.name])),
    obligations: Object.fromEntries(obligations.map((o) => [o.id, o.citation])),
    rules: Object.fromEntries(obligations.map((o) => [o.ruleId, o.citation])),
    notices: Object.fromEntries(obligations.flatMap((o) => o.notices.map((n) => [n.id, { recipient: o.recipient }]))),
  };
}
