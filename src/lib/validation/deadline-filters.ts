import { z } from "zod";
import { RULES } from "@/domain/deadlines/rules";

// The Deadlines page's filters, read from the query string (a GET form: they work without
// JavaScript and can be bookmarked). A value that is not one of the choices is ignored, and
// the page says so; it never fails the page.

export const OWED_BY = ["all", "us", "client"] as const;
export const DEADLINE_STATUSES = ["open", "overdue", "settled", "all"] as const;
export const WITHIN = ["24", "168"] as const;
export const WITHIN_LABEL: Record<(typeof WITHIN)[number], string> = {
  "24": "24 hours (and overdue)",
  "168": "7 days (and overdue)",
};
export const REGIMES = [...new Set(RULES.map((r) => r.regime))].sort((a, b) => a.localeCompare(b));

export const OWED_BY_LABEL: Record<(typeof OWED_BY)[number], string> = {
  all: "Anyone (ours first)",
  us: "Us",
  client: "Our clients",
};
export const DEADLINE_STATUS_LABEL: Record<(typeof DEADLINE_STATUSES)[number], string> = {
  open: "Open (not settled)",
  overdue: "Overdue",
  settled: "Settled",
  all: "All",
};

export type DeadlineFilters = {
  owedBy: (typeof OWED_BY)[number];
  status: (typeof DEADLINE_STATUSES)[number];
  client?: string;
  regime?: string;
  /** Due within this many hours from now, overdue included. */
  within?: (typeof WITHIN)[number];
};

function pick<S extends z.ZodType>(
  schema: S,
  value: unknown,
  label: string,
  ignored: string[],
): z.output<S> | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === "") return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  ignored.push(`${label}: "${String(raw).slice(0, 60)}" is not one of the choices, so it is not applied.`);
  return undefined;
}

/** The filters, with the defaults for anything absent and a note for each value ignored. */
export function parseDeadlineFilters(params: Record<string, unknown>): { filters: DeadlineFilters; ignored: string[] } {
  const ignored: string[] = [];
  const filters: DeadlineFilters = {
    owedBy: pick(z.enum(OWED_BY), params.owedBy, "Owed by", ignored) ?? "all",
    status: pick(z.enum(DEADLINE_STATUSES), params.status, "Status", ignored) ?? "open",
    client: pick(z.uuid(), params.client, "Client", ignored),
    regime: pick(z.enum(REGIMES), params.regime, "Regime", ignored),
    within: pick(z.enum(WITHIN), params.within, "Due within", ignored),
  };
  return { filters, ignored };
}
