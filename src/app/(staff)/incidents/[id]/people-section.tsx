import { formatInstant } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { OwnerForm } from "./record-forms";
import { LazyDetails } from "@/components/ui/lazy-details";

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
      <p className="text-sm">Owner: {incident.owner?.name ?? "Unassigned"}</p>
      {editable ? (
        // the header's "change" beside the owner links here, and opens it
        <LazyDetails id="reassign" className="fold mt-2" summary="Reassign">
          <OwnerForm
            incidentId={incident.id}
            version={incident.version}
            ownerId={incident.owner?.id ?? null}
            staff={staff}
          />
        </LazyDetails>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">
        Last change by {incident.updatedBy.name}, {formatInstant(incident.updatedAt, timeZone)} (version{" "}
        {incident.version}).
      </p>
    </PageSection>
  );
}
