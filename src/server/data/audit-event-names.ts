import "server-only";
import { db } from "../db";
import { userWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import type { EventNames } from "@/domain/timeline/describe-event";

type NamedEvent = { entityType: string; entityId: string | null; incidentId: string | null; changes: unknown };

/**
 * The names a page of the organization's audit events refers to by id, for describeEvent (like
 * incidentEventNames, across the incidents on the page): people made owners or acted upon, the
 * incidents' obligations, the rules behind them and the recipients of their notices.
 */
export async function auditEventNames(viewer: Viewer, events: readonly NamedEvent[]): Promise<EventNames> {
  const personIds = new Set<string>();
  const incidentIds = new Set<string>();
  for (const e of events) {
    if (e.incidentId) incidentIds.add(e.incidentId);
    if (e.entityType === "User" && e.entityId) personIds.add(e.entityId);
    const owner = (e.changes as { ownerId?: unknown } | null)?.ownerId;
    const after = owner && typeof owner === "object" ? (owner as { after?: unknown }).after : owner;
    if (typeof after === "string") personIds.add(after);
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const people = [...personIds].filter((id) => uuid.test(id));
  const [obligations, users] = await Promise.all([
    incidentIds.size
      ? db().obligation.findMany({
          // the incidents of events the viewer was just shown (read through auditEventScopeSql):
          // by their ids alone, an index lookup (a relation filter here costs a join per page)
          where: { incidentId: { in: [...incidentIds] } },
          select: { id: true, ruleId: true, citation: true, recipient: true, notices: { select: { id: true } } },
        })
      : [],
    people.length
      ? db().user.findMany({ where: userWhere(viewer, { id: { in: people } }), select: { id: true, name: true } })
      : [],
  ]);
  return {
    people: Object.fromEntries(users.map((p) => [p.id, p.name])),
    obligations: Object.fromEntries(obligations.map((o) => [o.id, o.citation])),
    rules: Object.fromEntries(obligations.map((o) => [o.ruleId, o.citation])),
    notices: Object.fromEntries(obligations.flatMap((o) => o.notices.map((n) => [n.id, { recipient: o.recipient }]))),
  };
}
