import type { FieldErrors } from "./field-errors";

// PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one is refused by
// the database with an error, not saved. No form has a use for it, so it is refused up front,
// beside the field, before any schema or service sees the input.

export const NUL_MESSAGE = "This contains an invisible NUL character, which cannot be saved: remove it.";

/** Field errors for every value (or list item) of a form's input that carries a NUL character; null when none does. */
export function nulFieldErrors(input: unknown): FieldErrors | null {
  if (typeof input !== "object" || input === null)
    return typeof input === "string" && input.includes("\u0000") ? { _form: [NUL_MESSAGE] } : null;
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) {
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && v.includes("\u0000")))
      out[key] = [NUL_MESSAGE];
  }
  return Object.keys(out).length ? out : null;
}
