import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, diff, loadIncident, writeIncident } from "./common";
import { syncObligations } from "../obligations/sync-obligations";
import { can } from "@/domain/access/can";
import { subjectCountProblems } from "@/domain/incident/subject-counts";
import type { AssessmentInput } from "@/lib/validation/notice";
import { Prisma } from "@/generated/prisma/client";

/** Records the determinations that decide which notices are owed, then recomputes them. */
export async function updateAssessment(
  ctx: ServiceContext,
  input: AssessmentInput,
): Promise<Result<{ version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      if (incident.phase === "CLOSED") fail("REFUSED", "A closed incident cannot be edited; a manager can reopen it.");
      // unknown places, places not among the incident's, counts above the recorded total
      const countErrors = subjectCountProblems({
        dataSubjectsCount: incident.dataSubjectsCount,
        jurisdictions: incident.jurisdictions,
        subjectsByJurisdiction: input.subjectsByJurisdiction,
      });
      if (countErrors.subjectsByJurisdiction)
        fail("VALIDATION_FAILED", "Check the highlighted field.", { fieldErrors: countErrors });
      for (const [key, at] of [
        ["riskAssessedAt", input.riskAssessedAt],
        ["doraClassifiedAt", input.doraClassifiedAt],
        ["secDeterminedAt", input.secDeterminedAt],
      ] as const) {
        if (at && at.getTime() > ctx.now.getTime() + 5 * 60_000)
          fail("VALIDATION_FAILED", "Check the highlighted field.", {
            fieldErrors: { [key]: ["This is in the future."] },
          });
        if (at && at < incident.awareAt)
          fail("VALIDATION_FAILED", "Check the highlighted field.", {
            fieldErrors: { [key]: ["This cannot be before we became aware."] },
          });
      }
      const { incidentId: _id, version, ...given } = input;
      // A determination recorded without its time is taken as made now (the clocks need one).
      const after = {
        ...given,
        riskAssessedAt:
          given.risk === "UNASSESSED" ? null : (given.riskAssessedAt ?? incident.riskAssessedAt ?? ctx.now),
        doraClassifiedAt: given.doraMajor
          ? (given.doraClassifiedAt ?? incident.doraClassifiedAt ?? ctx.now)
          : given.doraClassifiedAt,
        secDeterminedAt: given.secMaterial
          ? (given.secDeterminedAt ?? incident.secDeterminedAt ?? ctx.now)
          : given.secDeterminedAt,
      };
      const changes = diff(incident as unknown as Record<string, unknown>, after);
      if (!Object.keys(changes).length) return { version: incident.version };
      await writeIncident(tx, ctx, incident.id, version, {
        ...after,
        subjectsByJurisdiction: after.subjectsByJurisdiction ?? Prisma.DbNull,
      });
      await auditIncident(tx, ctx, incident, "incident.assess", changes as never);
      const updated = await tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
      await syncObligations(tx, ctx, updated, `assessment changed: ${Object.keys(changes).join(", ")}`);
      return { version: version + 1 };
    }),
  );
}
