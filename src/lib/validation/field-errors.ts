import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** zod issues → { field: [messages] }, the shape every form shows beside its inputs. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
