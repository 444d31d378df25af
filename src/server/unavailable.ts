import { Prisma } from "@/generated/prisma/client";
import { UNAVAILABLE_DIGEST } from "@/lib/unavailable-digest";

// The database away: restarting, failing over, unreachable, or the connection cut mid-request.
// Warden comes back by itself once the database answers again (each request opens a new
// connection as needed; see the README, "During a database outage"), so the person is told to
// try again in a moment: a form shows UNAVAILABLE_MESSAGE, an API answers 503 with Retry-After.
// Unlike BUSY, nothing can promise that nothing was saved: a connection lost while its COMMIT
// was on the way may have committed. Almost always it did not (the connection was refused, or
// the transaction was cut before it ended), so the message says so and asks to check.

export const UNAVAILABLE_MESSAGE =
  "Warden cannot reach its database at the moment, so this was most likely not saved. Reload in a few seconds to check, then try again.";
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// Prisma: P1001 cannot reach the server, P1002 timed out reaching it, P1008 socket timeout,
// P1017 the server closed the connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
// PostgreSQL: class 08 (connection exception); admin_shutdown (a restart ends the session),
// crash_shutdown, cannot_connect_now (starting up or shutting down), idle_session_timeout.
const SQLSTATES = /^(08...|57P01|57P02|57P03|57P05)$/;
// Prisma's driver adapter's kinds for socket errors.
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// Node's socket errors, as node-postgres passes them on (reads that bypass the ORM).
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// node-postgres's own errors for a connection lost or never completed.
const LOST =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable)$/;

/** Whether an error means "the database cannot be reached right now" (not a fault of the request or the code). */
export function isUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && PRISMA_CODES.has(e.code)) return true;
    if (
      e instanceof Prisma.PrismaClientInitializationError &&
      e.errorCode !== undefined &&
      PRISMA_CODES.has(e.errorCode)
    )
      return true;
    const fields = e as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof fields.originalCode === "string" && SQLSTATES.test(fields.originalCode)) return true;
    if (typeof fields.code === "string" && (SQLSTATES.test(fields.code) || SOCKET_CODES.has(fields.code))) return true;
    if (typeof fields.kind === "string" && KINDS.has(fields.kind)) return true;
    if (e instanceof Error && LOST.test(e.message)) return true;
    e = fields.cause ?? fields.meta?.driverAdapterError;
  }
  return false;
}

/**
 * For a page that could not be drawn: the database away becomes an error whose digest the error
 * page recognises (Next keeps a digest the error already has); anything else is left as it is.
 */
export function pageErrorOf(error: unknown): unknown {
  if (!isUnavailable(error)) return error;
  return Object.assign(new Error("Warden cannot reach its database", { cause: error }), { digest: UNAVAILABLE_DIGEST });
}
