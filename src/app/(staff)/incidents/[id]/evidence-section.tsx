import { formatInstant, toDateTimeInput } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { CustodyForm, EvidenceForm } from "./record-forms";
import { LazyDetails } from "@/components/ui/lazy-details";

/** Evidence items with their hash and chain of custody. */
export function EvidenceSection({
  incident,
  timeZone,
  mayUpdate,
  now,
}: {
  incident: IncidentDetail["incident"];
  timeZone: string;
  mayUpdate: boolean;
  now: Date;
}) {
  return (
    <PageSection id="evidence" title="Evidence">
      {incident.evidence.length ? (
        <ul className="mb-4 space-y-4">
          {incident.evidence.map((ev) => (
            <li key={ev.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="break-words font-medium">{ev.description}</p>
              <p className="break-words text-slate-600">
                Kept at {ev.location} · collected by {ev.collectedBy.name}, {formatInstant(ev.collectedAt, timeZone)}
              </p>
              <p className="break-all font-mono text-xs text-slate-600">SHA-256 {ev.sha256}</p>
              <h3 className="term mt-2">Chain of custody</h3>
              <ol className="text-xs">
                {ev.custody.map((c) => (
                  <li key={c.id}>
                    {formatInstant(c.at, timeZone)} — {c.action.toLowerCase()} by {c.actor.name}
                    {c.note ? `: ${c.note}` : ""}
                  </li>
                ))}
              </ol>
              {mayUpdate && ev.custody.at(-1)?.action !== "DISPOSED" ? (
                <CustodyForm incidentId={incident.id} evidenceId={ev.id} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-slate-600">No evidence recorded yet.</p>
      )}
      {mayUpdate ? (
        <LazyDetails summary="Record evidence">
          <EvidenceForm incidentId={incident.id} timeZone={timeZone} now={toDateTimeInput(now, timeZone)} />
        </LazyDetails>
      ) : null}
    </PageSection>
  );
}
