import { z } from "zod";
import { DATA_CATEGORIES, INCIDENT_TYPES, SEVERITIES } from "@/domain/incident/types";
import { isJurisdiction } from "@/domain/incident/jurisdictions";

// Warden's own alert schema: what POST /api/v1/alerts takes from an integration of format
// GENERIC, and what every vendor mapping (src/domain/alerts/mappings/*) turns its tool's payload
// into before the same checks run. Also the source of the OpenAPI document (z.toJSONSchema).

const noNul = (s: string) => !s.includes("\u0000");
// A lone surrogate ("\ud800" in the JSON) is no character at all: PostgreSQL refuses it in the
// audit entry's JSON, so it is refused here, named, like any other bad value.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a string.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(noNul, `${label} must not contain a NUL character.`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label} must be valid Unicode text (it holds a lone surrogate).`);

export const ALERT_ASSETS_MAX = 50;

export const genericAlertSchema = z
  .object({
    source: text("source", 100).describe('The tool that raised the alert, e.g. "dlp-gateway".'),
    externalId: text("externalId", 200).describe(
      "The alert's id in that tool: the same source and externalId are accepted once.",
    ),
    title: text("title", 300),
    severity: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
      z.enum(SEVERITIES, { error: `severity must be one of ${SEVERITIES.join(", ")}.` }),
    ),
    observedAt: z.iso
      .datetime({
        offset: true,
        error: "observedAt must be an ISO 8601 date and time with a zone, e.g. 2026-03-29T14:30:00Z.",
      })
      .describe("When the tool observed it."),
    client: text("client", 200)
      .optional()
      .describe("The client's id or exact name; defaults to the integration's default client."),
    type: z.enum(INCIDENT_TYPES, { error: `type must be one of ${INCIDENT_TYPES.join(", ")}.` }).optional(),
    dataCategories: z
      .array(z.enum(DATA_CATEGORIES, { error: `Each data category must be one of ${DATA_CATEGORIES.join(", ")}.` }))
      .max(DATA_CATEGORIES.length)
      .default([]),
    assets: z
      .array(text("Each asset", 200))
      .max(ALERT_ASSETS_MAX, `At most ${ALERT_ASSETS_MAX} assets.`)
      .default([])
      .describe("Hosts, accounts or systems concerned."),
    jurisdictions: z
      .array(z.string().refine(isJurisdiction, "Unknown jurisdiction (ISO 3166 code, e.g. DE or US-CA)."))
      .max(100)
      .default([]),
  })
  .describe("An alert in Warden's generic schema.");

export type GenericAlert = z.infer<typeof genericAlertSchema>;
/** What a mapping produces: the generic alert before its checks (severity and dates as strings). */
export type AlertCandidate = z.input<typeof genericAlertSchema>;
