"use client";

import Link from "next/link";
import type { ClientSummary } from "@/server/data/clients";
import { SECTOR_LABEL, type Sector } from "@/domain/clients";

/**
 * Clients with the contract notice term and the regimes their flags bring in; with `open`, also
 * each one's open incidents, linked to the list filtered to it. (A client component so the rows
 * travel once, as data, like the incident table.)
 */
export function ClientTable({
  clients,
  caption,
  open,
}: {
  clients: readonly ClientSummary[];
  caption: string;
  open?: Readonly<Record<string, number>>;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="list-table">
        <caption className="px-4 py-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Sector</th>
            <th scope="col">Time zone</th>
            <th scope="col">Contract notice</th>
            <th scope="col">Regimes</th>
            {open ? <th scope="col">Open incidents</th> : null}
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{SECTOR_LABEL[c.sector as Sector] ?? c.sector}</td>
              <td>{c.timeZone}</td>
              <td>
                {c.noticeHours} {c.noticeBusinessHoursOnly ? "business hours" : "hours"} from awareness
              </td>
              <td>{c.regimes.length ? c.regimes.join(", ") : "—"}</td>
              {open ? (
                <td>
                  <Link
                    href={`/incidents?clientId=${c.id}`}
                    prefetch={false}
                    aria-label={`${open[c.id] ?? 0} open incidents of ${c.name}`}
                  >
                    {open[c.id] ?? 0}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
