import type { TermsPreview } from "@/server/services/admin/clients";

const CHANGE_WORD = { MOVED: "moves", ADDED: "newly owed", RETIRED: "no longer owed" } as const;

/** What a change of a client's terms would do to its open incidents, shown before it is saved. */
export function ClientTermsPreview({ preview }: { preview: TermsPreview }) {
  const rows = preview.incidents.reduce((n, i) => n + i.rows.length, 0);
  return (
    <section
      role="status"
      aria-label="Effect of the change"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm"
    >
      <p className="font-medium">Not saved yet. This change ({preview.changes.join("; ")}) would:</p>
      {rows ? (
        <ul className="mt-2 space-y-2">
          {preview.incidents.map((i) => (
            <li key={i.id}>
              <p>
                <span className="font-medium">{i.reference}</span> {i.title}
              </p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {i.rows.map((r) => (
                  <li key={r.ruleId}>
                    {r.title} <span className="text-xs text-slate-600">({r.citation})</span>: {CHANGE_WORD[r.change]}
                    {r.change === "MOVED" ? (
                      <>
                        {" "}
                        from {r.oldDue ?? "no due time"} to {r.newDue ?? "no due time"}
                      </>
                    ) : r.newDue ? (
                      <>, due {r.newDue}</>
                    ) : null}
                    {r.newlyOverdue ? <strong className="ml-1 text-red-700">— overdue at once</strong> : null}
                    {r.settledOnTimeThen ? (
                      <span className="ml-1 text-emerald-800">
                        — already settled on time under the terms then in force; it stays on time
                      </span>
                    ) : null}
                    {r.settled && !r.settledOnTimeThen ? (
                      <span className="ml-1 text-slate-600">— already settled</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">
          change no deadline of its {preview.openIncidents} open incident{preview.openIncidents === 1 ? "" : "s"}.
        </p>
      )}
      <p className="mt-2 text-xs text-slate-700">
        Confirm to save it. Change a field instead and you will be shown the new effect first.
      </p>
    </section>
  );
}
