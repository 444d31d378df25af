import Link from "next/link";
import type { ChangeRow } from "@/server/data/audit-log";
import { formatInstant } from "@/lib/datetime";

/** Changes of the audit trail, in the words of the incident timeline (describeEvent). */
export function ChangeTable({ rows, timeZone }: { rows: readonly ChangeRow[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="list-table">
        <caption className="sr-only">Changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Incident</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatInstant(r.at, timeZone)}</td>
              <td>{r.actorLabel}</td>
              <td className="min-w-64">
                {r.text}
                <span className="block font-mono text-xs text-slate-500">
                  #{r.seq} {r.action}
                </span>
              </td>
              <td className="ref">
                {r.incidentId && r.incidentReference ? (
                  <Link href={`/incidents/${r.incidentId}`}>{r.incidentReference}</Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="nowrap font-mono text-xs">{r.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
