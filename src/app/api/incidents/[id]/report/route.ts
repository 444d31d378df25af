import { authorize } from "@/server/viewer";
import { getIncidentReport } from "@/server/data/incident-report";
import { incidentReportDocument, incidentReportMarkdown, reportHash } from "@/domain/reports/incident-report";
import { renderPdf } from "@/server/pdf/render-pdf";
import { apiError } from "@/lib/api-error";
import { erasedReportMessage, getIncidentRetention } from "@/server/data/retention";
import { recordDownload } from "@/server/read-log";
import { parseId } from "@/lib/validation/ids";
import { withApiErrors } from "@/server/api-handler";

export const dynamic = "force-dynamic";

// The incident report: ?format=pdf (default) or ?format=md. A staff document: times in the
// organization's zone, UTC beside them.
async function handleGET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("report:export");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "No such incident.");
  const format = new URL(req.url).searchParams.get("format") ?? "pdf";
  if (format !== "pdf" && format !== "md")
    return apiError("VALIDATION_FAILED", "format must be pdf or md.", {
      fieldErrors: { format: ["Choose pdf or md."] },
    });
  // an erased incident has no content left to report: said so, rather than a report of a tombstone
  const incidentId = parseId((await params).id);
  if (!incidentId) return apiError("NOT_FOUND", "No such incident.");
  const retention = await getIncidentRetention(auth.viewer, incidentId, new Date());
  if (retention?.erased)
    return apiError("GONE", erasedReportMessage(retention.reference, retention.erased.at, retention.erased.policy));
  const report = await getIncidentReport(auth.viewer, incidentId, new Date());
  if (!report) return apiError("NOT_FOUND", "No such incident.");
  const read = {
    kind: format === "md" ? "report.markdown" : "report.pdf",
    targetType: "Incident",
    targetId: incidentId,
    incidentId,
  } as const;
  const refused = await recordDownload(auth.viewer, read, req);
  if (refused) return refused;
  const markdown = incidentReportMarkdown(report);
  if (format === "md") {
    return new Response(markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${report.reference}-report.md"`,
        "cache-control": "private, no-store",
      },
    });
  }
  const bodyHash = reportHash(markdown.slice(0, markdown.lastIndexOf("\n---\n")));
  const pdf = await renderPdf(incidentReportDocument(report, bodyHash));
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${report.reference}-report.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}

export const GET = withApiErrors("/api/incidents/[id]/report GET", handleGET);
