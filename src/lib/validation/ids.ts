import { z } from "zod";

export const idSchema = z.uuid();

/** Route ids that are not even well-formed answer like unknown ones: not found. */
export function parseId(value: unknown): string | null {
  const r = idSchema.safeParse(value);
  return r.success ? r.data : null;
}
