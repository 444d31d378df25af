import { authorize } from "@/server/viewer";
import { dashboardFigures } from "@/server/data/dashboard";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { apiError } from "@/lib/api-error";
import { recordDownload } from "@/server/read-log";
import { csvResponse } from "@/lib/csv";
import { formatInstantWithUtc } from "@/lib/datetime";
import { getOrganizationOverview } from "@/server/data/organization";
import { listVisibleClientsCached } from "@/server/data/clients";
import { renderPdf } from "@/server/pdf/render-pdf";
import { dashboardReportDocument } from "@/domain/reports/dashboard-report";
import { withApiErrors } from "@/server/api-handler";

export const dynamic = "force-dynamic";

// The dashboard for the same filters: ?format=csv (default; its tables, sections separated by a
// title row) or ?format=pdf (the figures as tables, for a management review or a client meeting;
// a staff document, so times are in the organization's zone with UTC beside them).
async function handleGET(req: Request) {
  const auth = await authorize("dashboard:view");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "No such export.");
  const viewer = auth.viewer;
  const now = new Date();
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const format = params.format ?? "csv";
  if (format !== "csv" && format !== "pdf")
    return apiError("VALIDATION_FAILED", "format must be csv or pdf.", {
      fieldErrors: { format: ["Choose csv or pdf."] },
    });
  const { query, errors } = parseDashboardQuery(params, viewer.timeZone, now);
  if (errors.length) return apiError("VALIDATION_FAILED", errors.join(" "));
  const clientId = query.clientId && viewer.clientIds.includes(query.clientId) ? query.clientId : null;
  const refused = await recordDownload(
    viewer,
    { kind: format === "pdf" ? "export.dashboard_pdf" : "export.dashboard_csv", targetType: "Dashboard", clientId },
    req,
  );
  if (refused) return refused;
  const figures = await dashboardFigures(viewer, query);
  const { open, late, windows, k, perClient, weekly } = figures.value;
  if (format === "pdf") {
    const [organization, clients] = await Promise.all([
      getOrganizationOverview(viewer),
      listVisibleClientsCached(viewer),
    ]);
    const meta = {
      organization: organization.name,
      scope: query.clientId
        ? (clients.find((c) => c.id === query.clientId)?.name ?? "no client of yours")
        : "all clients",
      fromDay: query.fromDay,
      toDay: query.toDay,
      asOf: formatInstantWithUtc(figures.asOf, viewer.timeZone),
    };
    const pdf = await renderPdf(
      dashboardReportDocument(
        { ...meta, figures: figures.value },
        { preparedFor: viewer.name, timeZone: viewer.timeZone },
      ),
    );
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="dashboard-${query.fromDay}-${query.toDay}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  }
  const hours = (s: number | null) => (s === null ? "" : (s / 3600).toFixed(2));
  async function* rows() {
    yield [
      [
        "Warden dashboard",
        `${query.fromDay} to ${query.toDay}`,
        query.clientId ? `client ${query.clientId}` : "all clients",
        `figures as of ${figures.asOf.toISOString()}`,
      ],
      [],
      ["Open incidents by", "Value", "Count"],
      ...(["phase", "severity", "type", "client"] as const).flatMap((dim) =>
        open[dim].map((r) => [dim, r.key, r.count]),
      ),
      [],
      ["Response time", "Median (hours)", "Mean (hours)", "Incidents measured"],
      ...(["detect", "contain", "resolve", "close"] as const).map((m) => [
        m,
        hours(k[m].median),
        hours(k[m].mean),
        k[m].n,
      ]),
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

export const GET = withApiErrors("/api/exports/dashboard GET", handleGET);
