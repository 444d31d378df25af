import Link from "next/link";
import { Badge, SEVERITY_TONE } from "@/components/ui/badge";
import { SEVERITY_LABEL, type Severity } from "@/domain/incident/types";

export type AlertQueueTableRow = {
  id: string;
  title: string;
  source: string;
  clientName: string;
  severity: Severity;
  status: string;
  count: number;
  received: string;
  lastSeen: string | null;
  incident: { id: string; reference: string } | null;
};

const STATUS_LABEL: Record<string, string> = {
  NEW: "New",
  GROUPED: "Grouped",
  DISMISSED: "Dismissed",
  PROMOTED: "Promoted",
  MERGED: "Merged",
};

/** The queue: one link per alert (the title), so Tab moves from alert to alert in the queue's order. */
export function AlertQueueTable({ rows, caption }: { rows: readonly AlertQueueTableRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="list-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Alert</th>
            <th scope="col">Client</th>
            <th scope="col">Source</th>
            <th scope="col">Received</th>
            <th scope="col">Seen</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Badge tone={SEVERITY_TONE[r.severity]}>{SEVERITY_LABEL[r.severity]}</Badge>
              </td>
              <td>
                <Link
                  href={`/alerts/${r.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  {r.title}
                </Link>
              </td>
              <td>{r.clientName}</td>
              <td>{r.source}</td>
              <td className="whitespace-nowrap">{r.received}</td>
              <td className="whitespace-nowrap">
                {r.count > 1 ? (
                  <>
                    {r.count} times
                    <span className="block text-xs text-slate-500">last {r.lastSeen}</span>
                  </>
                ) : (
                  "once"
                )}
              </td>
              <td>
                {STATUS_LABEL[r.status] ?? r.status}
                {r.incident ? (
                  <>
                    {" → "}
                    <Link href={`/incidents/${r.incident.id}`} className="text-brand-700 underline">
                      {r.incident.reference}
                    </Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
