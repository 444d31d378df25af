import Link from "next/link";
import type { Viewer } from "@/domain/access/can";
import type { ApprovalRow } from "@/server/data/approvals";
import { formatInstant } from "@/lib/datetime";
import { Countdown } from "@/components/ui/countdown";

/** Notices waiting for a manager's four-eyes approval, oldest request first, with the time left. */
export function ApprovalQueue({ viewer, rows }: { viewer: Viewer; rows: readonly ApprovalRow[] }) {
  return (
    <section aria-labelledby="approvals" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="approvals" className="mb-1 text-base font-semibold">
        Notices awaiting approval ({rows.length})
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Oldest request first. Open one to read it exactly as the client will, then approve or return it.
      </p>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Notices awaiting approval</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Notice
                </th>
                <th scope="col" className="py-1 pr-3">
                  Client
                </th>
                <th scope="col" className="py-1 pr-3">
                  Drafted by
                </th>
                <th scope="col" className="py-1 pr-3">
                  Waiting since
                </th>
                <th scope="col" className="py-1">
                  Time left on the obligation
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.noticeId}>
                  <td className="py-2 pr-3">
                    <Link
                      href={`/incidents/${r.incidentId}/notices/${r.noticeId}`}
                      className="font-medium text-brand-700 underline"
                    >
                      {r.reference}: {r.incidentTitle}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {r.title} · {r.citation}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{r.clientName}</td>
                  <td className="py-2 pr-3">
                    {r.draftedBy}
                    {r.ownDraft ? (
                      <span className="block text-xs text-slate-500">yours: another approver must decide</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">{formatInstant(r.submittedAt, viewer.timeZone)}</td>
                  <td className="py-2">
                    {r.dueAt ? (
                      <>
                        <Countdown dueAt={r.dueAt.toISOString()} />
                        <span className="block text-xs text-slate-500">
                          due {formatInstant(r.dueAt, viewer.timeZone)}
                        </span>
                        {r.workingTarget ? (
                          <span className="block text-xs text-slate-500">{r.workingTarget}</span>
                        ) : null}
                      </>
                    ) : (
                      "no deadline"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Nothing waits for approval.</p>
      )}
    </section>
  );
}
