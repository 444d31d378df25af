import { toDateTimeInput } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { AssessmentForm } from "./obligation-forms";

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

/** The risk and regime determinations that decide which notices are owed and from when. */
export function AssessmentSection({
  incident,
  regimes,
  timeZone: tz,
}: {
  incident: IncidentDetail["incident"];
  regimes: readonly string[];
  timeZone: string;
}) {
  return (
    <PageSection id="assessment" title="Assessment" intro="Decides which notices are owed and when their clocks start.">
      <AssessmentForm
        incidentId={incident.id}
        version={incident.version}
        timeZone={tz}
        flags={{
          nis2: regimes.includes("NIS2 entity"),
          dora: regimes.includes("DORA financial entity"),
          sec: regimes.includes("SEC registrant"),
        }}
        values={{
          risk: incident.risk,
          riskAssessedAt: toDateTimeInput(incident.riskAssessedAt, tz),
          nis2Significant: yesNo(incident.nis2Significant),
          doraMajor: yesNo(incident.doraMajor),
          doraClassifiedAt: toDateTimeInput(incident.doraClassifiedAt, tz),
          secMaterial: yesNo(incident.secMaterial),
          secDeterminedAt: toDateTimeInput(incident.secDeterminedAt, tz),
          subjectsByJurisdiction: Object.entries(
            (incident.subjectsByJurisdiction as Record<string, number> | null) ?? {},
          )
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n"),
        }}
      />
    </PageSection>
  );
}
