import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, diff, loadIncident, writeIncident } from "./common";
import { syncObligations } from "../obligations/sync-obligations";
import { tickKnownChecklist } from "./tick-known-checklist";
import { can } from "@/domain/access/can";
import type { UpdateFactsInput } from "@/lib/validation/incident";

/** Edits what is known: title, summary, the three moments, and the affected data. */
export async function updateIncidentFacts(ctx: ServiceContext, input: UpdateFactsInput): Promise<Result<{ version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      if (incident.phase === "CLOSED") fail("REFUSED", "A closed incident cannot be edited; a manager can reopen it.");
      const { incidentId: _id, version, ...facts } = input;
      const after = { ...facts, dataSubjectsCount: facts.dataSubjectsCount ?? null, recordsCount: facts.recordsCount ?? null };
      const changes = diff(incident as unknown as Record<string, unknown>, after);
      if (Object.keys(changes).length === 0) return { version: incident.version };
      await writeIncident(tx, ctx, incident.id, version, after);
      await auditIncident(tx, ctx, incident, "incident.update_facts", changes as never);
      const updated = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
      await tickKnownChecklist(tx, ctx, updated);
      await syncObligations(tx, ctx, updated, `facts changed: ${Object.keys(changes).join(", ")}`);
      return { version: version + 1 };
    }),
  );
}
