import Link from "next/link";
import type { ReadRow } from "@/server/data/audit-log";
import { readKindLabel } from "@/domain/audit/read-kinds";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import type { Role } from "@/domain/access/permissions";
import { formatInstant } from "@/lib/datetime";

/** The access log: who opened or downloaded what, when and from where. */
export function ReadTable({ rows, timeZone }: { rows: readonly ReadRow[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="list-table">
        <caption className="sr-only">Reads, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Incident</th>
            <th scope="col">Client</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatInstant(r.at, timeZone)}</td>
              <td>
                {r.actorLabel}
                <span className="block text-xs text-slate-500">{ROLE_LABEL[r.actorRole as Role] ?? r.actorRole}</span>
              </td>
              <td className="min-w-56">
                {readKindLabel(r.kind)}
                <span className="block font-mono text-xs text-slate-500">{r.kind}</span>
              </td>
              <td className="ref">
                {r.incidentId && r.incidentReference ? (
                  <Link href={`/incidents/${r.incidentId}`}>{r.incidentReference}</Link>
                ) : (
                  "—"
                )}
              </td>
              <td>{r.clientName ?? "—"}</td>
              <td className="nowrap font-mono text-xs" title={r.requestId ? `request ${r.requestId}` : undefined}>
                {r.ip ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
