import "server-only";
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { databaseEnv } from "./env";
import { describeError, log } from "./log";

// One connection pool and one Prisma client over it per server process, and a second, smaller
// pool for the hot reads (see sqlRows); both kept across hot reloads in development.
const globalForDb = globalThis as unknown as { wardenDb?: PrismaClient; wardenPool?: pg.Pool; wardenHotPool?: pg.Pool };

// An idle connection that the server ends (a restart, a failover, an idle timeout) is an 'error'
// event on its pool, which without a listener ends the whole process. The pool has already let
// the connection go; the next query opens a new one (or answers UNAVAILABLE while it cannot).
function survivingServerLoss(p: pg.Pool, name: string): pg.Pool {
  p.on("error", (error) => log.warn("db.idle_connection_lost", { pool: name, ...describeError(error) }));
  return p;
}

function pool(): pg.Pool {
  // every query asks: the settings are read (and validated) once, when the pool is made
  if (globalForDb.wardenPool) return globalForDb.wardenPool;
  const { DATABASE_URL, DATABASE_POOL_MAX, DATABASE_TX_WAIT_MS, DATABASE_TX_TIMEOUT_MS } = databaseEnv();
  // Bounded waits, answered "busy" (busy.ts): for a connection, DATABASE_TX_WAIT_MS (Prisma's
  // own maxWait only judges a transaction once it has its connection, however long that took);
  // for a row or advisory lock, as long as the transaction may last anyway (55P03).
  return (globalForDb.wardenPool ??= survivingServerLoss(
    new pg.Pool({
      connectionString: DATABASE_URL,
      max: DATABASE_POOL_MAX,
      connectionTimeoutMillis: DATABASE_TX_WAIT_MS,
      lock_timeout: DATABASE_TX_TIMEOUT_MS,
    }),
    "main",
  ));
}

// The hot reads' connections plan each prepared statement once, generically: their shapes are
// few and fixed and their plans do not depend on the values (an index walk in sort order,
// bounded by LIMIT), while planning them afresh each time cost as much as running them (list
// page at 100k: 0.3 ms generic against 0.7 ms custom). Kept apart so that the ORM's queries,
// whose best plans may depend on values (date ranges on the dashboard), keep custom plans.
function hotPool(): pg.Pool {
  if (globalForDb.wardenHotPool) return globalForDb.wardenHotPool;
  const { DATABASE_URL, DATABASE_POOL_MAX, DATABASE_TX_WAIT_MS } = databaseEnv();
  return (globalForDb.wardenHotPool ??= survivingServerLoss(
    new pg.Pool({
      connectionString: DATABASE_URL,
      max: Math.max(2, Math.ceil(DATABASE_POOL_MAX / 2)),
      connectionTimeoutMillis: DATABASE_TX_WAIT_MS,
    }),
    "hot",
  ));
}

