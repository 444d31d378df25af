import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getAlertForTriage } from "@/server/data/alerts";
import { parseId } from "@/lib/validation/ids";
import { formatInstant } from "@/lib/datetime";
import { AlertFacts } from "./alert-facts";
import { PromoteAlertForm } from "./promote-alert-form";
import { MergeAlertForm } from "./merge-alert-form";
import { DismissAlertForm } from "./dismiss-alert-form";

export const metadata: Metadata = { title: "Alert" };

const DECISION: Record<string, string> = { DISMISSED: "Dismissed", PROMOTED: "Promoted", MERGED: "Merged" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("alert:triage", `/alerts/${id}`);
  const found = parseId(id) ? await getAlertForTriage(viewer, id) : null;
  if (!found) notFound();
  const { alert, openIncidents, promotion } = found;
  const undecided = alert.status === "NEW" || alert.status === "GROUPED";

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/alerts" className="text-brand-700 underline">
          ← Alert queue
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{alert.title}</h1>
      <AlertFacts alert={alert} timeZone={viewer.timeZone} />
      {undecided ? (
        <>
          <PromoteAlertForm
            alertId={alert.id}
            clientId={alert.clientId}
            values={promotion}
            timeZone={viewer.timeZone}
          />
          <MergeAlertForm alertId={alert.id} incidents={openIncidents} />
          <DismissAlertForm alertId={alert.id} />
        </>
      ) : (
        <section aria-labelledby="decision" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="decision" className="text-base font-semibold">
            {DECISION[alert.status] ?? "Decided"}
          </h2>
          <p className="mt-1">
            By {alert.decidedBy ?? "someone"}
            {alert.decidedAt ? ` at ${formatInstant(alert.decidedAt, viewer.timeZone)}` : ""}.
            {alert.incident ? (
              <>
                {" "}
                See{" "}
                <Link href={`/incidents/${alert.incident.id}`} className="text-brand-700 underline">
                  {alert.incident.reference}
                </Link>
                .
              </>
            ) : null}
          </p>
          {alert.dismissedReason ? <p className="mt-1">Reason: {alert.dismissedReason}</p> : null}
        </section>
      )}
    </div>
  );
}
