import { z } from "zod";
import { INCIDENT_TYPES, PHASES, SEVERITIES } from "@/domain/incident/types";
import { SORTS, STATUSES, type Sort, type Status } from "@/lib/incident-list-options";

// Filters of the incident list, from the URL. A bad value is dropped (and named), never a 500.

const fields = {
  phase: z.enum(PHASES),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(SEVERITIES),
  clientId: z.uuid(),
  owner: z.union([z.literal("me"), z.literal("none"), z.uuid()]),
  status: z.enum(STATUSES),
  // PostgreSQL text cannot hold a NUL character: a search carrying one is dropped and named
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => !s.includes("\u0000")),
  sort: z.enum(SORTS),
  cursor: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9_-]+$/),
};

export type IncidentListQuery = {
  [K in keyof typeof fields]?: z.infer<(typeof fields)[K]>;
} & { sort: Sort; status: Status };

export function parseIncidentListQuery(params: Record<string, string | string[] | undefined>): {
  query: IncidentListQuery;
  ignored: string[];
} {
  const query: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const r = schema.safeParse(value);
    if (r.success) query[key] = r.data;
    else ignored.push(key);
  }
  return { query: { sort: "aware_desc", status: "open", ...query } as IncidentListQuery, ignored };
}

/** The filters as a query string (without the page cursor, unless one is given). */
export function listQueryString(query: IncidentListQuery, cursor?: string): string {
  const entries = Object.entries(query)
    .filter(([k, v]) => k !== "cursor" && v !== undefined)
    .map(([k, v]) => [k, String(v)]);
  if (cursor) entries.push(["cursor", cursor]);
  return new URLSearchParams(entries).toString();
}
