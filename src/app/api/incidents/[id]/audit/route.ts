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
import { withApiErrors } from "@/server/api-handler";
import { readCipher } from "@/server/crypto/incident-keys";
import { openChanges } from "@/server/crypto/sealed-changes";

export const dynamic = "force-dynamic";

// An incident's audit trail as CSV, first line saying whether its links in the chain verify.
async function handleGET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("audit:read");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "No such incident.");
  const id = parseId((await params).id);
  const incident = id
    ? await db().incident.findFirst({
        where: incidentWhere(auth.viewer, { id }),
        select: { id: true, reference: true, organizationId: true },
      })
    : null;
  if (!incident) return apiError("NOT_FOUND", "No such incident.");
  const refused = await recordDownload(
    auth.viewer,
    { kind: "audit.csv", targetType: "Incident", targetId: incident.id, incidentId: incident.id },
    req,
  );
  if (refused) return refused;
  const [{ events, broken }, cipher] = await Promise.all([
    verifyIncidentEvents(db(), incident.organizationId, incident.id, auditKey()),
    readCipher(db(), incident.id),
  ]);
  const { reference } = incident;
  const verdict = broken
    ? `Chain does NOT verify: event #${broken.seq}: ${broken.reason}`
    : `Chain verifies: all ${events.length} events hash correctly and link to their predecessors`;
  async function* rows() {
    yield [
      [`Audit trail of ${reference}`, verdict, `exported ${new Date().toISOString()}`],
      // text sealed under the incident's key is shown opened (or as erased); the hashes are over what is stored
      [
        "Seq",
        "At (UTC)",
        "Actor",
        "Action",
        "Entity",
        "Entity id",
        "Changes",
        "Request id",
        "IP",
        "Previous hash",
        "Hash",
      ],
      ...events.map((e) => [
        e.seq,
        e.at,
        e.actorLabel,
        e.action,
        e.entityType,
        e.entityId ?? "",
        e.changes ? canonicalJson(openChanges(cipher, e.changes)) : "",
        e.requestId ?? "",
        e.ip ?? "",
        e.prevHash,
        e.hash,
      ]),
    ];
  }
  return csvResponse(`${incident.reference}-audit.csv`, rows());
}

export const GET = withApiErrors("/api/incidents/[id]/audit GET", handleGET);
