import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { sqlRows } from "../../db";
import { auditKey } from "../../audit-key";
import { chainSoon } from "../../audit-chainer";
import { normalizeIp } from "../../client-ip";
import { log } from "../../log";
import { sealAlertPayload } from "../../crypto/alert-payload";
import { integrationByKeyHash, forgetIntegration, type IntegrationCredentials } from "./integration-credentials";
import { apiKeyHash, bearerKey } from "@/domain/alerts/api-key";
import {
  checkTimestamp,
  parseSignatureHeader,
  signatureMatches,
  SIGNATURE_WINDOW_SECONDS,
} from "@/domain/alerts/signature";
import { alertFingerprint, GROUPING_WINDOW_MS } from "@/domain/alerts/fingerprint";
import { mapPayload } from "@/domain/alerts/mappings/map-payload";
import { pendingSeal } from "@/domain/audit/chain";
import { SEVERITIES } from "@/domain/incident/types";
import { genericAlertSchema } from "@/lib/validation/alert";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";

/** Bodies above this are refused (413) before they are read in full. */
export const ALERT_BODY_MAX_BYTES = 256 * 1024;
/** The raw payload kept with an alert: its first 64 KiB (rawTruncated says when it was longer). */
export const RAW_PAYLOAD_MAX_BYTES = 64 * 1024;

export type IngestRequest = {
  authorization: string | null;
  timestamp: string | null;
  signature: string | null;
  body: Uint8Array;
  /** ?client= on the URL: the client (id or name) when the payload names none. */
  clientParam: string | null;
  ip: string | null;
  now: Date;
};

export type IngestOutcome =
  | { kind: "created" | "grouped" | "duplicate"; alertId: string }
  | { kind: "unauthenticated" }
  | { kind: "bad_signature"; message: string }
  | { kind: "replayed" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "malformed_json"; message: string }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  | { kind: "client_not_found" }
  | { kind: "unavailable" };

type Row = { outcome: "created" | "grouped" | "duplicate" | "replay" | "retry" | "stale"; alert_id: string | null };

