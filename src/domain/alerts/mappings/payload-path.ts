import type { AlertCandidate } from "@/lib/validation/alert";

// Reading fields of a tool's JSON payload by their documented dotted names ("kibana.alert.rule.name"),
// whether the payload nests them ({ kibana: { alert: … } }) or flattens them ({ "kibana.alert.rule.name": … }),
// as Elastic's documents do either way.

export function at(payload: unknown, path: string): unknown {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return undefined;
  const obj = payload as Record<string, unknown>;
  if (path in obj) return obj[path];
  const parts = path.split(".");
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join(".");
    if (head in obj) {
      const found = at(obj[head], parts.slice(i).join("."));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A non-empty string (numbers as their text), NUL characters removed; undefined otherwise. */
export function str(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const s = value.replaceAll("\u0000", "").trim();
  return s === "" ? undefined : s;
}

export function firstStr(payload: unknown, ...paths: string[]): string | undefined {
  for (const p of paths) {
    const s = str(at(payload, p));
    if (s !== undefined) return s;
  }
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A time in any form the tools use (ISO 8601, "+0000" offsets, epoch seconds) as ISO 8601 UTC; undefined if unreadable. */
export function isoTime(value: unknown): string | undefined {
  const n = num(value);
  if (n !== undefined) {
    const d = new Date(n * (n > 1e11 ? 1 : 1000)); // epoch milliseconds or seconds
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const s = str(value);
  if (s === undefined) return undefined;
  // "2026-03-14T10:40:51.123+0000" (Wazuh) → "+00:00"
  const fixed = s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(fixed) || !/(Z|[+-]\d{2}:\d{2})$/.test(fixed)) return undefined;
  const d = new Date(fixed);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Distinct non-empty strings, in order. */
export function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

export type MappingResult = { ok: true; alert: AlertCandidate } | { ok: false; fieldErrors: Record<string, string[]> };

export const missing = (field: string, what: string): MappingResult => ({
  ok: false,
  fieldErrors: { [field]: [`${field} is required (${what}).`] },
});

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
