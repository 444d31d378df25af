import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listVisibleClientsCached } from "@/server/data/clients";
import { listAssignableStaffCached, listIncidentsCached } from "@/server/data/incidents";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink } from "@/components/ui/export-link";
import { IncidentTable } from "./incident-table";
import { IncidentFilters } from "./filter-select";
import { FilterPanel } from "./filter-panel";
import { can } from "@/domain/access/can";
import { PHASE_LABEL, TYPE_LABEL, type IncidentType, type Phase, type Severity } from "@/domain/incident/types";
import { listQueryString, parseIncidentListQuery } from "@/lib/validation/incident-list";
import { formatInstant } from "@/lib/datetime";

export const metadata: Metadata = { title: "Incidents" };

const FILTER_LABEL: Record<string, string> = {
  phase: "phase",
  type: "type",
  severity: "severity",
  clientId: "client",
  owner: "owner",
  status: "status",
  q: "search",
  sort: "sort",
  cursor: "page",
};

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("incident:read", "/incidents");
  const params = await searchParams;
  const { query, ignored } = parseIncidentListQuery(params);
  const [clients, staff, page] = await Promise.all([
    listVisibleClientsCached(viewer),
    listAssignableStaffCached(viewer),
    listIncidentsCached(viewer, query),
  ]);
  // the owner filter lists colleagues on demand; only the chosen one comes with the page
  const ownerChosen =
    query.owner && query.owner !== "me" && query.owner !== "none"
      ? (staff.find((s) => s.id === query.owner) ?? { id: query.owner, name: "Someone no longer on your clients" })
      : undefined;
  const filtered = Object.keys(params).some((k) => k !== "cursor" && k !== "sort" && params[k]);

  const nextHref = page.nextCursor ? `/incidents?${listQueryString(query, page.nextCursor)}` : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Incidents</h1>
          <p className="mt-1 text-sm text-slate-600">
            Incidents of the{" "}
            <Link href="/clients" className="text-brand-700 underline">
              {clients.length === 1 ? "client" : `${clients.length} clients`} you work for
            </Link>
            . Times in {viewer.timeZone}.
          </p>
        </div>
        {can(viewer, "incident:create") && clients.length ? (
          <Link
            href="/incidents/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Log an incident
          </Link>
        ) : null}
      </div>

      <form
        method="get"
        role="search"
        aria-label="Filter incidents"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="filter-field sm:col-span-2">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Reference or title" />
        </div>
        <FilterPanel
          active={[query.phase, query.type, query.severity, query.clientId, query.owner].filter(Boolean).length}
        >
          <IncidentFilters
            values={{
              status: query.status,
              sort: query.sort,
              phase: query.phase,
              type: query.type,
              severity: query.severity,
              clientId: query.clientId,
              owner: query.owner,
            }}
            clients={clients.map((c) => [c.id, c.name] as const)}
            owner={ownerChosen ? [ownerChosen.id, ownerChosen.name] : undefined}
          />
        </FilterPanel>
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button
            type="submit"
            className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900"
          >
            Apply filters
          </button>
          {filtered ? (
            <Link href="/incidents" className="px-2 py-2 text-sm text-brand-700 underline">
              Clear
            </Link>
          ) : null}
          {can(viewer, "report:export") ? (
            <ExportLink
              href={`/api/exports/incidents?${listQueryString(query)}`}
              fallbackName="incidents.csv"
              className="px-2 py-2 text-sm text-brand-700 underline"
            >
              Export these incidents (CSV)
            </ExportLink>
          ) : null}
        </div>
      </form>

      {ignored.length ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Ignored an invalid {ignored.map((k) => FILTER_LABEL[k] ?? k).join(", ")} in the address.
        </p>
      ) : null}

      {page.rows.length ? (
        <IncidentTable
          rows={page.rows.map(
            (r) =>
              [
                r.id,
                r.reference,
                r.title,
                r.clientName,
                TYPE_LABEL[r.type as IncidentType],
                r.severity as Severity,
                PHASE_LABEL[r.phase as Phase],
                r.ownerName ?? "Unassigned",
                formatInstant(r.awareAt, viewer.timeZone),
              ] as const,
          )}
        />
      ) : (
        <EmptyState title={filtered || query.cursor ? "No incidents match" : "No open incidents"}>
          <p>
            {filtered
              ? "Try other filters, or clear them."
              : "When an incident touching one of your clients is logged, it appears here with its phase and deadlines."}
          </p>
        </EmptyState>
      )}

      <nav aria-label="Pages" className="flex justify-between">
        {query.cursor ? (
          <Link href={`/incidents?${listQueryString(query)}`} className="text-sm text-brand-700 underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {nextHref ? (
          <Link href={nextHref} className="text-sm text-brand-700 underline">
            Next page
          </Link>
        ) : null}
      </nav>

      {clients.length ? null : (
        <EmptyState title="You are not assigned to any client">
          <p>Ask a manager to assign you to the clients you work for.</p>
        </EmptyState>
      )}
    </div>
  );
}
