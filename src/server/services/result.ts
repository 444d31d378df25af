import type { FieldErrors } from "@/lib/validation/field-errors";
import { Prisma } from "@/generated/prisma/client";
import { BUSY_MESSAGE, isBusy } from "../busy";
import { UNAVAILABLE_MESSAGE, isUnavailable } from "../unavailable";

export type FailureCode = "NOT_FOUND" | "VALIDATION_FAILED" | "CONFLICT" | "REFUSED" | "BUSY" | "UNAVAILABLE";

export type Failure = { ok: false; code: FailureCode; message: string; fieldErrors?: FieldErrors; reasons?: string[] };
export type Result<T> = { ok: true; value: T } | Failure;

/** Thrown inside a transaction to roll it back with an expected, user-facing failure. */
export class ServiceFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = "ServiceFailure";
  }
}

export function fail(code: FailureCode, message: string, extra: Pick<Failure, "fieldErrors" | "reasons"> = {}): never {
  throw new ServiceFailure({ ok: false, code, message, ...extra });
}

export const NOT_FOUND_MESSAGE = "No such incident, or it is not one of your clients'.";

/**
 * Runs a service body; expected failures come back as values, anything else propagates. A
 * unique key refused by the database (two people saving the same thing at the same moment, past
 * the service's own check) is a conflict to retry, not a crash; a transaction that waited past
 * its bound (busy.ts) is BUSY: rolled back, nothing saved, try again; a database that cannot be
 * reached (a restart, a cut connection: unavailable.ts) is UNAVAILABLE: try again in a moment.
 */
export async function attempt<T>(body: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await body() };
  } catch (error) {
    if (error instanceof ServiceFailure) return error.failure;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return {
        ok: false,
        code: "CONFLICT",
        message: "Someone saved the same thing a moment ago. Reload the page and check before trying again.",
      };
    }
    if (isBusy(error)) return { ok: false, code: "BUSY", message: BUSY_MESSAGE };
    if (isUnavailable(error)) return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE };
    throw error;
  }
}
