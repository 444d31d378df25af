import fc from "fast-check";
import type { Input } from "./action-inputs";

// Cheap arbitraries for what a hostile or broken client can post: a form field or a query
// value. Each starts from a valid input (so the service is reached often enough to matter)
// and, per field, keeps it, replaces it with something odd, or drops it; extra fields ride along.

const ODD = [
  "",
  " ",
  "\u0000",
  "\u202e",
  "\ud800",
  "😀😀😀",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "-0",
  "1.5",
  "1e309",
  "0x10",
  "9".repeat(40),
  "true",
  "on",
  "[]",
  "{}",
  "2026-02-30T12:00",
  "2026-13-01T00:00",
  "0000-01-01T00:00",
  "9999-12-31T23:59",
  "+275760-09-13T00:00",
  "-271821-04-20T00:00",
  "1970-01-01T00:00",
  "2026-01-10T09:30+14:00",
  "2026-01-10",
  "Europe/Nowhere",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00",
  "%zz",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
];

/** A file where text is expected: FormData carries Blobs too. */
const BLOB = new Blob(["not text"], { type: "application/octet-stream" });

/** Any one value a field may carry. `ids`: real ids of other tenants and of the wrong kind. */
export function fieldValue(ids: readonly string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD) },
    { weight: 2, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 70_000 }).map((n) => "x".repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => "é😀".repeat(n)) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom("", "x", ...ids), { minLength: 2, maxLength: 4 }) },
  );
}

const KEEP = Symbol("keep");
const DROP = Symbol("drop");

/**
 * Inputs near `base`: each field kept (1 in 2, or 1 in 31 with `rareKeep`), replaced or
 * dropped; up to two extra fields. `blobs`: values may be files (form posts), not only text.
 */
export function nearInputs(
  base: Input,
  ids: readonly string[],
  { rareKeep = false, blobs = true } = {},
): fc.Arbitrary<Record<string, string | string[] | Blob>> {
  const [keep, change, drop] = rareKeep ? [1, 20, 10] : [3, 2, 1];
  const value = blobs
    ? fc.oneof({ weight: 20, arbitrary: fieldValue(ids) }, { weight: 1, arbitrary: fc.constant<Blob>(BLOB) })
    : fieldValue(ids);
  const keys = Object.keys(base);
  const field = fc.oneof(
    { weight: keep, arbitrary: fc.constant<typeof KEEP>(KEEP) },
    { weight: change, arbitrary: value },
    { weight: drop, arbitrary: fc.constant<typeof DROP>(DROP) },
  );
  const extraKey = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "__proto__",
      "constructor",
      "$ACTION_ID_x",
      "field.",
      "field.__proto__",
      "version",
      "organizationId",
    ),
  );
  return fc
    .tuple(fc.tuple(...keys.map(() => field)), fc.array(fc.tuple(extraKey, value), { maxLength: 2 }))
    .map(([choices, extra]) => {
      const out: Record<string, string | string[] | Blob> = {};
      keys.forEach((k, i) => {
        const c = choices[i];
        if (c === KEEP) out[k] = base[k]!;
        else if (c !== DROP) out[k] = c as string | string[] | Blob;
      });
      for (const [k, v] of extra)
        if (!(k in base))
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** FormData as a client could post it: repeated keys for lists, files where text belongs. */
export function fuzzForm(input: Record<string, string | string[] | Blob>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input))
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  return form;
}

/** A query string from fuzzed values (a Blob cannot be one: it is read as text). */
export function queryOf(input: Record<string, string | string[] | Blob>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(input))
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, typeof v === "string" ? v : "[blob]");
  return q.toString();
}
