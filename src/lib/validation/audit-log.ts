import { z } from "zod";
import { DateTime } from "luxon";
import { AUDIT_KINDS, type AuditKind } from "@/domain/audit/read-kinds";
import type { FieldErrors } from "./field-errors";

// The organization audit page's filters, from the URL (the page's GET form and its CSV export
// share them). Every bad value is named beside its field, never a 500; the period is in the
// organization's time zone, both days included.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give a date like 2026-03-29.");

export const auditLogFilterSchema = z.object({
  person: z.uuid("Choose a person from the list.").optional(),
  client: z.uuid("Choose a client from the list.").optional(),
  incident: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^INC-\d{4}-\d{4,}$/, "An incident reference looks like INC-2026-0042.")
    .optional(),
  kind: z.enum(AUDIT_KINDS as [AuditKind, ...AuditKind[]], "Choose a kind from the list.").default(""),
  from: day.optional(),
  to: day.optional(),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});
export type AuditLogFilters = z.output<typeof auditLogFilterSchema>;

/** The filters with the period as instants: [from, to) in UTC. */
export type AuditLogQuery = AuditLogFilters & { fromAt?: Date; toAt?: Date };

/** What was typed, for showing it again beside its error. */
export type AuditLogInput = Partial<Record<keyof AuditLogFilters, string>>;

export function parseAuditLogQuery(
  params: Record<string, string | string[] | undefined>,
  zone: string,
): { query: AuditLogQuery; fieldErrors: FieldErrors; input: AuditLogInput } {
  const raw = Object.fromEntries(
    Object.keys(auditLogFilterSchema.shape).map((k) => {
      const v = params[k];
      const value = (Array.isArray(v) ? v[0] : v)?.trim();
      return [k, value === "" ? undefined : value];
    }),
  );
  const fieldErrors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  // field by field, so that one bad value is named and the others are still read
  for (const [key, schema] of Object.entries(auditLogFilterSchema.shape)) {
    const r = (schema as z.ZodType).safeParse(raw[key]);
    if (r.success) values[key] = r.data;
    else
      fieldErrors[key === "cursor" ? "_form" : key] = [
        key === "cursor"
          ? "That page link is not valid: start from the first page."
          : (r.error.issues[0]?.message ?? "This value is not valid."),
      ];
  }
  const query = values as AuditLogQuery;
  const at = (d: string | undefined, field: "from" | "to") => {
    if (!d) return undefined;
    const t = DateTime.fromISO(d, { zone });
    if (t.isValid) return field === "from" ? t.toJSDate() : t.plus({ days: 1 }).toJSDate();
    fieldErrors[field] = ["That date does not exist."];
    return undefined;
  };
  query.fromAt = at(query.from, "from");
  query.toAt = at(query.to, "to");
  if (query.fromAt && query.toAt && query.toAt <= query.fromAt) fieldErrors.to = ["The period ends before it starts."];
  return { query, fieldErrors, input: raw as AuditLogInput };
}

/** The filters as a query string, without the page cursor unless one is given. */
export function auditQueryString(f: AuditLogFilters, cursor?: string | null): string {
  const entries = (["person", "client", "incident", "kind", "from", "to"] as const).flatMap(
    (k): Array<[string, string]> => {
      const value = f[k];
      return value ? [[k, value]] : [];
    },
  );
  if (cursor) entries.push(["cursor", cursor]);
  return new URLSearchParams(entries).toString();
}
