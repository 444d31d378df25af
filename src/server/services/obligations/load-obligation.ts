import "server-only";
import type { Tx } from "../../db";
import { incidentWhere } from "../../data/scope";
import { fail } from "../result";
import type { ServiceContext } from "../context";

/** The obligation if its incident is in the viewer's scope; "not found" otherwise. */
export async function loadObligation(tx: Tx, ctx: ServiceContext, obligationId: string) {
  const obligation = await tx.obligation.findFirst({
    where: { id: obligationId, incident: incidentWhere(ctx.viewer) },
    include: { incident: true },
  });
  if (!obligation) fail("NOT_FOUND", "No such obligation, or it is not one of your clients'.");
  return obligation;
}
