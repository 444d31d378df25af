import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listVisibleClientsCached } from "@/server/data/clients";
import { listAssignableStaffCached, listIncidents } from "@/server/data/incidents";
import { EmptyState } from "@/components/ui/empty-state";
import { ClientTable } from "@/components/ui/client-table";
import { ExportLink } from "@/components/ui/export-link";
import { IncidentTable } from "./incident-table";
import { Filter } from "./filter-select";
import { can } from "@/domain/access/can";
import { INCIDENT_TYPES, PHASES, PHASE_LABEL, SEVERITIES, SEVERITY_LABEL, TYPE_LABEL, type IncidentType, type Phase, type Severity } from "@/domain/incident/types";
import { listQueryString, parseIncidentListQuery, SORTS, SORT_LABEL } from "@/lib/validation/incident-list";
import { formatInstant } from "@/lib/datetime";

export const metadata: Metadata = { title: "Incidents" };

const FILTER_LABEL: Record<string, string> = {
  phase: "phase", type: "type", severity: "severity", clientId: "client", owner: "owner", status: "status", q: "search", sort: "sort", cursor: "page",
};

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("incident:read", "/incidents");
  const params = await searchParams;
  const { query, ignored } = parseIncidentListQuery(params);
  const [clients, staff, page] = await Promise.all([listVisibleClientsCached(viewer), listAssignableStaffCached(viewer), listIncidents(viewer, query)]);
  const filtered = Object.keys(params).some((k) => k !== "cursor" && k !== "sort" && params[k]);

  const nextHref = page.nextCursor
    ? `/incidents?${listQueryString(query, page.nextCursor)}`
    : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Incidents</h1>
          <p className="mt-1 text-sm text-slate-600">
            Incidents of the {clients.length === 1 ? "client" : `${clients.length} clients`} you work for. Times in {viewer.timeZone}.
          </p>
        </div>
        {can(viewer, "incident:create") && clients.length ? (
          <Link href="/incidents/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Log an incident
          </Link>
        ) : null}
      </div>

      <form method="get" role="search" aria-label="Filter incidents" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="filter-field lg:col-span-2">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Reference, title or summary" />
        </div>
        <Filter name="status" label="Status" value={query.status} options={[["open", "Open"], ["closed", "Closed"], ["all", "All"]]} />
        <Filter name="sort" label="Sort" value={query.sort} options={SORTS.map((s) => [s, SORT_LABEL[s]])} />
        <Filter name="phase" label="Phase" value={query.phase} any="Any phase" options={PHASES.map((p) => [p, PHASE_LABEL[p]])} />
        <Filter name="type" label="Type" value={query.type} any="Any type" options={INCIDENT_TYPES.map((t) => [t, TYPE_LABEL[t]])} />
        <Filter name="severity" label="Severity" value={query.severity} any="Any severity" options={SEVERITIES.map((s) => [s, SEVERITY_LABEL[s]])} />
        <Filter name="clientId" label="Client" value={query.clientId} any="Any client" options={clients.map((c) => [c.id, c.name])} />
        <Filter name="owner" label="Owner" value={query.owner} any="Anyone" options={[["me", "Me"], ["none", "Unassigned"], ...staff.map((s): [string, string] => [s.id, s.name])]} />
        <div className="flex items-end gap-2 lg:col-span-3">
          <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900">Apply filters</button>
          {filtered ? <Link href="/incidents" className="px-2 py-2 text-sm text-brand-700 underline">Clear</Link> : null}
          {can(viewer, "report:export") ? (
            <ExportLink href={`/api/exports/incidents?${listQueryString(query)}`} fallbackName="incidents.csv" className="px-2 py-2 text-sm text-brand-700 underline">
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
          rows={page.rows.map((r) => ({
            id: r.id,
            reference: r.reference,
            title: r.title,
            clientName: r.clientName,
            type: TYPE_LABEL[r.type as IncidentType],
            severity: r.severity,
            severityLabel: SEVERITY_LABEL[r.severity as Severity],
            phase: PHASE_LABEL[r.phase as Phase],
            owner: r.ownerName ?? "Unassigned",
            awareAt: formatInstant(r.awareAt, viewer.timeZone),
          }))}
        />
      ) : (
        <EmptyState title={filtered || query.cursor ? "No incidents match" : "No open incidents"}>
          <p>{filtered ? "Try other filters, or clear them." : "When an incident touching one of your clients is logged, it appears here with its phase and deadlines."}</p>
        </EmptyState>
      )}

      <nav aria-label="Pages" className="flex justify-between">
        {query.cursor ? <Link href={`/incidents?${listQueryString(query)}`} className="text-sm text-brand-700 underline">First page</Link> : <span />}
        {nextHref ? <Link href={nextHref} className="text-sm text-brand-700 underline">Next page</Link> : null}
      </nav>

      {clients.length ? (
        <ClientTable clients={clients} caption="Your clients" />
      ) : (
        <EmptyState title="You are not assigned to any client">
          <p>Ask a manager to assign you to the clients you work for.</p>
        </EmptyState>
      )}
    </div>
  );
}