export function db(): PrismaClient {
  return (globalForDb.wardenDb ??= withBoundedTransactions(new PrismaClient({ adapter: new PrismaPg(pool()) })));
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Work to do once a transaction has committed, keyed so that it is done once per transaction
// (appendAudit asks for its organization's chain to be extended: see audit-chainer.ts).
type AfterCommit = Map<string, () => Promise<void>>;
const afterCommits = new WeakMap<object, AfterCommit>();

/**
 * Runs `work` after the transaction `tx` commits (never if it rolls back), before the
 * transaction's caller gets its result. Returns false when `tx` is not one of db()'s
 * interactive transactions (a script's own client): the caller then arranges it itself.
 */
export function afterCommit(tx: Tx, key: string, work: () => Promise<void>): boolean {
  const pending = afterCommits.get(tx);
  if (!pending) return false;
  if (!pending.has(key)) pending.set(key, work);
  return true;
}

// The bounds as configured, parsed again only when the variables change (a test may set them).
let bounds: { key: string; value: { DATABASE_TX_WAIT_MS: number; DATABASE_TX_TIMEOUT_MS: number } } | undefined;
export function transactionBounds() {
  const key = `${process.env.DATABASE_TX_WAIT_MS}|${process.env.DATABASE_TX_TIMEOUT_MS}`;
  if (bounds?.key !== key) bounds = { key, value: databaseEnv() };
  return bounds.value;
}

/**
 * Every interactive transaction gets bounded waits: DATABASE_TX_WAIT_MS to start (with the
 * pool's connection timeout, see pool()), DATABASE_TX_TIMEOUT_MS in all (busy.ts says how both
 * answer), unless the caller names its own; and its after-commit work runs once it commits.
 */
function withBoundedTransactions(client: PrismaClient): PrismaClient {
  const begin = client.$transaction.bind(client) as (arg: unknown, options?: object) => Promise<unknown>;
  const bounded = async (
    arg: unknown,
    options?: { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel },
  ) => {
    if (typeof arg !== "function") return begin(arg, options);
    const { DATABASE_TX_WAIT_MS, DATABASE_TX_TIMEOUT_MS } = transactionBounds();
    const work: AfterCommit = new Map();
    const result = await begin(
      (tx: Tx) => {
        afterCommits.set(tx, work);
        return (arg as (tx: Tx) => Promise<unknown>)(tx);
      },
      { maxWait: DATABASE_TX_WAIT_MS, timeout: DATABASE_TX_TIMEOUT_MS, ...options },
    );
    for (const run of work.values()) await run();
    return result;
  };
  client.$transaction = bounded as PrismaClient["$transaction"];
  return client;
}

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

// Statement names carry this process's tag and the connection's number too, so that a name is
// never prepared twice in one server session even where a pooler lets several client
// connections share one (a clash would fail the query).
const PROCESS_TAG = randomUUID().slice(0, 8);
const connectionNumbers = new WeakMap<pg.PoolClient, number>();
let connectionCount = 0;
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
 * text), sent without the ORM: for the reads every page makes (the viewer, the incident list)
 * the ORM's per-query work costs more than these queries themselves (about 0.5 ms a query on
 * our 2-core benchmark machine against 0.2 ms for the round trip). With `hot`, the statement is
 * prepared once per connection under a name derived from its text and run with a generic plan
 * (see hotPool): only for fixed shapes whose best plan does not depend on the values (not a
 * text search). Columns come back as node-postgres reads them: timestamps as Dates (UTC), int4
 * as numbers, uuid[] as string arrays, int8 and numeric as strings (cast counts to int in the
 * SQL); Date values are sent as UTC.
 */
export async function sqlRows<T>(query: Prisma.Sql, { hot = false }: { hot?: boolean } = {}): Promise<T[]> {
  // Dates go out as UTC ISO strings: a timestamp column ignores the zone, a timestamptz reads it
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  if (!hot) return (await pool().query({ text: query.text, values, types: TYPES })).rows as T[];
  const client = await hotPool().connect();
  let failure: Error | undefined;
  // a connection lost while checked out must not end the process (see withConnection)
  const lost = (error: Error) => {
    failure ??= error;
  };
  client.on("error", lost);
  try {
    let number = connectionNumbers.get(client);
    if (number === undefined) {
      // a new connection: generic plans for its prepared statements, set before its first use
      await client.query("SET plan_cache_mode = force_generic_plan");
      connectionNumbers.set(client, (number = connectionCount += 1));
    }
    const name = `${statementName(query.text)}_${PROCESS_TAG}_${number}`;
    return (await client.query({ name, text: query.text, values, types: TYPES })).rows as T[];
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.off("error", lost);
    client.release(failure); // a connection whose statement failed is not reused
  }
}

/**
 * A connection of the main pool of its own, for work that needs one session through several
 * statements outside the ORM (the audit sealer's COPY streams, in a transaction it manages).
 * Released when `work` settles; a connection whose work failed is not reused.
 */
export async function withConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let failure: Error | undefined;
  // A connection lost while checked out is an 'error' event on it, which without a listener ends
  // the process (the pool listens only to idle ones); the statement in flight fails as well.
  const lost = (error: Error) => {
    failure ??= error;
    log.warn("db.connection_lost", { pool: "main", ...describeError(error) });
  };
  client.on("error", lost);
  try {
    return await work(client);
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.off("error", lost);
    client.release(failure);
  }
}

/** Rows of one parameterised read on a given connection, parsed as sqlRows parses them. */
export async function rowsOn<T>(client: pg.PoolClient, query: Prisma.Sql): Promise<T[]> {
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return (await client.query({ text: query.text, values, types: TYPES })).rows as T[];
}
