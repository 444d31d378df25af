import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlRows } from "../../db";
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
import { genericAlertSchema, type AlertCandidate, type GenericAlert } from "@/lib/validation/alert";
import { isObject } from "@/domain/alerts/mappings/payload-path";
import { ALERT_BATCH_MAX, RAW_PAYLOAD_MAX_BYTES } from "@/domain/alerts/limits";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";

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
  | { kind: "batch"; results: Array<{ status: "created" | "grouped" | "duplicate"; alertId: string }> }
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

/** One alert ready to record: checked, its client resolved, its raw payload and fingerprint made. */
type Prepared = { alert: GenericAlert; clientId: string; raw: string; truncated: boolean; fingerprint: string };

function prepare(
  integration: IntegrationCredentials,
  candidate: AlertCandidate,
  clientParam: string | null,
  raw: string,
  truncated: boolean,
  prefix = "",
): { ok: true; prepared: Prepared } | { ok: false; outcome: IngestOutcome } {
  const withClient = candidate.client === undefined && clientParam ? { ...candidate, client: clientParam } : candidate;
  const parsed = genericAlertSchema.safeParse(withClient);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return {
      ok: false,
      outcome: {
        kind: "invalid",
        fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [prefix + k, v])),
      },
    };
  }
  const alert = parsed.data;
  const clientId = resolveClient(integration, alert.client);
  if (clientId === "unnamed")
    return {
      ok: false,
      outcome: {
        kind: "invalid",
        fieldErrors: { [`${prefix}client`]: ["Name the client: this key posts for several and has no default."] },
      },
    };
  if (clientId === null) return { ok: false, outcome: { kind: "client_not_found" } };
  const fingerprint = alertFingerprint({ source: alert.source, clientId, title: alert.title, assets: alert.assets });
  return { ok: true, prepared: { alert, clientId, raw, truncated, fingerprint } };
}

type Recorded = { outcome: "created" | "grouped" | "duplicate" | "replay" | "stale"; alertId: string };
type RecordContext = {
  integration: IntegrationCredentials;
  now: Date;
  /** The post's signature digest, or null when the batch recorded it already. */
  nonce: string | null;
  nonceExpires: Date;
  ip: string | null;
  run: (query: Prisma.Sql) => Promise<Row[]>;
};

/** One alert through warden_ingest_alert, with its audit entry sealed for either outcome. */
async function record(ctx: RecordContext, p: Prepared): Promise<Recorded> {
  const { integration, now, ip } = ctx;
  const { alert, clientId, fingerprint } = p;
  const newId = randomUUID();
  const sealed = sealAlertPayload(newId, p.raw);
  const actorLabel = `Integration: ${integration.name}`.slice(0, 200);
  const changes = {
    integrationId: integration.id,
    clientId,
    source: alert.source,
    externalId: alert.externalId,
    severity: alert.severity,
  };
  const key = auditKey();
  const seal = entrySeal(integration.organizationId, now, actorLabel, ip, changes, key);
  const createdAudit = randomUUID();
  const createdSeal = seal(createdAudit, "alert.created", newId);
  let guess = groupGuess.get(fingerprint) ?? null;
  for (let round = 0; round < 4; round++) {
    const groupedAudit = randomUUID();
    const groupedSeal = guess ? seal(groupedAudit, "alert.grouped", guess) : createdSeal;
    const [row] = await ctx.run(
      Prisma.sql`SELECT outcome, alert_id FROM warden_ingest_alert(
        ${integration.id}::uuid, ${integration.credentialVersion}::int, ${integration.organizationId}::uuid, ${clientId}::uuid,
        ${ctx.nonce}::char(64), ${ctx.nonceExpires}::timestamp, ${now}::timestamp,
        ${alert.source}, ${alert.externalId}, ${fingerprint}::char(64), ${new Date(now.getTime() - GROUPING_WINDOW_MS)}::timestamp,
        ${guess}::uuid, ${newId}::uuid,
        ${alert.title}, ${alert.type ?? null}::"IncidentType", ${alert.severity}::"Severity", ${SEVERITIES.indexOf(alert.severity) + 1}::smallint, ${new Date(alert.observedAt)}::timestamp,
        ${alert.dataCategories}::"DataCategory"[], ${alert.assets}::text[], ${alert.jurisdictions}::text[],
        ${sealed.rawPayload}, ${p.truncated}, ${sealed.payloadKey}::bytea, ${sealed.payloadMasterKeyId},
        ${actorLabel}, ${JSON.stringify(changes)}::jsonb, ${ip},
        ${createdAudit}::uuid, ${createdSeal}::char(64), ${groupedAudit}::uuid, ${groupedSeal}::char(64))`,
    );
    if (!row) throw new Error("warden_ingest_alert returned no row");
    if (row.outcome === "retry") {
      guess = row.alert_id;
      continue;
    }
    const alertId = row.alert_id ?? "";
    if (row.outcome === "created" || row.outcome === "grouped") rememberGroup(fingerprint, alertId);
    return { outcome: row.outcome, alertId };
  }
  throw new Error("alert grouping kept changing under this post");
}

