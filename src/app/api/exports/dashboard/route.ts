import { authorize } from "@/server/viewer";
import { dashboardFigures } from "@/server/data/dashboard";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { apiError } from "@/lib/api-error";
import { csvResponse } from "@/lib/csv";

export const dynamic = "force-dynamic";

// The dashboard's tables as one CSV (sections separated by a title row), for the same filters.
export async function GET(req: Request) {
  const auth = await authorize("dashboard:view");
  if (!auth.ok) return auth.code === "UNAUTHENTICATED" ? apiError("UNAUTHENTICATED", "Sign in first.") : apiError("NOT_FOUND", "No such export.");
  const viewer = auth.viewer;
  const now = new Date();
  const { query, errors } = parseDashboardQuery(Object.fromEntries(new URL(req.url).searchParams), viewer.timeZone, now);
  if (errors.length) return apiError("VALIDATION_FAILED", errors.join(" "));
  const figures = await dashboardFigures(viewer, query);
  const { open, late, windows, k, perClient, weekly } = figures.value;
  const hours = (s: number | null) => (s === null ? "" : (s / 3600).toFixed(2));
  async function* rows() {
    yield [
      ["Warden dashboard", `${query.fromDay} to ${query.toDay}`, query.clientId ? `client ${query.clientId}` : "all clients", `figures as of ${figures.asOf.toISOString()}`],
      [],
      ["Open incidents by", "Value", "Count"],
      ...(["phase", "severity", "type", "client"] as const).flatMap((dim) => open[dim].map((r) => [dim, r.key, r.count])),
      [],
      ["Response time", "Median (hours)", "Mean (hours)", "Incidents measured"],
      ...(["detect", "contain", "resolve", "close"] as const).map((m) => [m, hours(k[m].median), hours(k[m].mean), k[m].n]),
      [],
      ["Notices on time", "Of", "Rate"],
      [k.notices.onTime, k.notices.total, k.notices.rate === null ? "" : k.notices.rate.toFixed(3)],
      [],
      ["Obligations overdue", "Due in 24 h", "Due in 7 days"],
      [windows.overdue, windows.next24h, windows.next7d],
      [],
      ["Action items open", "Action items overdue"],
      [k.actionItems.open, k.actionItems.overdue],
      [],
      ["Client", "Incidents in period"],
      ...perClient.map((r) => [r.key, r.count]),
      [],
      ["Week of", "Type", "Incidents"],
      ...weekly.map((w) => [w.week, w.type, w.count]),
      [],
      ["Past target: incident", "Client", "Severity", "Phase", "Target", "Late by (hours)"],
      ...late.rows.map((r) => [r.reference, r.clientName, r.severity, r.phase, r.target, hours(r.lateBy)]),
    ];
  }
  return csvResponse(`dashboard-${query.fromDay}-${query.toDay}.csv`, rows());
}
