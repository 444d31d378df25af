import { z } from "zod";
import { genericAlertSchema } from "@/lib/validation/alert";
import { API_ERROR_STATUS, type ApiErrorCode } from "@/lib/api-error";
import { SIGNATURE_WINDOW_SECONDS } from "@/domain/alerts/signature";
import { ALERT_BATCH_MAX } from "@/domain/alerts/limits";

// The OpenAPI 3.1 document of the alerts API, generated from the zod schemas the route uses
// (z.toJSONSchema), served at GET /api/v1/openapi.json.

const batchSchema = z.object({
  status: z.literal("batch"),
  results: z
    .array(z.object({ status: z.enum(["created", "grouped", "duplicate"]), alertId: z.uuid() }))
    .describe("One result per alert, in the order of the body."),
});

const successSchema = z.object({
  status: z
    .enum(["created", "grouped", "duplicate"])
    .describe(
      "created: a new alert (201). grouped: counted on a recent alert with the same fingerprint (200). duplicate: this source and externalId were accepted before; nothing new (200).",
    ),
  alertId: z.uuid(),
});

/** Which error codes the alerts endpoint answers, and when. */
export const ALERT_ERRORS: ReadonlyArray<{ code: ApiErrorCode; when: string }> = [
  { code: "MALFORMED_JSON", when: "The body is not valid UTF-8 JSON." },
  { code: "UNAUTHENTICATED", when: "No API key, an unknown one, or a revoked one (one answer for all three)." },
  {
    code: "INVALID_SIGNATURE",
    when: `Missing or wrong X-Warden-Signature, or an X-Warden-Timestamp more than ${SIGNATURE_WINDOW_SECONDS / 60} minutes from the server's clock.`,
  },
  { code: "NOT_FOUND", when: "The client named is not one this key may post for (or does not exist)." },
  { code: "REPLAYED", when: "This exact signed post (same signature) was already received." },
  { code: "PAYLOAD_TOO_LARGE", when: "The body is over 256 KiB." },
  { code: "VALIDATION_FAILED", when: "Fields are missing or wrong; fieldErrors names each one." },
  { code: "RATE_LIMITED", when: "The key's alerts per minute are used up; Retry-After says when to try again." },
  { code: "UNAVAILABLE", when: "The database is busy or unreachable; Retry-After says when to try again." },
];

const errorSchema = z.object({
  error: z.object({
    code: z.enum(ALERT_ERRORS.map((e) => e.code) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Each bad field (dotted path, e.g. "observedAt" or "rule.level") with its messages.'),
    requestId: z.string().optional(),
  }),
});

const vendorPayload = (description: string, required: Record<string, z.ZodType>) =>
  z.looseObject(required).describe(description);

const PAYLOADS = {
  GenericAlert: genericAlertSchema,
  GenericAlertBatch: z
    .object({ alerts: z.array(genericAlertSchema).min(1).max(ALERT_BATCH_MAX) })
    .describe(
      `Up to ${ALERT_BATCH_MAX} generic alerts in one post (format GENERIC): recorded together, or none when any is refused (fieldErrors name "alerts.<index>.<field>").`,
    ),
  SplunkWebhook: vendorPayload("Splunk webhook alert action body (format SPLUNK).", {
    sid: z.string(),
    search_name: z.string().nullable().optional(),
    app: z.string().optional(),
    owner: z.string().optional(),
    results_link: z.string().optional(),
    result: z.record(z.string(), z.unknown()).optional(),
  }),
  ElasticAlert: vendorPayload(
    "An Elastic Security alert document with ECS fields, nested or dotted (format ELASTIC); or { alerts: [document] }.",
    {
      "kibana.alert.uuid": z.string(),
      "kibana.alert.rule.name": z.string(),
      "kibana.alert.severity": z.enum(["low", "medium", "high", "critical"]).optional(),
      "@timestamp": z.string().optional(),
      "host.name": z.string().optional(),
    },
  ),
  WazuhAlert: vendorPayload("A Wazuh alert as the Integrator passes it (format WAZUH).", {
    id: z.string(),
    timestamp: z.string(),
    rule: z.looseObject({ level: z.number().int().min(0).max(16), description: z.string() }),
    agent: z.looseObject({ name: z.string().optional() }).optional(),
  }),
  SentinelIncident: vendorPayload(
    "A Microsoft Sentinel incident from a Logic App's incident trigger (format SENTINEL).",
    {
      object: z.looseObject({
        name: z.string(),
        properties: z.looseObject({
          title: z.string(),
          severity: z.enum(["Informational", "Low", "Medium", "High"]),
          createdTimeUtc: z.string().optional(),
          firstActivityTimeUtc: z.string().optional(),
        }),
      }),
    },
  ),
};

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });

