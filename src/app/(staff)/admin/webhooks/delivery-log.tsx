import { formatInstant } from "@/lib/datetime";
import type { DeliveryRow } from "@/server/data/webhooks";

const STATUS = { PENDING: "Retrying", DELIVERED: "Delivered", FAILED: "Failed" } as const;

/** The subscription's latest deliveries: event, outcome, response code, attempts, timing. */
export function DeliveryLog({ url, rows, timeZone }: { url: string; rows: DeliveryRow[]; timeZone: string }) {
  if (!rows.length) return <p className="text-sm text-slate-600">Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Latest deliveries to {url}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Queued
            </th>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Response
            </th>
            <th scope="col" className="px-3 py-2">
              Attempts
            </th>
            <th scope="col" className="px-3 py-2">
              Detail
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id}>
              <td className="px-3 py-2 whitespace-nowrap">{formatInstant(d.createdAt, timeZone)}</td>
              <td className="px-3 py-2 font-mono text-xs">{d.event}</td>
              <td className="px-3 py-2">{STATUS[d.status]}</td>
              <td className="px-3 py-2">{d.lastResponseCode ?? "—"}</td>
              <td className="px-3 py-2">
                {d.attempts}
                {d.codes.length > 1 ? (
                  <span className="text-xs text-slate-500"> ({d.codes.map((c) => c ?? "no answer").join(", ")})</span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">
                {d.status === "DELIVERED" && d.deliveredAt
                  ? `${formatInstant(d.deliveredAt, timeZone)}${d.durationMs !== null ? `, ${d.durationMs} ms` : ""}`
                  : [d.lastError, d.nextAttemptAt ? `next try ${formatInstant(d.nextAttemptAt, timeZone)}` : null]
                      .filter(Boolean)
                      .join("; ") || "waiting for the worker"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
