"use server";

import type { FormState } from "./form-state";
import { formObject } from "./run-action";
import { SESSION_ENDED, sessionFor } from "./session-action";
import { regenerateRecoveryCodes as regenerate } from "../services/mfa/enrolment";
import { describeError, log } from "../log";
import { recoveryCodesSchema } from "@/lib/validation/mfa";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** Ten new recovery codes for a current authenticator code; the old ones stop working. */
export async function regenerateRecoveryCodes(
  _prev: FormState & { recoveryCodes?: string[] },
  form: FormData,
): Promise<FormState & { recoveryCodes?: string[] }> {
  const session = await sessionFor(["complete"]);
  if (!session) return { ok: false, message: SESSION_ENDED, at: Date.now() };
  const parsed = recoveryCodesSchema.safeParse(formObject(form));
  if (!parsed.success)
    return {
      ok: false,
      message: "Check the highlighted field.",
      fieldErrors: fieldErrorsOf(parsed.error),
      at: Date.now(),
    };
  try {
    const result = await regenerate(session.userId, parsed.data.code, session.meta);
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, at: Date.now() };
    return {
      ok: true,
      message: "New recovery codes: the old ones no longer work.",
      recoveryCodes: result.value.recoveryCodes,
      at: Date.now(),
    };
  } catch (error) {
    log.error("action.failed", {
      requestId: session.meta.requestId,
      action: "regenerateRecoveryCodes",
      ...describeError(error),
    });
    return {
      ok: false,
      message: `Something went wrong; nothing was saved. Reference: ${session.meta.requestId?.slice(0, 8)}.`,
      at: Date.now(),
    };
  }
}
