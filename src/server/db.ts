import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { databaseEnv } from "./env";

// One connection pool and one Prisma client over it per server process (kept across hot
// reloads in development).
const globalForDb = globalThis as unknown as { wardenDb?: PrismaClient; wardenPool?: pg.Pool };

function pool(): pg.Pool {
  const { DATABASE_URL, DATABASE_POOL_MAX } = databaseEnv();
  return (globalForDb.wardenPool ??= new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }));
}

export function db(): PrismaClient {
  return (globalForDb.wardenDb ??= new PrismaClient({ adapter: new PrismaPg(pool()) }));
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Prisma keeps DateTime as `timestamp(3)` (without time zone) holding UTC; node-postgres would
// read such a value in the process's local zone, so these reads say UTC explicitly. (Prisma's
// adapter passes its own parsers with each of its queries; these apply only to sqlRows.)
const utc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === 1114) return utc;
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

// Each statement text is prepared once per connection under a name derived from it, so PostgreSQL
// skips parsing and (after a few runs, when its generic plan is as good) planning: for the
// viewer's query planning cost more than running it. The texts are fixed shapes (values are
// parameters), so the names stay few.
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `w_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * Rows of one parameterised read (built with Prisma.sql, so values are never spliced into the
 * text), sent straight to the pool Prisma uses. For the reads every page makes (the viewer, the
 * incident list): the ORM's per-query work costs more than these queries themselves (about
 * 0.5 ms a query on our 2-core benchmark machine against 0.2 ms for the round trip). Columns
 * come back as node-postgres reads them: timestamps as Dates (UTC), int4 as numbers, uuid[] as
 * string arrays, int8 and numeric as strings (cast counts to int in the SQL); Date values are
 * sent as UTC.
 */
export async function sqlRows<T>(query: Prisma.Sql): Promise<T[]> {
  // Dates go out as UTC ISO strings: a timestamp column ignores the zone, a timestamptz reads it
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const result = await pool().query({ name: statementName(query.text), text: query.text, values, types: TYPES });
  return result.rows as T[];
}
