import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { listDeadlineWorkList } from "@/server/data/deadline-work-list";
import { listVisibleClientsCached } from "@/server/data/clients";
import { parseDeadlineFilters } from "@/lib/validation/deadline-filters";
import { DeadlineFiltersForm } from "./deadline-filters-form";
import { DeadlineSection } from "./deadline-section";

export const metadata: Metadata = { title: "Deadlines" };

// A work list. By default every open obligation, in two sections: what we (the BPO) owe first,
// then what our clients owe. Sections rather than a default "owed by us" filter: a first-time
// user sees at once that both exist and which are theirs, and nothing is hidden by a filter
// they did not set. Within a section: overdue first, then soonest due.
export default async function ObligationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("incident:read", "/obligations");
  const { filters, ignored } = parseDeadlineFilters(await searchParams);
  const now = new Date();
  const [{ sections, unknownClient }, clients] = await Promise.all([
    listDeadlineWorkList(viewer, filters, now),
    listVisibleClientsCached(viewer),
  ]);
  const notes = unknownClient ? [...ignored, "Client: not one of your clients, so it is not applied."] : ignored;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Deadlines</h1>
        <p className="mt-1 text-sm text-slate-600">
          Notices owed, most urgent first: overdue, then soonest due. Times in {viewer.timeZone}.
        </p>
      </div>
      <DeadlineFiltersForm filters={unknownClient ? { ...filters, client: undefined } : filters} clients={clients} />
      {notes.length ? (
        <ul role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {sections.map((s) => (
        <DeadlineSection key={s.party} section={s} now={now} timeZone={viewer.timeZone} />
      ))}
    </div>
  );
}
