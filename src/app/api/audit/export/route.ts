import { authorize } from "@/server/viewer";
import { auditFilterOptions, resolveAuditFilter } from "@/server/data/audit-filters";
import { iterateAuditLog } from "@/server/data/audit-log";
import { recordDownload } from "@/server/read-log";
import { parseAuditLogQuery } from "@/lib/validation/audit-log";
import { apiError } from "@/lib/api-error";
import { csvResponse } from "@/lib/csv";
import { withApiErrors } from "@/server/api-handler";
import { canonicalJson } from "@/domain/audit/chain";
import { isReadKind, readKindLabel } from "@/domain/audit/read-kinds";

export const dynamic = "force-dynamic";

// The audit page's view as CSV: the same filters, every page, changes or reads. Itself a read.
async function handleGET(req: Request) {
  const auth = await authorize("audit:read");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "No such export.");
  const viewer = auth.viewer;
  const { query, fieldErrors: formatErrors } = parseAuditLogQuery(
    Object.fromEntries(new URL(req.url).searchParams),
    viewer.timeZone,
  );
  const { filter, fieldErrors: scopeErrors } = await resolveAuditFilter(
    viewer,
    query,
    await auditFilterOptions(viewer),
  );
  const { _form: _badPageLink, ...fieldErrors } = { ...formatErrors, ...scopeErrors }; // an export has no page: a cursor is moot
  if (Object.keys(fieldErrors).length)
    return apiError("VALIDATION_FAILED", "Correct the filters of the export.", { fieldErrors });
  const refused = await recordDownload(
    viewer,
    { kind: "export.audit_csv", targetType: "AuditLog", incidentId: filter.incidentId, clientId: filter.clientId },
    req,
  );
  if (refused) return refused;
  const reads = isReadKind(filter.kind);
  async function* rows() {
    yield [
      reads
        ? [
            "At (UTC)",
            "Person",
            "Role",
            "Kind",
            "What",
            "Target",
            "Target id",
            "Incident",
            "Client",
            "Request id",
            "IP",
          ]
        : [
            "Seq",
            "At (UTC)",
            "Actor",
            "Action",
            "What",
            "Entity",
            "Entity id",
            "Incident",
            "Changes",
            "Request id",
            "IP",
          ],
    ];
    for await (const page of iterateAuditLog(viewer, filter)) {
      if (page.view === "reads") {
        yield page.rows.map((r) => [
          r.at,
          r.actorLabel,
          r.actorRole,
          r.kind,
          readKindLabel(r.kind),
          r.targetType,
          r.targetId ?? "",
          r.incidentReference ?? "",
          r.clientName ?? "",
          r.requestId ?? "",
          r.ip ?? "",
        ]);
      } else {
        yield page.rows.map((r) => [
          r.seq,
          r.at,
          r.actorLabel,
          r.action,
          r.text,
          r.entityType,
          r.entityId ?? "",
          r.incidentReference ?? "",
          r.changes ? canonicalJson(r.changes) : "",
          r.requestId ?? "",
          r.ip ?? "",
        ]);
      }
    }
  }
  return csvResponse(`audit-${reads ? "reads" : "changes"}-${new Date().toISOString().slice(0, 10)}.csv`, rows());
}

export const GET = withApiErrors("/api/audit/export GET", handleGET);
