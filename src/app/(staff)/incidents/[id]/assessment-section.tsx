import { formatInstant, toDateTimeInput } from "@/lib/datetime";
import { riskLabel } from "@/lib/assessment-options";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { LazyDetails } from "@/components/ui/lazy-details";
import { PageSection } from "./page-section";
import { AssessmentForm } from "./obligation-forms";

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
const determined = (v: boolean | null) => (v === null ? "not yet determined" : v ? "yes" : "no");

/**
 * The risk and regime determinations that decide which notices are owed and from when: what was
 * determined, and (for those who may change the incident) the form to change it, folded.
 */
export function AssessmentSection({
  incident,
  regimes,
  timeZone: tz,
  editable,
}: {
  incident: IncidentDetail["incident"];
  regimes: readonly string[];
  timeZone: string;
  editable: boolean;
}) {
  const flags = {
    nis2: regimes.includes("NIS2 entity"),
    dora: regimes.includes("DORA financial entity"),
    sec: regimes.includes("SEC registrant"),
  };
  const subjects = Object.entries((incident.subjectsByJurisdiction as Record<string, number> | null) ?? {});
  const at = (d: Date | null) => (d ? `, ${formatInstant(d, tz)}` : "");
  const assessed = incident.risk !== "UNASSESSED";
  return (
    <PageSection id="assessment" title="Assessment" intro="Decides which notices are owed and when their clocks start.">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="term">Risk to the people affected</dt>
          <dd className={assessed ? undefined : "text-amber-800"}>
            {riskLabel(incident.risk)}
            {assessed ? at(incident.riskAssessedAt) : ""}
          </dd>
        </div>
        {flags.nis2 ? (
          <div>
            <dt className="term">Significant under NIS2</dt>
            <dd>{determined(incident.nis2Significant)}</dd>
          </div>
        ) : null}
        {flags.dora ? (
          <div>
            <dt className="term">Major under DORA</dt>
            <dd>
              {determined(incident.doraMajor)}
              {incident.doraMajor === null ? "" : at(incident.doraClassifiedAt)}
            </dd>
          </div>
        ) : null}
        {flags.sec ? (
          <div>
            <dt className="term">Material (SEC 8-K)</dt>
            <dd>
              {determined(incident.secMaterial)}
              {incident.secMaterial === null ? "" : at(incident.secDeterminedAt)}
            </dd>
          </div>
        ) : null}
        {subjects.length ? (
          <div className="sm:col-span-2">
            <dt className="term">Data subjects per jurisdiction</dt>
            <dd>{subjects.map(([k, v]) => `${k}: ${v}`).join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      {editable ? (
        <LazyDetails className="fold mt-3" summary={assessed ? "Change the assessment" : "Assess the risk"}>
          <AssessmentForm
            incidentId={incident.id}
            version={incident.version}
            timeZone={tz}
            flags={flags}
            values={{
              risk: incident.risk,
              riskAssessedAt: toDateTimeInput(incident.riskAssessedAt, tz),
              nis2Significant: yesNo(incident.nis2Significant),
              doraMajor: yesNo(incident.doraMajor),
              doraClassifiedAt: toDateTimeInput(incident.doraClassifiedAt, tz),
              secMaterial: yesNo(incident.secMaterial),
              secDeterminedAt: toDateTimeInput(incident.secDeterminedAt, tz),
              subjectsByJurisdiction: subjects.map(([k, v]) => `${k}: ${v}`).join("\n"),
            }}
          />
        </LazyDetails>
      ) : null}
    </PageSection>
  );
}
