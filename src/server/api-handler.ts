import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { apiError } from "@/lib/api-error";
import { describeError, log } from "./log";
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, isBusy } from "./busy";
import { UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS, isUnavailable } from "./unavailable";

/**
 * A route handler whose unexpected errors answer like every other API error: JSON 500 with a
 * reference the operator finds in the log, never the error's own message (a database error
 * names tables, columns and values). A database too busy to answer in time is 503 with
 * Retry-After (busy.ts), not a fault, and so is one that cannot be reached (unavailable.ts).
 * Expected refusals are answered by the handler itself.
 * A streamed body (CSV) that fails after its first bytes can only be cut short: the log has it.
 */
export function withApiErrors<A extends unknown[]>(
  route: string,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error); // Next's own signals (redirect, not found, dynamic rendering) pass through
      const reference = randomUUID();
      if (isBusy(error)) {
        log.warn("api.busy", { route, requestId: reference, ...describeError(error) });
        return apiError("UNAVAILABLE", BUSY_MESSAGE, {
          requestId: reference,
          retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
        });
      }
      if (isUnavailable(error)) {
        log.warn("api.unavailable", { route, requestId: reference, ...describeError(error) });
        return apiError("UNAVAILABLE", UNAVAILABLE_MESSAGE, {
          requestId: reference,
          retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
        });
      }
      log.error("api.failed", { route, requestId: reference, ...describeError(error) });
      return apiError(
        "INTERNAL",
        `Something went wrong on our side; nothing was changed. Reference: ${reference.slice(0, 8)}.`,
        { requestId: reference },
      );
    }
  };
}
