import Link from "next/link";
import type { ErasureRow } from "@/server/data/retention";
import { formatInstant } from "@/lib/datetime";

/**
 * What retention will erase in the next 30 days (or has due for tonight's run), and what a
 * legal hold keeps instead, so an administrator can place a hold in time.
 */
export function UpcomingErasures({
  due,
  held,
  timeZone,
}: {
  due: readonly ErasureRow[];
  held: readonly ErasureRow[];
  timeZone: string;
}) {
  return (
    <section aria-labelledby="upcoming-erasures" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="upcoming-erasures" className="text-base font-semibold">
        Erasure in the next 30 days
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Closed incidents whose client&apos;s retention runs out: their content is erased by the daily run from the due
        date on. A legal hold on the incident or its client keeps it.
      </p>
      <ErasureTable
        caption={`Due for erasure (${due.length})`}
        rows={due}
        timeZone={timeZone}
        empty="Nothing is due for erasure in the next 30 days."
      />
      {held.length ? (
        <ErasureTable caption={`Kept by legal hold (${held.length})`} rows={held} timeZone={timeZone} empty="" />
      ) : null}
    </section>
  );
}

function ErasureTable({
  caption,
  rows,
  timeZone,
  empty,
}: {
  caption: string;
  rows: readonly ErasureRow[];
  timeZone: string;
  empty: string;
}) {
  if (!rows.length) return <p className="mt-3 text-sm text-slate-600">{empty}</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="list-table">
        <caption className="py-2 text-left text-sm font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Client</th>
            <th scope="col">Closed on</th>
            <th scope="col">Due</th>
            <th scope="col">Policy</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/incidents/${r.id}`} prefetch={false} className="whitespace-nowrap">
                  {r.reference}
                </Link>
                {r.hold ? <span className="block text-xs font-normal text-red-800">Hold on the {r.hold}</span> : null}
              </th>
              <td>{r.client}</td>
              <td>{formatInstant(r.closedAt, timeZone)}</td>
              <td>{formatInstant(r.dueAt, timeZone)}</td>
              <td>{r.policy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
