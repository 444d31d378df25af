import { authorize } from "@/server/viewer";
import { db } from "@/server/db";
import { incidentWhere } from "@/server/data/scope";
import { verifyIncidentEvents } from "@/server/data/verify-audit-chain";
import { auditKey } from "@/server/audit-key";
import { parseId } from "@/lib/validation/ids";
import { apiError } from "@/lib/api-error";
import { recordDownload } from "@/server/read-log";
import { csvResponse } from "@/lib/csv";
import { canonicalJson } from "@/domain/audit/chain";

export const dynamic = "force-dynamic";

// An incident's audit trail as CSV, first line saying whether its links in the chain verify.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("audit:read");
  if (!auth.ok) return auth.code === "UNAUTHENTICATED" ? apiError("UNAUTHENTICATED", "Sign in first.") : apiError("NOT_FOUND", "No such incident.");
  const id = parseId((await params).id);
  const incident = id ? await db().incident.findFirst({ where: incidentWhere(auth.viewer, { id }), select: { id: true, reference: true, organizationId: true } }) : null;
  if (!incident) return apiError("NOT_FOUND", "No such incident.");
  const refused = await recordDownload(auth.viewer, { kind: "audit.csv", targetType: "Incident", targetId: incident.id, incidentId: incident.id }, req);
  if (refused) return refused;
  const { events, broken } = await verifyIncidentEvents(db(), incident.organizationId, incident.id, auditKey());
  const verdict = broken
    ? `Chain does NOT verify: event #${broken.seq}: ${broken.reason}`
    : `Chain verifies: all ${events.length} events hash correctly and link to their predecessors`;
  async function* rows() {
    yield [
      [`Audit trail of ${incident!.reference}`, verdict, `exported ${new Date().toISOString()}`],
      ["Seq", "At (UTC)", "Actor", "Action", "Entity", "Entity id", "Changes", "Request id", "IP", "Previous hash", "Hash"],
      ...events.map((e) => [e.seq, e.at, e.actorLabel, e.action, e.entityType, e.entityId ?? "", e.changes ? canonicalJson(e.changes) : "", e.requestId ?? "", e.ip ?? "", e.prevHash, e.hash]),
    ];
  }
  return csvResponse(`${incident.reference}-audit.csv`, rows());
}
