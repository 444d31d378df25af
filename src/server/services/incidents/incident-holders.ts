import "server-only";
import type { Tx } from "../../db";
import type { Prisma } from "@/generated/prisma/client";

export type Holder = { id: string; email: string; name: string };

/**
 * Who holds an incident's client now: an active person of the organization who is a manager or
 * administrator, or an analyst still assigned to the client. Someone who was removed from the
 * client, or deactivated, no longer hears of its incidents.
 */
function holdsClient(organizationId: string, clientId: string): Prisma.UserWhereInput {
  return {
    organizationId,
    active: true,
    OR: [{ role: { in: ["ADMIN", "MANAGER"] } }, { role: "ANALYST", assignments: { some: { clientId } } }],
  };
}

const PERSON = { id: true, email: true, name: true } as const;

/**
 * The people a reminder or a client question about an incident reaches: its owner (or, with
 * none, its reporter) while they still hold the client; otherwise the analysts currently
 * assigned to the client, or with none of those the organization's managers, so nothing goes
 * unheard. `managers` adds every active manager (overdue escalations).
 */
export async function incidentHolders(
  tx: Tx,
  incident: { organizationId: string; clientId: string; ownerId: string | null; reporterId: string },
  opts: { managers?: boolean } = {},
): Promise<Holder[]> {
  const { organizationId, clientId } = incident;
  const responsible = incident.ownerId ?? incident.reporterId;
  let people = await tx.user.findMany({
    where: { AND: [{ id: responsible }, holdsClient(organizationId, clientId)] },
    select: PERSON,
  });
  if (people.length === 0) {
    people = await tx.user.findMany({
      where: { organizationId, active: true, role: "ANALYST", assignments: { some: { clientId } } },
      select: PERSON,
      orderBy: { name: "asc" },
    });
  }
  const managers =
    opts.managers || people.length === 0
      ? await tx.user.findMany({
          where: { organizationId, active: true, role: "MANAGER" },
          select: PERSON,
          orderBy: { name: "asc" },
        })
      : [];
  const byId = new Map([...people, ...managers].map((p) => [p.id, p]));
  return [...byId.values()];
}
