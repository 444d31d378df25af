import "server-only";
import { db } from "../../db";
import { writeCipher } from "../../crypto/incident-keys";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, diff, loadIncident, writeIncident } from "./common";
import { syncObligations } from "../obligations/sync-obligations";
import { tickKnownChecklist } from "./tick-known-checklist";
import { can } from "@/domain/access/can";
import { factsCountProblems } from "@/domain/incident/subject-counts";
import type { UpdateFactsInput } from "@/lib/validation/incident";

/** Edits what is known: title, summary, the three moments, and the affected data. */
export async function updateIncidentFacts(
  ctx: ServiceContext,
  input: UpdateFactsInput,
): Promise<Result<{ version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      if (incident.phase === "CLOSED") fail("REFUSED", "A closed incident cannot be edited; a manager can reopen it.");
      const { incidentId: _id, version, ...facts } = input;
      const after = {
        ...facts,
        dataSubjectsCount: facts.dataSubjectsCount ?? null,
        recordsCount: facts.recordsCount ?? null,
      };
      // the total and the places must still agree with the people counted per jurisdiction
      const countErrors = factsCountProblems({
        dataSubjectsCount: after.dataSubjectsCount,
        jurisdictions: after.jurisdictions,
        subjectsByJurisdiction: incident.subjectsByJurisdiction as Record<string, number> | null,
      });
      if (Object.keys(countErrors).length)
        fail("VALIDATION_FAILED", "Check the highlighted fields.", { fieldErrors: countErrors });
      const cipher = await writeCipher(tx, incident);
      const before = {
        ...incident,
        summary: cipher.open("incident.summary", incident.summary),
        clientSummary: cipher.open("incident.clientSummary", incident.clientSummary),
      };
      const changes = diff(before as unknown as Record<string, unknown>, after);
      if (Object.keys(changes).length === 0) return { version: incident.version };
      await writeIncident(tx, ctx, incident.id, version, {
        ...after,
        summary: cipher.seal("incident.summary", after.summary),
        clientSummary: cipher.seal("incident.clientSummary", after.clientSummary),
      });
      await auditIncident(tx, ctx, incident, "incident.update_facts", changes as never);
      const updated = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
      await tickKnownChecklist(tx, ctx, updated);
      await syncObligations(tx, ctx, updated, `facts changed: ${Object.keys(changes).join(", ")}`);
      return { version: version + 1 };
    }),
  );
}
