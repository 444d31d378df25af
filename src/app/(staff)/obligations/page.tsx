import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listOpenObligations } from "@/server/data/obligations";
import { EmptyState } from "@/components/ui/empty-state";
import { Countdown } from "@/components/ui/countdown";
import { formatInstant } from "@/lib/datetime";

export const metadata: Metadata = { title: "Deadlines" };

const WINDOWS = [
  { value: "24", label: "Overdue and due in 24 h" },
  { value: "168", label: "Overdue and due in 7 days" },
  { value: "all", label: "All unsettled" },
];

export default async function ObligationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewer("incident:read", "/obligations");
  const { within } = await searchParams;
  const win = WINDOWS.find((w) => w.value === within)?.value ?? "168";
  const now = new Date();
  const { rows, total, overdue } = await listOpenObligations(viewer, { now, withinHours: win === "all" ? undefined : Number(win) });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Deadlines</h1>
        <p className="mt-1 text-sm text-slate-600">Notices owed and not yet settled, soonest first. Times in {viewer.timeZone}.</p>
      </div>
      <nav aria-label="Window" className="flex flex-wrap gap-2">
        {WINDOWS.map((w) => (
          <Link key={w.value} href={`/obligations?within=${w.value}`} aria-current={w.value === win ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${w.value === win ? "bg-slate-800 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}>
            {w.label}
          </Link>
        ))}
      </nav>
      {overdue ? <p role="status" className="font-medium text-red-700">{overdue} overdue.</p> : null}
      {total > rows.length ? (
        <p className="text-sm text-slate-600">Showing the {rows.length} most urgent of {total}. Each incident page lists all of its own.</p>
      ) : null}
      {rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Unsettled notification obligations</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Due</th>
                <th scope="col" className="px-4 py-2">Obligation</th>
                <th scope="col" className="px-4 py-2">Incident</th>
                <th scope="col" className="px-4 py-2">Client</th>
                <th scope="col" className="px-4 py-2">Owed by</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-4 py-2">{r.dueAt ? <>{formatInstant(r.dueAt, viewer.timeZone)}<br /><Countdown dueAt={r.dueAt.toISOString()} /></> : "Clock not started"}</td>
                  <td className="px-4 py-2">{r.citation}<br /><span className="text-xs text-slate-600">{r.title}{r.applicability === "TO_ASSESS" ? " · to assess" : ""}</span></td>
                  <td className="px-4 py-2"><Link href={`/incidents/${r.incident.id}`} className="text-brand-700 underline">{r.incident.reference}</Link><br /><span className="text-xs text-slate-600">{r.incident.title}</span></td>
                  <td className="px-4 py-2">{r.incident.client.name}</td>
                  <td className="px-4 py-2">{r.party === "BPO" ? "Us" : "The client"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="Nothing due in this window">
          <p>Every notice owed in this window is settled.</p>
        </EmptyState>
      )}
    </div>
  );
}
