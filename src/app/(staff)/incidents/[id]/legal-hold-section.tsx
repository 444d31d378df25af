import { PageSection } from "./page-section";
import { LegalHoldForm } from "@/components/ui/legal-hold-form";
import { formatInstant } from "@/lib/datetime";
import type { IncidentRetention } from "@/server/data/retention";

type Live = Extract<IncidentRetention, { erased: null }>;

/** Retention and legal hold, for those who set and lift holds: when the incident would be erased, and what keeps it. */
export function LegalHoldSection({ retention, timeZone }: { retention: Live; timeZone: string }) {
  const { incidentHold, clientHold, dueAt, retentionYears } = retention;
  return (
    <PageSection id="legal-hold" title="Retention and legal hold">
      <p className="mb-2 text-sm text-slate-700">
        {dueAt ? (
          <>
            Kept {retentionYears} year{retentionYears === 1 ? "" : "s"} after closing: its content is erased from{" "}
            {formatInstant(dueAt, timeZone)}
            {incidentHold || clientHold ? ", unless a hold still stands then" : ""}.
          </>
        ) : (
          <>
            Once closed, it is kept {retentionYears} year{retentionYears === 1 ? "" : "s"} under its client&apos;s
            contract, then erased.
          </>
        )}
      </p>
      {clientHold ? (
        <p className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {retention.clientName} is on legal hold since {formatInstant(clientHold.at, timeZone)} (set by {clientHold.by}
          ): {clientHold.reason}. It is lifted on the client&apos;s page in Administration.
        </p>
      ) : null}
      {incidentHold ? (
        <p className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          On legal hold since {formatInstant(incidentHold.at, timeZone)} (set by {incidentHold.by}):{" "}
          {incidentHold.reason}
        </p>
      ) : null}
      <LegalHoldForm target="incident" id={retention.id} name={retention.reference} held={!!incidentHold} />
    </PageSection>
  );
}