/**
 * A batch's alerts through warden_ingest_alert in one statement per round (inside the caller's
 * transaction), in the order given (fingerprint order: see ingestAlert). An alert whose grouping
 * guess was wrong wrote nothing and goes again in the next round with the alert it found (a
 * later alert of the batch finds the one an earlier alert of it made: the function sees the
 * statement's earlier writes).
 */
async function recordBatch(
  ctx: Omit<RecordContext, "nonce">,
  items: ReadonlyArray<{ p: Prepared; i: number }>,
): Promise<Map<number, Recorded>> {
  const { integration, now, ip } = ctx;
  const actorLabel = `Integration: ${integration.name}`.slice(0, 200);
  const key = auditKey();
  const built = items.map(({ p, i }) => {
    const newId = randomUUID();
    const sealed = sealAlertPayload(newId, p.raw);
    const changes = {
      integrationId: integration.id,
      clientId: p.clientId,
      source: p.alert.source,
      externalId: p.alert.externalId,
      severity: p.alert.severity,
    };
    const seal = entrySeal(integration.organizationId, now, actorLabel, ip, changes, key);
    const createdAudit = randomUUID();
    return {
      i,
      p,
      seal,
      guess: groupGuess.get(p.fingerprint) ?? null,
      row: {
        clientId: p.clientId,
        source: p.alert.source,
        externalId: p.alert.externalId,
        fingerprint: p.fingerprint,
        newId,
        title: p.alert.title,
        type: p.alert.type ?? null,
        severity: p.alert.severity,
        rank: SEVERITIES.indexOf(p.alert.severity) + 1,
        observedAt: new Date(p.alert.observedAt).toISOString(),
        categories: p.alert.dataCategories,
        assets: p.alert.assets,
        jurisdictions: p.alert.jurisdictions,
        raw: sealed.rawPayload,
        truncated: p.truncated,
        payloadKey: Buffer.from(sealed.payloadKey).toString("base64"),
        mk: sealed.payloadMasterKeyId,
        changes,
        createdAudit,
        createdSeal: seal(createdAudit, "alert.created", newId),
      },
    };
  });
  const out = new Map<number, Recorded>();
  let pending = built;
  for (let round = 0; round < 4 && pending.length; round++) {
    const rows = pending.map((b) => {
      const groupedAudit = randomUUID();
      return {
        ...b.row,
        guess: b.guess,
        groupedAudit,
        groupedSeal: b.guess ? b.seal(groupedAudit, "alert.grouped", b.guess) : b.row.createdSeal,
      };
    });
    const answers = await ctx.run(
      Prisma.sql`SELECT o.outcome, o.alert_id
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS e(r, n)
      CROSS JOIN LATERAL warden_ingest_alert(
        ${integration.id}::uuid, ${integration.credentialVersion}::int, ${integration.organizationId}::uuid, (e.r->>'clientId')::uuid,
        NULL::char(64), ${ctx.nonceExpires}::timestamp, ${now}::timestamp,
        e.r->>'source', e.r->>'externalId', (e.r->>'fingerprint')::char(64), ${new Date(now.getTime() - GROUPING_WINDOW_MS)}::timestamp,
        (e.r->>'guess')::uuid, (e.r->>'newId')::uuid,
        e.r->>'title', (e.r->>'type')::"IncidentType", (e.r->>'severity')::"Severity", (e.r->>'rank')::smallint,
        ((e.r->>'observedAt')::timestamptz AT TIME ZONE 'UTC'),
        ARRAY(SELECT jsonb_array_elements_text(e.r->'categories'))::"DataCategory"[],
        ARRAY(SELECT jsonb_array_elements_text(e.r->'assets')), ARRAY(SELECT jsonb_array_elements_text(e.r->'jurisdictions')),
        e.r->>'raw', (e.r->>'truncated')::boolean, decode(e.r->>'payloadKey', 'base64'), e.r->>'mk',
        ${actorLabel}, e.r->'changes', ${ip},
        (e.r->>'createdAudit')::uuid, (e.r->>'createdSeal')::char(64), (e.r->>'groupedAudit')::uuid, (e.r->>'groupedSeal')::char(64)) o
      ORDER BY e.n`,
    );
    const retry: typeof built = [];
    for (const [k, answer] of answers.entries()) {
      const b = pending[k];
      if (!b) continue;
      if (answer.outcome === "retry") {
        retry.push({ ...b, guess: answer.alert_id });
        continue;
      }
      const alertId = answer.alert_id ?? "";
      if (answer.outcome === "created" || answer.outcome === "grouped") rememberGroup(b.p.fingerprint, alertId);
      out.set(b.i, { outcome: answer.outcome, alertId });
    }
    pending = retry;
  }
  if (pending.length) throw new Error("alert grouping kept changing under this batch");
  return out;
}

