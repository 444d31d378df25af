import { Badge, SEVERITY_TONE } from "@/components/ui/badge";
import { DATA_CATEGORY_LABEL, SEVERITY_LABEL, TYPE_LABEL } from "@/domain/incident/types";
import { formatInstant } from "@/lib/datetime";
import type { AlertForTriage } from "@/server/data/alerts";

/** What the source said, as posted (the raw payload stays sealed; these are its mapped facts). */
export function AlertFacts({ alert, timeZone }: { alert: AlertForTriage["alert"]; timeZone: string }) {
  const at = (d: Date) => formatInstant(d, timeZone);
  const rows: Array<[string, React.ReactNode]> = [
    [
      "Severity",
      <Badge key="s" tone={SEVERITY_TONE[alert.severity]}>
        {SEVERITY_LABEL[alert.severity]}
      </Badge>,
    ],
    ["Client", alert.clientName],
    ["Source", `${alert.source} (id ${alert.externalId})`],
    [
      "Type named by the source",
      alert.type ? TYPE_LABEL[alert.type] : "None: the promotion form starts from Warden's guess from the title",
    ],
    ["Observed", at(alert.observedAt)],
    ["Received", at(alert.receivedAt)],
    ["Seen", alert.count > 1 ? `${alert.count} times, last ${at(alert.lastSeenAt)}` : "once"],
    ["Data categories", alert.dataCategories.map((c) => DATA_CATEGORY_LABEL[c]).join(", ") || "None named"],
    ["Systems", alert.assets.join(", ") || "None named"],
    ["Jurisdictions", alert.jurisdictions.join(", ") || "None named"],
  ];
  return (
    <section aria-labelledby="alert-facts" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="alert-facts" className="text-base font-semibold">
        What the alert says
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
