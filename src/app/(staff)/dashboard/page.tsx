import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listVisibleClientsCached } from "@/server/data/clients";
import { allLateIncidents, dashboardFigures } from "@/server/data/dashboard";
import { dashboardQueues } from "@/server/data/dashboard-queues";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { BarChart } from "@/components/charts/bar-chart";
import {
  INCIDENT_TYPES,
  PHASES,
  PHASE_LABEL,
  SEVERITIES,
  SEVERITY_LABEL,
  TYPE_LABEL,
  type IncidentType,
  type Phase,
  type Severity,
} from "@/domain/incident/types";
import { formatDuration } from "@/domain/incident/durations";
import { formatInstant } from "@/lib/datetime";
import { ExportLink } from "@/components/ui/export-link";
import { DataTable } from "@/components/ui/data-table";
import { can } from "@/domain/access/can";
import { ApprovalQueue } from "./approval-queue";
import { DecisionsToConfirm } from "./decisions-to-confirm";

export const metadata: Metadata = { title: "Dashboard" };

/** Late incidents listed on the dashboard itself; "Show all" lists the rest. */
const LATE_ON_PAGE = 10;

function Card({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("dashboard:view", "/dashboard");
  const now = new Date();
  const params = await searchParams;
  const { query, errors } = parseDashboardQuery(params, viewer.timeZone, now);
  const approver = can(viewer, "notice:approve");
  const allLate = params.late === "all";
  const [clients, figures, queues, lateAll] = await Promise.all([
    listVisibleClientsCached(viewer),
    dashboardFigures(viewer, query),
    approver ? dashboardQueues(viewer) : null,
    allLate ? allLateIncidents(viewer, query.clientId) : null,
  ]);
  const unknownClient = query.clientId !== null && !clients.some((c) => c.id === query.clientId);
  if (unknownClient) errors.push("Unknown client in the filter: nothing to show for it.");
  const { open, late: lateShown, windows, k, perClient, weekly } = figures.value;
  // ten on the page; all of them (up to LATE_ALL) when asked for, from figures kept alike
  const late = lateAll?.value ?? lateShown;
  const lateRows = lateAll ? late.rows : late.rows.slice(0, LATE_ON_PAGE);
  const filterQs = new URLSearchParams({
    from: query.fromDay,
    to: query.toDay,
    ...(query.clientId ? { clientId: query.clientId } : {}),
  }).toString();
  const weeks = [...new Set(weekly.map((w) => w.week))];
  const weeklyCounts = weeks.map((week) =>
    INCIDENT_TYPES.map((t) => weekly.find((w) => w.week === week && w.type === t)?.count ?? 0),
  );
  const openPhases = PHASES.filter((p) => p !== "CLOSED");
  const count = (list: Array<{ key: string; count: number }>, key: string) =>
    list.find((x) => x.key === key)?.count ?? 0;
  const kpiRows: Array<[string, { median: number | null; mean: number | null; n: number }]> = [
    ["Time to detect (occurred → detected)", k.detect],
    ["Time to contain (aware → contained)", k.contain],
    ["Time to resolve (aware → resolved)", k.resolve],
    ["Time to close (aware → closed)", k.close],
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">
          Open work now; response times and notices over the period. Times in {viewer.timeZone}.{" "}
          <span data-testid="figures-as-of">Figures as of {formatInstant(figures.asOf, viewer.timeZone)}</span>,
          refreshed after every change and at least every minute.
        </p>
      </div>

      {queues ? <ApprovalQueue viewer={viewer} rows={queues.approvals} /> : null}
      {queues ? <DecisionsToConfirm viewer={viewer} rows={queues.decisions} /> : null}

      <form
        method="get"
        aria-label="Dashboard filters"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            From
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={query.fromDay}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            To
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={query.toDay}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="clientId" className="block text-sm font-medium">
            Client
          </label>
          <select
            id="clientId"
            name="clientId"
            defaultValue={query.clientId ?? ""}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">All clients</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white">
          Apply
        </button>
        <ExportLink
          href={`/api/exports/dashboard?${filterQs}`}
          fallbackName="dashboard.csv"
          className="px-2 py-2 text-sm text-brand-700 underline"
        >
          Download tables (CSV)
        </ExportLink>
        <a
          href={`/api/exports/dashboard?${filterQs}&format=pdf`}
          className="px-2 py-2 text-sm text-brand-700 underline"
        >
          Download as PDF
        </a>
      </form>
      {errors.length ? (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[
          ["Open incidents", open.total, `/incidents?${query.clientId ? `clientId=${query.clientId}` : ""}`],
          ["Past internal targets", late.count, "#late"],
          [
            "Notices overdue",
            windows.overdue,
            `/obligations?status=overdue${query.clientId ? `&client=${query.clientId}` : ""}`,
          ],
          [
            "Notices due in 24 h",
            windows.next24h,
            `/obligations?within=24${query.clientId ? `&client=${query.clientId}` : ""}`,
          ],
        ].map(([label, value, href]) => (
          <div key={label as string} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold">
              <Link href={href as string} aria-label={`${label}: ${value}`} className="hover:underline">
                {value}
              </Link>
            </dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="open-phase" title="Open incidents by phase">
          <BarChart
            labels={openPhases.map((p) => PHASE_LABEL[p])}
            series={["Open incidents"]}
            values={openPhases.map((p) => [count(open.phase, p)])}
            height={160}
          />
          <DataTable
            caption="Open incidents by phase"
            head={["Phase", "Open"]}
            rows={openPhases.map((p) => [
              { text: PHASE_LABEL[p], href: `/incidents?phase=${p}` },
              count(open.phase, p),
            ])}
          />
        </Card>
        <Card id="open-other" title="Open incidents by severity, type and client">
          <div className="grid gap-4 sm:grid-cols-3">
            <DataTable
              caption="Open incidents by severity"
              head={["Severity", "Open"]}
              rows={[...SEVERITIES].reverse().map((s) => [SEVERITY_LABEL[s as Severity], count(open.severity, s)])}
            />
            <DataTable
              caption="Open incidents by type"
              head={["Type", "Open"]}
              rows={INCIDENT_TYPES.map((t) => [TYPE_LABEL[t as IncidentType], count(open.type, t)])}
            />
            <DataTable
              caption="Open incidents by client"
              head={["Client", "Open"]}
              rows={open.client.map((c) => [c.key, c.count])}
            />
          </div>
        </Card>
      </div>

      <Card id="kpis" title={`Response times, ${query.fromDay} to ${query.toDay} (${k.incidents} incidents)`}>
        <DataTable
          caption="Response times"
          head={["Measure", "Median", "Mean", "Incidents measured"]}
          rows={kpiRows.map(([label, v]) => [label, formatDuration(v.median), formatDuration(v.mean), v.n])}
        />
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">Notices on time</dt>
            <dd className="text-xl font-semibold">
              {k.notices.rate === null ? "—" : `${Math.round(k.notices.rate * 100)} %`}{" "}
              <span className="text-sm font-normal text-slate-600">
                ({k.notices.onTime} of {k.notices.total})
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Open action items</dt>
            <dd className="text-xl font-semibold">{k.actionItems.open}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Overdue action items</dt>
            <dd className={`text-xl font-semibold ${k.actionItems.overdue ? "text-red-700" : ""}`}>
              {k.actionItems.overdue}
            </dd>
          </div>
        </dl>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="weekly" title="Incidents per week, by type">
          <BarChart
            labels={weeks.map((w) => w.slice(5))}
            series={INCIDENT_TYPES.map((t) => TYPE_LABEL[t])}
            values={weeklyCounts}
          />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600">Table of this chart</summary>
            <DataTable
              caption="Incidents per week by type"
              head={["Week of", ...INCIDENT_TYPES.map((t) => TYPE_LABEL[t])]}
              rows={weeks.map((w, i) => [w, ...(weeklyCounts[i] ?? [])])}
            />
          </details>
        </Card>
        <Card id="per-client" title="Incidents per client in the period">
          <DataTable
            caption="Incidents per client"
            head={["Client", "Incidents"]}
            rows={perClient.map((c) => [c.key, c.count])}
          />
        </Card>
      </div>

      <Card id="late" title={`Past internal targets (${late.count})`}>
        {lateRows.length ? (
          <DataTable
            caption="Open incidents past their internal targets"
            head={["Incident", "Client", "Severity", "Phase", "Target missed", "Late by"]}
            rows={lateRows.map((r) => [
              { text: `${r.reference} ${r.title}`, href: `/incidents/${r.id}` },
              r.clientName,
              SEVERITY_LABEL[r.severity as Severity],
              PHASE_LABEL[r.phase as Phase],
              r.target === "contain" ? "containment" : "resolution",
              formatDuration(r.lateBy),
            ])}
          />
        ) : (
          <p className="text-sm text-slate-600">Every open incident is within its targets.</p>
        )}
        {late.count > lateRows.length ? (
          <p className="mt-2 text-sm text-slate-600">
            The {lateRows.length} furthest past shown.{" "}
            {lateAll ? null : (
              <Link href={`/dashboard?${filterQs}&late=all#late`} className="text-brand-700 underline">
                Show all {late.count}
              </Link>
            )}
          </p>
        ) : null}
        {lateAll ? (
          <p className="mt-2 text-sm">
            <Link href={`/dashboard?${filterQs}#late`} className="text-brand-700 underline">
              Show the {LATE_ON_PAGE} furthest past only
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
