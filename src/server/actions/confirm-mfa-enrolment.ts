"use server";

import type { FormState } from "./form-state";
import { formObject } from "./run-action";
import { SESSION_ENDED, sessionFor } from "./session-action";
import { confirmEnrolment } from "../services/mfa/enrolment";
import { describeError, log } from "../log";
import { enrolmentSchema } from "@/lib/validation/mfa";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

export type EnrolmentState = FormState & { recoveryCodes?: string[] };

/**
 * Confirms a new authenticator with its first code: right after the password step for someone
 * who must enrol, or from the Security page (setting one up, or replacing it). The recovery
 * codes come back once, to show.
 */
export async function confirmMfaEnrolment(_prev: EnrolmentState, form: FormData): Promise<EnrolmentState> {
  const session = await sessionFor(["needs_enrolment", "complete"]);
  if (!session) return { ok: false, message: SESSION_ENDED, at: Date.now() };
  const parsed = enrolmentSchema.safeParse(formObject(form));
  if (!parsed.success)
    return {
      ok: false,
      message: "Check the highlighted field.",
      fieldErrors: fieldErrorsOf(parsed.error),
      at: Date.now(),
    };
  try {
    const result = await confirmEnrolment(session.sessionId, session.userId, parsed.data, session.meta, new Date(), {
      signedIn: session.status === "complete",
    });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, at: Date.now() };
    return {
      ok: true,
      message: "Two-step verification is on.",
      recoveryCodes: result.value.recoveryCodes,
      at: Date.now(),
    };
  } catch (error) {
    log.error("action.failed", {
      requestId: session.meta.requestId,
      action: "confirmMfaEnrolment",
      ...describeError(error),
    });
    return {
      ok: false,
      message: `Something went wrong; nothing was saved. Reference: ${session.meta.requestId?.slice(0, 8)}.`,
      at: Date.now(),
    };
  }
}
