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
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Incidents</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Reference</th>
            <th scope="col" className="px-4 py-2">Title</th>
            <th scope="col" className="px-4 py-2">Client</th>
            <th scope="col" className="px-4 py-2">Type</th>
            <th scope="col" className="px-4 py-2">Severity</th>
            <th scope="col" className="px-4 py-2">Phase</th>
            <th scope="col" className="px-4 py-2">Owner</th>
            <th scope="col" className="px-4 py-2">Aware since</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                <Link href={`/incidents/${r.id}`} prefetch={false} className="text-brand-700 underline">{r.reference}</Link>
              </td>
              <td className="px-4 py-2">{r.title}</td>
              <td className="px-4 py-2">{r.clientName}</td>
              <td className="px-4 py-2">{r.type}</td>
              <td className="px-4 py-2"><Badge tone={SEVERITY_TONE[r.severity]}>{r.severityLabel}</Badge></td>
              <td className="px-4 py-2">{r.phase}</td>
              <td className="px-4 py-2">{r.owner}</td>
              <td className="whitespace-nowrap px-4 py-2">{r.awareAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
