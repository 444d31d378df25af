import { formatInstant } from "@/lib/datetime";
import type { IncidentOnCall } from "@/server/data/on-call";
import { OnCallLine } from "@/components/ui/on-call-line";
import { PageSection } from "./page-section";
import { AcknowledgePageButton } from "./acknowledge-page-button";

const LEVEL = ["the on-call analyst", "the secondary", "the managers"];

/** Who is on call for the incident's client now, and the incident's page: paged, escalated, acknowledged. */
export function OnCallSection({
  incidentId,
  onCall,
  mayAcknowledge,
  timeZone,
}: {
  incidentId: string;
  onCall: IncidentOnCall;
  mayAcknowledge: boolean;
  timeZone: string;
}) {
  const { page } = onCall;
  return (
    <PageSection id="on-call" title="On call">
      {onCall.onCall ? (
        <OnCallLine onCall={onCall.onCall} />
      ) : (
        <p className="text-sm text-slate-600">No on-call rota covers this client.</p>
      )}
      {page ? (
        <div className="mt-2 text-sm">
          {page.status === "ACKNOWLEDGED" ? (
            <p>
              Page acknowledged by {page.acknowledgedByName ?? "someone"}
              {page.acknowledgedAt ? `, ${formatInstant(page.acknowledgedAt, timeZone)}` : ""}.
            </p>
          ) : (
            <>
              <p className="font-medium text-red-800">
                Paged {LEVEL[page.level] ?? "the managers"}, {formatInstant(page.pagedAt, timeZone)}; not yet
                acknowledged.
                {page.escalateAt ? ` Escalates ${formatInstant(page.escalateAt, timeZone)}.` : ""}
              </p>
              {mayAcknowledge ? <AcknowledgePageButton incidentId={incidentId} /> : null}
            </>
          )}
        </div>
      ) : null}
    </PageSection>
  );
}
