import { SelectField } from "@/components/ui/select-field";
import {
  DEADLINE_STATUSES,
  DEADLINE_STATUS_LABEL,
  OWED_BY,
  OWED_BY_LABEL,
  REGIMES,
  WITHIN,
  WITHIN_LABEL,
  type DeadlineFilters,
} from "@/lib/validation/deadline-filters";

/**
 * The filters as a plain GET form (works before any script runs, and the URL can be shared),
 * folded into a <details> whose summary says what is applied: on a phone it takes one line.
 */
export function DeadlineFiltersForm({
  filters,
  clients,
}: {
  filters: DeadlineFilters;
  clients: ReadonlyArray<{ id: string; name: string }>;
}) {
  const clientName = clients.find((c) => c.id === filters.client)?.name;
  const applied = [
    DEADLINE_STATUS_LABEL[filters.status].toLowerCase(),
    filters.owedBy === "all"
      ? "owed by anyone, ours first"
      : filters.owedBy === "us"
        ? "owed by us"
        : "owed by our clients",
    clientName ?? "all your clients",
    filters.regime ?? "every regime",
    ...(filters.within ? [`due within ${WITHIN_LABEL[filters.within]}`] : []),
  ];
  return (
    <details className="rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer px-4 py-2 text-sm">
        <span className="font-medium">Filters</span>{" "}
        <span className="text-slate-600">— showing {applied.join(" · ")}</span>
      </summary>
      <form
        method="get"
        action="/obligations"
        aria-label="Filter deadlines"
        className="grid gap-3 border-t border-slate-100 px-4 py-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        <SelectField
          name="owedBy"
          label="Owed by"
          defaultValue={filters.owedBy}
          options={OWED_BY.map((v) => ({ value: v, label: OWED_BY_LABEL[v] }))}
        />
        <SelectField
          name="status"
          label="Status"
          defaultValue={filters.status}
          options={DEADLINE_STATUSES.map((v) => ({ value: v, label: DEADLINE_STATUS_LABEL[v] }))}
        />
        <SelectField
          name="client"
          label="Client"
          defaultValue={clientName ? filters.client : ""}
          placeholder="All your clients"
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="regime"
          label="Regime"
          defaultValue={filters.regime ?? ""}
          placeholder="Every regime"
          options={REGIMES.map((r) => ({ value: r, label: r }))}
        />
        <SelectField
          name="within"
          label="Due within"
          defaultValue={filters.within ?? ""}
          placeholder="Any time"
          options={WITHIN.map((v) => ({ value: v, label: WITHIN_LABEL[v] }))}
        />
        <div className="flex items-center gap-3 self-end sm:col-span-2 lg:col-span-3">
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
            Apply
          </button>
          <a href="/obligations" className="text-sm text-brand-700 underline">
            Reset to the default view
          </a>
        </div>
      </form>
    </details>
  );
}
