import { z } from "zod";

export const idSchema = z.uuid();

/** Route ids that are not even well-formed answer like unknown ones: not found. */
export function parseId(value: unknown): string | null {
  const r = idSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** Any well-formed uuid, of whatever version (what a uuid column holds): for ids read back from the database. */
export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