// The alert each recent fingerprint was grouped onto, in this process: the guess that lets the
// audit entry of a repeat be sealed before the statement runs (a wrong guess costs one retry).
const groupGuess = new Map<string, string>();
const GUESS_MAX = 20_000;
function rememberGroup(fingerprint: string, alertId: string) {
  if (groupGuess.size >= GUESS_MAX) groupGuess.clear();
  groupGuess.set(fingerprint, alertId);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

async function authenticate(
  req: IngestRequest,
  fresh: boolean,
): Promise<
  | { ok: true; integration: IntegrationCredentials; signature: string; seconds: number }
  | { ok: false; outcome: IngestOutcome }
> {
  const key = bearerKey(req.authorization);
  if (!key) return { ok: false, outcome: { kind: "unauthenticated" } };
  const keyHash = apiKeyHash(key);
  let integration = await integrationByKeyHash(keyHash, { fresh });
  if (!integration) return { ok: false, outcome: { kind: "unauthenticated" } };
  const stamp = checkTimestamp(req.timestamp, req.now);
  if (!stamp.ok)
    return {
      ok: false,
      outcome: {
        kind: "bad_signature",
        message:
          stamp.reason === "malformed"
            ? "X-Warden-Timestamp must be the Unix time in seconds."
            : `X-Warden-Timestamp is more than ${SIGNATURE_WINDOW_SECONDS / 60} minutes ${stamp.reason === "stale" ? "old" : "in the future"}: sign the post when it is sent.`,
      },
    };
  const signature = parseSignatureHeader(req.signature);
  if (!signature)
    return {
      ok: false,
      outcome: {
        kind: "bad_signature",
        message: 'X-Warden-Signature must be sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">.',
      },
    };
  if (integration.secret === null) {
    log.error("alerts.signing_secret_unopenable", { integrationId: integration.id });
    return { ok: false, outcome: { kind: "unavailable" } };
  }
  let matches = signatureMatches(integration.secret, String(stamp.seconds), req.body, signature);
  if (!matches && !fresh && Date.now() - integration.loadedAt > 1_000) {
    // the secret may have been rotated since this process read it
    integration = await integrationByKeyHash(keyHash, { fresh: true });
    if (!integration) return { ok: false, outcome: { kind: "unauthenticated" } };
    matches =
      integration.secret !== null && signatureMatches(integration.secret, String(stamp.seconds), req.body, signature);
  }
  if (!matches)
    return {
      ok: false,
      outcome: { kind: "bad_signature", message: "The signature does not match the body and timestamp." },
    };
  return { ok: true, integration, signature, seconds: stamp.seconds };
}

function resolveClient(integration: IntegrationCredentials, named: string | undefined): string | null | "unnamed" {
  if (named === undefined) {
    if (integration.defaultClientId) return integration.defaultClientId;
    const [only, ...others] = integration.clients;
    return only && others.length === 0 ? only.id : "unnamed";
  }
  const lower = named.toLowerCase();
  return integration.clients.find((c) => c.id === named || c.name.toLowerCase() === lower)?.id ?? null;
}

/**
 * POST /api/v1/alerts: authenticates the key and signature, counts the post against the key's
 * rate, maps the payload by the integration's format, checks it, and records it in one
 * statement (warden_ingest_alert): created, grouped onto a recent alert with the same
 * fingerprint, or answered as a duplicate — with its audit entry in the same transaction.
 */
export async function ingestAlert(req: IngestRequest, attempt = 0): Promise<IngestOutcome> {
  const auth = await authenticate(req, attempt > 0);
  if (!auth.ok) return auth.outcome;
  const { integration, signature, seconds } = auth;

  const windowStart = new Date(Math.floor(req.now.getTime() / 60_000) * 60_000);
  if (attempt === 0) {
    const [hit] = await sqlRows<{ hits: number }>(
      Prisma.sql`SELECT warden_ingest_rate_hit(${integration.id}::uuid, ${windowStart}::timestamp) AS hits`,
      { hot: true },
    );
    if ((hit?.hits ?? 0) > integration.rateLimitPerMinute)
      return {
        kind: "rate_limited",
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - req.now.getTime()) / 1000)),
      };
  }

  let text: string;
  let payload: unknown;
  try {
    text = utf8.decode(req.body);
    payload = JSON.parse(text);
  } catch {
    return { kind: "malformed_json", message: "The body is not valid JSON (UTF-8)." };
  }
  const mapped = mapPayload(integration.format, payload, req.now);
  if (!mapped.ok) return { kind: "invalid", fieldErrors: mapped.fieldErrors };
  const candidate =
    mapped.alert.client === undefined && req.clientParam ? { ...mapped.alert, client: req.clientParam } : mapped.alert;
  const parsed = genericAlertSchema.safeParse(candidate);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const alert = parsed.data;
  const clientId = resolveClient(integration, alert.client);
  if (clientId === "unnamed")
    return {
      kind: "invalid",
      fieldErrors: { client: ["Name the client: this key posts for several and has no default."] },
    };
  if (clientId === null) return { kind: "client_not_found" };

  const truncated = req.body.length > RAW_PAYLOAD_MAX_BYTES;
  const raw = truncated ? Buffer.from(req.body.subarray(0, RAW_PAYLOAD_MAX_BYTES)).toString("utf8") : text;
  const newId = randomUUID();
  const sealed = sealAlertPayload(newId, raw);
  const fingerprint = alertFingerprint({ source: alert.source, clientId, title: alert.title, assets: alert.assets });
  const nonce = createHash("sha256").update(`${integration.id}:${signature}`).digest("hex");
  const nonceExpires = new Date((seconds + SIGNATURE_WINDOW_SECONDS + 60) * 1000);
  const ip = normalizeIp(req.ip);
  const actorLabel = `Integration: ${integration.name}`.slice(0, 200);
  const changes = {
    integrationId: integration.id,
    clientId,
    source: alert.source,
    externalId: alert.externalId,
    severity: alert.severity,
  };
  const key = auditKey();
  const seal = (id: string, action: string, entityId: string) =>
    pendingSeal(
      id,
      {
        organizationId: integration.organizationId,
        at: req.now,
        actorId: null,
        actorLabel,
        action,
        entityType: "alert",
        entityId,
        incidentId: null,
        changes,
        requestId: null,
        ip,
      },
      key,
    );
  const createdAudit = randomUUID();
  const createdSeal = seal(createdAudit, "alert.created", newId);

  // The rate count above runs on the hot pool (a prepared statement); the write on the main pool,
  // whose connections carry the lock timeout, so the two never wait for each other's connections.
  let guess = groupGuess.get(fingerprint) ?? null;
  for (let round = 0; round < 4; round++) {
    const groupedAudit = randomUUID();
    const groupedSeal = guess ? seal(groupedAudit, "alert.grouped", guess) : createdSeal;
    const [row] = await sqlRows<Row>(
      Prisma.sql`SELECT outcome, alert_id FROM warden_ingest_alert(
        ${integration.id}::uuid, ${integration.credentialVersion}::int, ${integration.organizationId}::uuid, ${clientId}::uuid,
        ${nonce}::char(64), ${nonceExpires}::timestamp, ${req.now}::timestamp,
        ${alert.source}, ${alert.externalId}, ${fingerprint}::char(64), ${new Date(req.now.getTime() - GROUPING_WINDOW_MS)}::timestamp,
        ${guess}::uuid, ${newId}::uuid,
        ${alert.title}, ${alert.type ?? null}::"IncidentType", ${alert.severity}::"Severity", ${SEVERITIES.indexOf(alert.severity) + 1}::smallint, ${new Date(alert.observedAt)}::timestamp,
        ${alert.dataCategories}::"DataCategory"[], ${alert.assets}::text[], ${alert.jurisdictions}::text[],
        ${sealed.rawPayload}, ${truncated}, ${sealed.payloadKey}::bytea, ${sealed.payloadMasterKeyId},
        ${actorLabel}, ${JSON.stringify(changes)}::jsonb, ${ip},
        ${createdAudit}::uuid, ${createdSeal}::char(64), ${groupedAudit}::uuid, ${groupedSeal}::char(64))`,
    );
    if (!row) throw new Error("warden_ingest_alert returned no row");
    const alertId = row.alert_id ?? "";
    switch (row.outcome) {
      case "retry":
        guess = row.alert_id;
        continue;
      case "stale":
        forgetIntegration(integration.id);
        return attempt === 0 ? ingestAlert(req, 1) : { kind: "unauthenticated" };
      case "replay":
        return { kind: "replayed" };
      case "duplicate":
        return { kind: "duplicate", alertId };
      case "created":
      case "grouped":
        rememberGroup(fingerprint, alertId);
        void chainSoon(integration.organizationId);
        return { kind: row.outcome, alertId };
    }
  }
  throw new Error("alert grouping kept changing under this post");
}
