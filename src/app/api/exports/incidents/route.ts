import { authorize } from "@/server/viewer";
import { countIncidentRows, iterateIncidentRows } from "@/server/data/incidents";
import { parseIncidentListQuery } from "@/lib/validation/incident-list";
import { apiError } from "@/lib/api-error";
import { recordDownload } from "@/server/read-log";
import { csvResponse } from "@/lib/csv";
import { withApiErrors } from "@/server/api-handler";

export const dynamic = "force-dynamic";

// The incident list as CSV, with the same filters as the page (all pages, streamed).
async function handleGET(req: Request) {
  const auth = await authorize("report:export");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "No such export.");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const { query, ignored } = parseIncidentListQuery(params);
  if (ignored.length) {
    return apiError("VALIDATION_FAILED", `Invalid filter: ${ignored.join(", ")}.`, {
      fieldErrors: Object.fromEntries(ignored.map((k) => [k, ["Invalid value."]])),
    });
  }
  const viewer = auth.viewer;
  const refused = await recordDownload(
    viewer,
    {
      kind: "export.incidents_csv",
      targetType: "IncidentList",
      clientId: query.clientId && viewer.clientIds.includes(query.clientId) ? query.clientId : null,
    },
    req,
  );
  if (refused) return refused;
  async function* rows() {
    yield [
      [
        "Reference",
        "Title",
        "Client",
        "Type",
        "Severity",
        "Phase",
        "Owner",
        "Aware at (UTC)",
        "Closed at (UTC)",
        "Last change (UTC)",
      ],
    ];
    for await (const batch of iterateIncidentRows(viewer, { ...query, cursor: undefined })) {
      yield batch.map((r) => [
        r.reference,
        r.title,
        r.clientName,
        r.type,
        r.severity,
        r.phase,
        r.ownerName ?? "",
        r.awareAt,
        r.closedAt ?? "",
        r.updatedAt,
      ]);
    }
  }
  const total = await countIncidentRows(viewer, query);
  return csvResponse(`incidents-${new Date().toISOString().slice(0, 10)}.csv`, rows(), total + 1); // + the header row
}

export const GET = withApiErrors("/api/exports/incidents GET", handleGET);
