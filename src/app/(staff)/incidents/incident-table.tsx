"use client";

import Link from "next/link";
import { Badge, SEVERITY_TONE } from "@/components/ui/badge";

/** One list row, every cell already worded by the server (times in the viewer's zone). */
export type IncidentTableRow = {
  id: string;
  reference: string;
  title: string;
  clientName: string;
  type: string;
  severity: string;
  severityLabel: string;
  phase: string;
  owner: string;
  awareAt: string;
};

/**
 * The incident table. A client component on purpose: the server sends the rows once, as data,
 * instead of as a component tree beside the HTML; the list is the busiest page and this halves
 * what its rows cost to render and to send. The markup is plain and the same on both sides.
 */
export function IncidentTable({ rows }: { rows: readonly IncidentTableRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="list-table">
        <caption className="sr-only">Incidents</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Title</th>
            <th scope="col">Client</th>
            <th scope="col">Type</th>
            <th scope="col">Severity</th>
            <th scope="col">Phase</th>
            <th scope="col">Owner</th>
            <th scope="col">Aware since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="ref">
                <Link href={`/incidents/${r.id}`} prefetch={false}>{r.reference}</Link>
              </td>
              <td>{r.title}</td>
              <td>{r.clientName}</td>
              <td>{r.type}</td>
              <td><Badge tone={SEVERITY_TONE[r.severity]}>{r.severityLabel}</Badge></td>
              <td>{r.phase}</td>
              <td>{r.owner}</td>
              <td className="nowrap">{r.awareAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
