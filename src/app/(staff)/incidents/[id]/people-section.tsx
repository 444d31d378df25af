import { formatInstant } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { OwnerForm } from "./record-forms";

type Option = { value: string; label: string };

/** Who owns the incident, and who changed it last. */
export function PeopleSection({
  incident,
  staff,
  editable,
  timeZone,
}: {
  incident: IncidentDetail["incident"];
  staff: Option[];
  editable: boolean;
  timeZone: string;
}) {
  return (
    <PageSection id="people" title="People">
      {editable ? (
        <OwnerForm
          incidentId={incident.id}
          version={incident.version}
          ownerId={incident.owner?.id ?? null}
          staff={staff}
        />
      ) : (
        <p className="text-sm">Owner: {incident.owner?.name ?? "Unassigned"}</p>
      )}
      <p className="mt-3 text-xs text-slate-500">
        Last change by {incident.updatedBy.name}, {formatInstant(incident.updatedAt, timeZone)} (version{" "}
        {incident.version}).
      </p>
    </PageSection>
  );
}
