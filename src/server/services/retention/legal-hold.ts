import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { clientWhere } from "../../data/scope";
import { attempt, fail, NOT_FOUND_MESSAGE, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { auditIncident, loadIncident, lockIncident } from "../incidents/common";
import { can } from "@/domain/access/can";
import { formatInstant } from "@/lib/datetime";
import type { ClientLegalHoldInput, IncidentLegalHoldInput } from "@/lib/validation/legal-hold";

// A legal hold keeps an incident (or every incident of a client) from erasure while it stands.
// Only managers and administrators set or lift one; anyone else is answered like a missing id,
// as the action already does, so a service called from elsewhere refuses the same way.

type Hold = { legalHoldAt: Date | null; legalHoldReason: string | null };

function decide(ctx: ServiceContext, before: Hold, mode: "set" | "lift", what: string) {
  if (mode === "set" && before.legalHoldAt) {
    fail("CONFLICT", `${what} has been on legal hold since ${formatInstant(before.legalHoldAt, ctx.viewer.timeZone)}; lift that hold first to change its reason.`);
  }
  if (mode === "lift" && !before.legalHoldAt) fail("CONFLICT", `${what} is not on legal hold.`);
  return mode === "set"
    ? { legalHoldAt: ctx.now, legalHoldById: ctx.viewer.userId, legalHoldReason: null as string | null }
    : { legalHoldAt: null, legalHoldById: null, legalHoldReason: null as string | null };
}

export async function setIncidentLegalHold(ctx: ServiceContext, input: IncidentLegalHoldInput): Promise<Result<{ held: boolean }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "legalhold:manage")) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
      // under the row lock: an erasure deciding at the same moment sees the hold, or has erased first
      await lockIncident(tx, input.incidentId);
      const incident = await loadIncident(tx, ctx, input.incidentId);
      const data = decide(ctx, incident, input.mode, incident.reference);
      if (input.mode === "set") data.legalHoldReason = input.reason;
      await tx.incident.update({ where: { id: incident.id }, data });
      const lifted = input.mode === "lift" ? { heldSince: incident.legalHoldAt!.toISOString() } : {};
      await auditIncident(tx, ctx, incident, input.mode === "set" ? "incident.legal_hold_set" : "incident.legal_hold_lifted", { reason: input.reason, ...lifted });
      return { held: input.mode === "set" };
    }),
  );
}

export async function setClientLegalHold(ctx: ServiceContext, input: ClientLegalHoldInput): Promise<Result<{ held: boolean }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "legalhold:manage")) fail("NOT_FOUND", "No such client in your organization.");
      const client = await tx.client.findFirst({ where: clientWhere(ctx.viewer, { id: input.clientId }) });
      if (!client) fail("NOT_FOUND", "No such client in your organization.");
      const data = decide(ctx, client, input.mode, client.name);
      if (input.mode === "set") data.legalHoldReason = input.reason;
      // an update guarded by the hold read: two people setting one at once, the second is refused
      const { count } = await tx.client.updateMany({ where: { id: client.id, legalHoldAt: client.legalHoldAt }, data });
      if (count !== 1) fail("CONFLICT", "Someone changed this client's hold a moment ago. Reload the page to see it.");
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: input.mode === "set" ? "client.legal_hold_set" : "client.legal_hold_lifted",
        entityType: "Client",
        entityId: client.id,
        changes: { reason: input.reason, ...(input.mode === "lift" ? { heldSince: client.legalHoldAt!.toISOString() } : {}) },
      });
      return { held: input.mode === "set" };
    }),
  );
}
