import Link from "next/link";
import { ACTION_LABEL, type ActionKind } from "@/domain/automation/rule";
import { formatInstant } from "@/lib/datetime";
import type { AutomationRuleDetail } from "@/server/data/automation";

/** The rule's latest runs: which version ran on what, and what each action did or why it failed. */
export function RuleRuns({ runs, timeZone }: { runs: AutomationRuleDetail["runs"]; timeZone: string }) {
  return (
    <section aria-labelledby="runs" className="space-y-3">
      <h2 id="runs" className="text-lg font-semibold">
        Recent runs
      </h2>
      {runs.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="list-table">
            <caption className="sr-only">Recent runs</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Version</th>
                <th scope="col">On</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap">{formatInstant(r.at, timeZone)}</td>
                  <td>{r.ruleVersion}</td>
                  <td>
                    <Link
                      href={r.subjectType === "alert" ? `/alerts/${r.subjectId}` : `/incidents/${r.subjectId}`}
                      className="text-brand-700 underline"
                    >
                      {r.subjectType === "alert" ? "an alert" : "an incident"}
                    </Link>
                  </td>
                  <td>
                    {r.error ? (
                      <span className="text-red-800">Failed: {r.error}</span>
                    ) : !r.matched ? (
                      "Conditions did not hold"
                    ) : (
                      <ul className="list-disc pl-4">
                        {r.actions.map((a, i) => (
                          <li key={i}>
                            {ACTION_LABEL[a.kind as ActionKind] ?? a.kind}: {a.outcome}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">The rule has not run yet.</p>
      )}
    </section>
  );
}
