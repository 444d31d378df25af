import { NextResponse } from "next/server";
import { apiError } from "@/lib/api-error";
import { withApiErrors } from "@/server/api-handler";
import { clientIp } from "@/server/client-ip";
import { ingestAlert, type IngestOutcome } from "@/server/services/alerts/ingest-alert";
import { ALERT_BODY_MAX_BYTES } from "@/domain/alerts/limits";
import { readBodyLimited } from "@/server/read-body-limited";

export const dynamic = "force-dynamic";

// POST /api/v1/alerts — alerts from the security tools of an integration. The API key and the
// body's HMAC signature are the authority (no session); the integration's format decides how
// the body is read. Contract: src/server/openapi/alerts-openapi.ts (served at /api/v1/openapi.json).

const NO_STORE = { "cache-control": "no-store" };

function answer(outcome: IngestOutcome): Response {
  switch (outcome.kind) {
    case "created":
      return NextResponse.json({ status: "created", alertId: outcome.alertId }, { status: 201, headers: NO_STORE });
    case "grouped":
    case "duplicate":
      return NextResponse.json({ status: outcome.kind, alertId: outcome.alertId }, { status: 200, headers: NO_STORE });
    case "batch":
      return NextResponse.json({ status: "batch", results: outcome.results }, { status: 200, headers: NO_STORE });
    case "unauthenticated":
      return apiError("UNAUTHENTICATED", "Send a live API key: Authorization: Bearer <key>.");
    case "bad_signature":
      return apiError("INVALID_SIGNATURE", outcome.message);
    case "replayed":
      return apiError("REPLAYED", "This signed post was already received: sign each post afresh.");
    case "rate_limited":
      return apiError("RATE_LIMITED", "Too many alerts from this key this minute.", {
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    case "malformed_json":
      return apiError("MALFORMED_JSON", outcome.message);
    case "invalid":
      return apiError("VALIDATION_FAILED", "The alert has invalid fields.", { fieldErrors: outcome.fieldErrors });
    case "client_not_found":
      return apiError("NOT_FOUND", "No such client for this key.");
    case "unavailable":
      return apiError("UNAVAILABLE", "Alerts cannot be accepted right now; try again shortly.", {
        retryAfterSeconds: 30,
      });
  }
}

async function handlePOST(request: Request) {
  const body = await readBodyLimited(request, ALERT_BODY_MAX_BYTES);
  if (body === null)
    return apiError("PAYLOAD_TOO_LARGE", `The body is larger than ${ALERT_BODY_MAX_BYTES / 1024} KiB.`);
  const h = request.headers;
  const outcome = await ingestAlert({
    authorization: h.get("authorization"),
    timestamp: h.get("x-warden-timestamp"),
    signature: h.get("x-warden-signature"),
    body,
    clientParam: new URL(request.url).searchParams.get("client"),
    ip: clientIp(h),
    now: new Date(),
  });
  return answer(outcome);
}

export const POST = withApiErrors("/api/v1/alerts POST", handlePOST);
