import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { clientWhere } from "../../data/scope";
import { attempt, fail, NOT_FOUND_MESSAGE, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { auditIncident, loadIncident } from "../incidents/common";
import { can } from "@/domain/access/can";
import { formatInstant } from "@/lib/datetime";
import type { ClientLegalHoldInput, IncidentLegalHoldInput } from "@/lib/validation/legal-hold";

// A legal hold keeps an incident (or every incident of a client) from erasure while it stands.
// Only managers and administrators set or lift one; anyone else is answered like a missing id,
// as the action already does, so a service called from elsewhere refuses the same way.

type Hold = { legalHoldAt: Date | null; legalHoldReason: string | null };
type HoldData = { legalHoldAt: Date | null; legalHoldById: string | null; legalHoldReason: string | null };

/** The columns to write, and what the audit entry of a lift records: since when the hold stood. */
function decide(
  ctx: ServiceContext,
  before: Hold,
  mode: "set" | "lift",
  what: string,
): { data: HoldData; lifted: { heldSince?: string } } {
  if (mode === "set") {
    if (before.legalHoldAt) {
      fail(
        "CONFLICT",
        `${what} has been on legal hold since ${formatInstant(before.legalHoldAt, ctx.viewer.timeZone)}; lift that hold first to change its reason.`,
      );
    }
    return { data: { legalHoldAt: ctx.now, legalHoldById: ctx.viewer.userId, legalHoldReason: null }, lifted: {} };
  }
  if (!before.legalHoldAt) fail("CONFLICT", `${what} is not on legal hold.`);
  return {
    data: { legalHoldAt: null, legalHoldById: null, legalHoldReason: null },
    lifted: { heldSince: before.legalHoldAt.toISOString() },
  };
}

export async function setIncidentLegalHold(
  ctx: ServiceContext,
  input: IncidentLegalHoldInput,
): Promise<Result<{ held: boolean }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "legalhold:manage")) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
      // under the row lock: an erasure deciding at the same moment sees the hold, or has erased first
      const incident = await loadIncident(tx, ctx, input.incidentId, { lock: true });
      const { data, lifted } = decide(ctx, incident, input.mode, incident.reference);
      if (input.mode === "set") data.legalHoldReason = input.reason;
      await tx.incident.update({ where: { id: incident.id }, data });
      await auditIncident(
        tx,
        ctx,
        incident,
        input.mode === "set" ? "incident.legal_hold_set" : "incident.legal_hold_lifted",
        { reason: input.reason, ...lifted },
      );
      return { held: input.mode === "set" };
    }),
  );
}

export async function setClientLegalHold(
  ctx: ServiceContext,
  input: ClientLegalHoldInput,
): Promise<Result<{ held: boolean }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "legalhold:manage")) fail("NOT_FOUND", "No such client in your organization.");
      const client = await tx.client.findFirst({ where: clientWhere(ctx.viewer, { id: input.clientId }) });
      if (!client) fail("NOT_FOUND", "No such client in your organization.");
      const { data, lifted } = decide(ctx, client, input.mode, client.name);
      if (input.mode === "set") data.legalHoldReason = input.reason;
      // an update guarded by the hold read: two people setting one at once, the second is refused
      const { count } = await tx.client.updateMany({ where: { id: client.id, legalHoldAt: client.legalHoldAt }, data });
      if (count !== 1) fail("CONFLICT", "Someone changed this client's hold a moment ago. Reload the page to see it.");
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: input.mode === "set" ? "client.legal_hold_set" : "client.legal_hold_lifted",
        entityType: "Client",
        entityId: client.id,
        changes: { reason: input.reason, ...lifted },
      });
      return { held: input.mode === "set" };
    }),
  );
}