class StaleCredentials extends Error {}

/** The raw payload kept for an alert: its first 64 KiB. */
function keptRaw(bytes: Uint8Array, text: string): { raw: string; truncated: boolean } {
  return bytes.length > RAW_PAYLOAD_MAX_BYTES
    ? { raw: Buffer.from(bytes.subarray(0, RAW_PAYLOAD_MAX_BYTES)).toString("utf8"), truncated: true }
    : { raw: text, truncated: false };
}

/**
 * POST /api/v1/alerts: authenticates the key and signature, maps the payload by the
 * integration's format, counts its alerts against the key's rate, checks them, and records each
 * in one statement (warden_ingest_alert): created, grouped onto a recent alert with the same
 * fingerprint, or answered as a duplicate — with its audit entry in the same transaction. A
 * generic body { "alerts": [ … ] } (up to ALERT_BATCH_MAX) is recorded in one transaction:
 * all of it, or nothing when any alert is refused.
 */
/** The seal of an alert's audit entry (the ingest function writes it in SQL; the chainer checks it like any other). */
function entrySeal(
  organizationId: string,
  at: Date,
  actorLabel: string,
  ip: string | null,
  changes: Record<string, unknown>,
  key: Uint8Array,
) {
  return (id: string, action: string, entityId: string) =>
    pendingSeal(
      id,
      {
        organizationId,
        at,
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
}

export async function ingestAlert(req: IngestRequest, attempt = 0): Promise<IngestOutcome> {
  const auth = await authenticate(req, attempt > 0);
  if (!auth.ok) return auth.outcome;
  const { integration, signature, seconds } = auth;

  let text: string;
  let payload: unknown;
  try {
    text = utf8.decode(req.body);
    payload = JSON.parse(text);
  } catch {
    return { kind: "malformed_json", message: "The body is not valid JSON (UTF-8)." };
  }
  const batch =
    integration.format === "GENERIC" && isObject(payload) && Array.isArray(payload.alerts) ? payload.alerts : null;
  if (batch && (batch.length === 0 || batch.length > ALERT_BATCH_MAX))
    return { kind: "invalid", fieldErrors: { alerts: [`Send from 1 to ${ALERT_BATCH_MAX} alerts.`] } };

  const windowStart = new Date(Math.floor(req.now.getTime() / 60_000) * 60_000);
  if (attempt === 0) {
    const [hit] = await sqlRows<{ hits: number }>(
      Prisma.sql`SELECT warden_ingest_rate_hit(${integration.id}::uuid, ${windowStart}::timestamp, ${batch?.length ?? 1}::int) AS hits`,
      { hot: true },
    );
    if ((hit?.hits ?? 0) > integration.rateLimitPerMinute)
      return {
        kind: "rate_limited",
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - req.now.getTime()) / 1000)),
      };
  }

  const nonce = createHash("sha256").update(`${integration.id}:${signature}`).digest("hex");
  const nonceExpires = new Date((seconds + SIGNATURE_WINDOW_SECONDS + 60) * 1000);
  const ip = normalizeIp(req.ip);

  if (!batch) {
    const mapped = mapPayload(integration.format, payload, req.now);
    if (!mapped.ok) return { kind: "invalid", fieldErrors: mapped.fieldErrors };
    const { raw, truncated } = keptRaw(req.body, text);
    const ready = prepare(integration, mapped.alert, req.clientParam, raw, truncated);
    if (!ready.ok) return ready.outcome;
    // the write on the main pool, whose connections carry the lock timeout (the rate count
    // above is a prepared statement on the hot pool: the two never wait for each other)
    const r = await record(
      { integration, now: req.now, nonce, nonceExpires, ip, run: (q) => sqlRows<Row>(q) },
      ready.prepared,
    );
    if (r.outcome === "stale") {
      forgetIntegration(integration.id);
      return attempt === 0 ? ingestAlert(req, 1) : { kind: "unauthenticated" };
    }
    if (r.outcome === "replay") return { kind: "replayed" };
    if (r.outcome !== "duplicate") void chainSoon(integration.organizationId);
    return { kind: r.outcome, alertId: r.alertId };
  }

  const prepared: Prepared[] = [];
  for (const [i, item] of batch.entries()) {
    const mapped = mapPayload("GENERIC", item, req.now);
    if (!mapped.ok)
      return {
        kind: "invalid",
        fieldErrors: Object.fromEntries(Object.entries(mapped.fieldErrors).map(([k, v]) => [`alerts.${i}.${k}`, v])),
      };
    const itemText = JSON.stringify(item);
    const ready = prepare(
      integration,
      mapped.alert,
      req.clientParam,
      itemText.slice(0, RAW_PAYLOAD_MAX_BYTES),
      itemText.length > RAW_PAYLOAD_MAX_BYTES,
      `alerts.${i}.`,
    );
    if (!ready.ok) return ready.outcome;
    prepared.push(ready.prepared);
  }
  // fingerprints locked in one order by every batch: two batches never wait for each other in a circle
  const order = prepared.map((p, i) => ({ p, i })).sort((a, b) => (a.p.fingerprint < b.p.fingerprint ? -1 : 1));
  let results: Recorded[];
  try {
    results = await db()
      .$transaction(async (tx) => {
        const fresh = await tx.$executeRaw`
        INSERT INTO "IngestNonce" (id, "expiresAt") VALUES (${nonce}, ${nonceExpires}::timestamp) ON CONFLICT DO NOTHING`;
        if (fresh === 0) return null;
        const recorded = await recordBatch(
          { integration, now: req.now, nonceExpires, ip, run: (q) => tx.$queryRaw<Row[]>(q) },
          order,
        );
        const out: Recorded[] = [];
        for (let i = 0; i < prepared.length; i++) {
          const r = recorded.get(i);
          if (!r) throw new Error("a batch alert was not recorded");
          if (r.outcome === "stale") throw new StaleCredentials();
          out.push(r);
        }
        return out;
      })
      .then((r) => r ?? []);
  } catch (error) {
    if (!(error instanceof StaleCredentials)) throw error;
    forgetIntegration(integration.id);
    return attempt === 0 ? ingestAlert(req, 1) : { kind: "unauthenticated" };
  }
  if (results.length === 0) return { kind: "replayed" };
  if (results.some((r) => r.outcome !== "duplicate")) void chainSoon(integration.organizationId);
  return {
    kind: "batch",
    results: results.map((r) => ({ status: r.outcome as "created" | "grouped" | "duplicate", alertId: r.alertId })),
  };
}
