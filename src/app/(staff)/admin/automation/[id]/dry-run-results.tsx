import Link from "next/link";
import { formatInstant } from "@/lib/datetime";
import type { dryRunRule } from "@/server/data/automation";

type DryRun = NonNullable<Awaited<ReturnType<typeof dryRunRule>>>;

/** The dry run as a table: every alert replayed, and for those that match, what the rule would do. */
export function DryRunResults({ result, timeZone }: { result: DryRun; timeZone: string }) {
  if (!result.applicable) return <p className="text-sm">{result.reason}</p>;
  return (
    <>
      <p role="status" className="text-sm">
        Version {result.version} would have acted on {result.matched} of the last {result.rows.length} alerts. Nothing
        was changed.
      </p>
      {result.rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="list-table">
            <caption className="sr-only">Dry run over the last {result.rows.length} alerts</caption>
            <thead>
              <tr>
                <th scope="col">Alert</th>
                <th scope="col">Client</th>
                <th scope="col">Received</th>
                <th scope="col">Would</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.alertId}>
                  <td>
                    <Link href={`/alerts/${r.alertId}`} className="text-brand-700 underline">
                      {r.title}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {r.source}, {r.severity.toLowerCase()}
                    </span>
                  </td>
                  <td>{r.clientName}</td>
                  <td className="whitespace-nowrap">{formatInstant(r.receivedAt, timeZone)}</td>
                  <td>
                    {r.matched ? (
                      <ul className="list-disc pl-4">
                        {r.plan.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-500">Do nothing (no match)</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
