"use client";

import type { ClientSummary } from "@/server/data/clients";
import { SECTOR_LABEL, type Sector } from "@/domain/clients";

/** Clients with the contract notice term and the regimes their flags bring in. (A client component
 *  so the rows travel once, as data, like the incident table.) */
export function ClientTable({ clients, caption }: { clients: readonly ClientSummary[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 py-3 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Client</th>
            <th scope="col" className="px-4 py-2">Sector</th>
            <th scope="col" className="px-4 py-2">Time zone</th>
            <th scope="col" className="px-4 py-2">Contract notice</th>
            <th scope="col" className="px-4 py-2">Regimes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="px-4 py-2 text-left font-medium">{c.name}</th>
              <td className="px-4 py-2">{SECTOR_LABEL[c.sector as Sector] ?? c.sector}</td>
              <td className="px-4 py-2">{c.timeZone}</td>
              <td className="px-4 py-2">
                {c.noticeHours} {c.noticeBusinessHoursOnly ? "business hours" : "hours"} from awareness
              </td>
              <td className="px-4 py-2">{c.regimes.length ? c.regimes.join(", ") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