const errorResponse = (description: string, retryAfter = false) => ({
  description,
  ...(retryAfter
    ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } }
    : {}),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function errorsWithStatus(status: number): string {
  return ALERT_ERRORS.filter((e) => API_ERROR_STATUS[e.code] === status)
    .map((e) => `${e.code}: ${e.when}`)
    .join(" ");
}

export function alertsOpenApi(): Record<string, unknown> {
  const statuses = [...new Set(ALERT_ERRORS.map((e) => API_ERROR_STATUS[e.code]))].sort();
  return {
    openapi: "3.1.0",
    info: {
      title: "Warden alerts API",
      version: "1.0.0",
      description:
        "Security tools post alerts to Warden. Each integration (Admin → Integrations) has an API key, sent as " +
        "`Authorization: Bearer <key>`, and a signing secret. Every post is signed: `X-Warden-Timestamp` is the Unix " +
        "time in seconds and `X-Warden-Signature` is `sha256=` and the lower-case hex HMAC-SHA256, keyed with the signing " +
        "secret's text, of the timestamp, a full stop and the raw body bytes (`<timestamp>.<body>`). Timestamps more than " +
        `${SIGNATURE_WINDOW_SECONDS / 60} minutes from the server's clock are refused, and a signature seen before is a replay. ` +
        "The body's shape is the integration's format. The client is the one the body names (generic `client`), else " +
        "`?client=` (id or name), else the integration's default client.",
    },
    paths: {
      "/api/v1/alerts": {
        post: {
          operationId: "postAlert",
          summary: "Post one alert",
          security: [{ apiKey: [] }],
          parameters: [
            {
              name: "X-Warden-Timestamp",
              in: "header",
              required: true,
              schema: { type: "string", pattern: "^[0-9]+$" },
              description: "Unix time in seconds when the post was signed.",
            },
            {
              name: "X-Warden-Signature",
              in: "header",
              required: true,
              schema: { type: "string", pattern: "^sha256=[0-9a-f]{64}$" },
              description: 'sha256=<hex HMAC-SHA256(signing secret, "<timestamp>.<raw body>")>',
            },
            {
              name: "client",
              in: "query",
              required: false,
              schema: { type: "string" },
              description: "The client (id or exact name) when the body names none; one this key may post for.",
            },
          ],
          requestBody: {
            required: true,
            description: "At most 256 KiB; the first 64 KiB are kept (sealed) with the alert.",
            content: {
              "application/json": {
                schema: { oneOf: Object.keys(PAYLOADS).map((name) => ({ $ref: `#/components/schemas/${name}` })) },
              },
            },
          },
          responses: {
            "200": {
              description: "grouped or duplicate; or a batch's results",
              content: {
                "application/json": {
                  schema: {
                    oneOf: [
                      { $ref: "#/components/schemas/AlertAccepted" },
                      { $ref: "#/components/schemas/BatchAccepted" },
                    ],
                  },
                },
              },
            },
            "201": {
              description: "created",
              content: { "application/json": { schema: { $ref: "#/components/schemas/AlertAccepted" } } },
            },
            ...Object.fromEntries(
              statuses.map((s) => [String(s), errorResponse(errorsWithStatus(s), s === 429 || s === 503)]),
            ),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document",
          responses: { "200": { description: "The OpenAPI 3.1 document", content: { "application/json": {} } } },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "The integration's API key (wk_…)." } },
      schemas: {
        ...Object.fromEntries(Object.entries(PAYLOADS).map(([name, schema]) => [name, json(schema)])),
        AlertAccepted: json(successSchema),
        BatchAccepted: json(batchSchema),
        Error: json(errorSchema),
      },
    },
  };
}
