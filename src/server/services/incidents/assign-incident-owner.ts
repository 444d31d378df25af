import "server-only";
import { db, type Tx } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { assertAssignable, auditIncident, loadIncident, writeIncident } from "./common";
import { can } from "@/domain/access/can";

/** Managers assign anyone who works for the client; analysts may take an incident themselves. */
export async function assignIncidentOwner(
  ctx: ServiceContext,
  input: { incidentId: string; version: number; ownerId?: string | null },
): Promise<Result<{ version: number }>> {
  return attempt(() => db().$transaction((tx) => assignIncidentOwnerIn(tx, ctx, input)));
}

/** assignIncidentOwner's work inside the caller's transaction (an automation rule's assignment). */
export async function assignIncidentOwnerIn(
  tx: Tx,
  ctx: ServiceContext,
  input: { incidentId: string; version: number; ownerId?: string | null },
): Promise<{ version: number }> {
  const incident = await loadIncident(tx, ctx, input.incidentId);
  const ownerId = input.ownerId ?? null;
  const selfAssign = ownerId === ctx.viewer.userId && can(ctx.viewer, "incident:update", incident);
  if (!selfAssign && !can(ctx.viewer, "incident:assign", incident))
    fail("REFUSED", "Only a manager may assign this incident to someone else.");
  if (incident.phase === "CLOSED") fail("REFUSED", "A closed incident cannot be reassigned.");
  if (ownerId) await assertAssignable(tx, ctx, ownerId, incident.clientId, "ownerId");
  if (ownerId === incident.ownerId) return { version: incident.version };
  await writeIncident(tx, ctx, incident.id, input.version, { ownerId });
  await auditIncident(tx, ctx, incident, "incident.assign", {
    ownerId: { before: incident.ownerId, after: ownerId },
  });
  return { version: input.version + 1 };
}
