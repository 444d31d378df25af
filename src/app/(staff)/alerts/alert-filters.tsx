import Link from "next/link";
import { SEVERITIES, SEVERITY_LABEL } from "@/domain/incident/types";
import { AGES, AGE_LABEL, type Age, type AlertQueueQuery } from "@/lib/validation/alert-queue";

/** A plain GET form: the filters live in the address, so a filtered queue can be bookmarked and shared. */
export function AlertFilters({
  query,
  clients,
  sources,
}: {
  query: AlertQueueQuery;
  clients: ReadonlyArray<readonly [string, string]>;
  sources: readonly string[];
}) {
  const filtered = query.clientId || query.source || query.minSeverity || query.age;
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter alerts"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      {query.tab !== "open" ? <input type="hidden" name="tab" value={query.tab} /> : null}
      <div className="filter-field">
        <label htmlFor="alert-client">Client</label>
        <select id="alert-client" name="clientId" defaultValue={query.clientId ?? ""}>
          <option value="">Every client</option>
          {clients.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="alert-source">Source</label>
        <select id="alert-source" name="source" defaultValue={query.source ?? ""}>
          <option value="">Every source</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="alert-severity">Severity at least</label>
        <select id="alert-severity" name="severity" defaultValue={query.minSeverity ?? ""}>
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="alert-age">Received</label>
        <select id="alert-age" name="age" defaultValue={query.age ?? ""}>
          <option value="">Any time</option>
          {(Object.keys(AGES) as Age[]).map((a) => (
            <option key={a} value={a}>
              {AGE_LABEL[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900"
        >
          Apply filters
        </button>
        {filtered ? (
          <Link
            href={query.tab === "open" ? "/alerts" : `/alerts?tab=${query.tab}`}
            className="px-2 py-2 text-sm text-brand-700 underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
