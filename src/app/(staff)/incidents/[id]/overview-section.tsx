import { DATA_CATEGORY_LABEL, type DataCategory } from "@/domain/incident/types";
import { jurisdictionName } from "@/domain/incident/jurisdictions";
import { formatInstant, toDateTimeInput } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { FactsForm } from "./facts-form";
import { AssetForm } from "./record-forms";
import { LazyDetails } from "@/components/ui/lazy-details";

const term = "term";

/** What happened, both descriptions, the data and systems affected; editable while open. */
export function OverviewSection({
  incident,
  timeZone: tz,
  editable,
}: {
  incident: IncidentDetail["incident"];
  timeZone: string;
  editable: boolean;
}) {
  return (
    <PageSection id="overview" title="Overview">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className={term}>Occurred</dt>
          <dd>{formatInstant(incident.occurredAt, tz)}</dd>
        </div>
        <div>
          <dt className={term}>Detected</dt>
          <dd>{formatInstant(incident.detectedAt, tz)}</dd>
        </div>
        <div>
          <dt className={term}>We became aware</dt>
          <dd className="font-medium">{formatInstant(incident.awareAt, tz)}</dd>
        </div>
        <div>
          <dt className={term}>Reported by</dt>
          <dd>{incident.reporter.name}</dd>
        </div>
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 sm:col-span-2">
          <dt className={term}>Internal description (staff only)</dt>
          <dd className="mt-1 whitespace-pre-wrap break-words">{incident.summary}</dd>
        </div>
        <div className="rounded-md border border-brand-100 bg-brand-50 p-3 sm:col-span-2">
          <dt className={term}>Client-facing description (goes into notices)</dt>
          <dd className="mt-1 whitespace-pre-wrap break-words">
            {incident.clientSummary || (
              <span className="text-amber-800">Not written yet: notices to the client need it.</span>
            )}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className={term}>Data affected</dt>
          <dd>
            {incident.dataCategories.length
              ? incident.dataCategories.map((c) => DATA_CATEGORY_LABEL[c as DataCategory]).join(", ")
              : "Not recorded yet"}
          </dd>
        </div>
        <div>
          <dt className={term}>Data subjects (estimate)</dt>
          <dd>{incident.dataSubjectsCount?.toLocaleString("en-US") ?? "Unknown"}</dd>
        </div>
        <div>
          <dt className={term}>Records (estimate)</dt>
          <dd>{incident.recordsCount?.toLocaleString("en-US") ?? "Unknown"}</dd>
        </div>
        <div>
          <dt className={term}>Encrypted</dt>
          <dd>{incident.dataEncrypted === null ? "Not known yet" : incident.dataEncrypted ? "Yes" : "No"}</dd>
        </div>
        <div>
          <dt className={term}>Jurisdictions</dt>
          <dd>
            {incident.jurisdictions.length
              ? incident.jurisdictions.map(jurisdictionName).join(", ")
              : "Not recorded yet"}
          </dd>
        </div>
      </dl>
      {editable ? (
        <LazyDetails className="fold mt-4" summary="Edit facts and affected data">
          <div className="mt-3">
            <FactsForm
              incidentId={incident.id}
              version={incident.version}
              title={incident.title}
              summary={incident.summary}
              clientSummary={incident.clientSummary}
              timeZone={tz}
              values={{
                occurredAt: toDateTimeInput(incident.occurredAt, tz),
                detectedAt: toDateTimeInput(incident.detectedAt, tz),
                awareAt: toDateTimeInput(incident.awareAt, tz),
                dataCategories: incident.dataCategories,
                dataSubjectsCount: incident.dataSubjectsCount,
                recordsCount: incident.recordsCount,
                jurisdictions: incident.jurisdictions,
                dataEncrypted: incident.dataEncrypted === null ? "unknown" : incident.dataEncrypted ? "yes" : "no",
              }}
            />
          </div>
        </LazyDetails>
      ) : null}
      <h3 className="mt-5 text-sm font-semibold">Systems and assets</h3>
      {incident.assets.length ? (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {incident.assets.map((a) => (
            <li key={a.id}>
              {a.name}
              {a.kind ? ` (${a.kind})` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">None listed yet.</p>
      )}
      {editable ? (
        <LazyDetails className="fold mt-3" summary="Add an affected system">
          <AssetForm incidentId={incident.id} />
        </LazyDetails>
      ) : null}
    </PageSection>
  );
}
