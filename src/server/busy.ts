import { Prisma } from "@/generated/prisma/client";

// Every transaction waits a bounded time (db.ts, DATABASE_TX_WAIT_MS and DATABASE_TX_TIMEOUT_MS,
// and lock_timeout on its connections). Past it, the write is rolled back and the person is told
// the truth: nothing was saved, try again. A form shows BUSY_MESSAGE; an API answers 503 with
// Retry-After. None of these is a fault of the request or of the code, so none is a 500.

export const BUSY_MESSAGE = "Warden is busy; nothing was saved. Try again in a moment.";
export const BUSY_RETRY_AFTER_SECONDS = 2;

// Prisma: P2028 a transaction that could not start in time (no free connection) or that ran
// past its timeout; P2024 no connection from the pool in time; P2034 a write conflict or
// deadlock (40001, 40P01); P2037 too many connections at the server.
const PRISMA_CODES = new Set(["P2028", "P2024", "P2034", "P2037"]);
// PostgreSQL: lock_not_available (lock_timeout), query_canceled (statement timeout),
// serialization_failure, deadlock_detected, too_many_connections.
const SQLSTATES = new Set(["55P03", "57014", "40001", "40P01", "53300"]);
const KINDS = new Set(["TransactionWriteConflict", "TooManyConnections"]);

// node-postgres's pool, when no connection came free within connectionTimeoutMillis.
const POOL_TIMEOUT = /timeout exceeded when trying to connect/;

/** Whether an error means "the database is too busy to take this now" (and nothing was saved). */
export function isBusy(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && PRISMA_CODES.has(e.code)) return true;
    const fields = e as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof fields.originalCode === "string" && SQLSTATES.has(fields.originalCode)) return true;
    if (typeof fields.code === "string" && SQLSTATES.has(fields.code)) return true;
    if (typeof fields.kind === "string" && KINDS.has(fields.kind)) return true;
    if (e instanceof Error && POOL_TIMEOUT.test(e.message)) return true;
    e = fields.cause ?? fields.meta?.driverAdapterError;
  }
  return false;
}
