"use server";

import { redirect } from "next/navigation";
import type { FormState } from "./form-state";
import { formObject } from "./run-action";
import { SESSION_ENDED, sessionFor } from "./session-action";
import { proveSecondFactor } from "../services/mfa/second-factor";
import { describeError, log } from "../log";
import { secondFactorSchema } from "@/lib/validation/mfa";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { safeCallbackPath } from "@/lib/safe-callback";

/** The second sign-in step: an authenticator code or a recovery code completes the session. */
export async function verifySecondFactor(
  _prev: FormState,
  form: FormData,
): Promise<FormState & { recoveryCodesLeft?: number }> {
  const session = await sessionFor(["needs_code"]);
  if (!session) return { ok: false, message: SESSION_ENDED, at: Date.now() };
  const parsed = secondFactorSchema.safeParse(formObject(form));
  if (!parsed.success)
    return {
      ok: false,
      message: "Check the highlighted field.",
      fieldErrors: fieldErrorsOf(parsed.error),
      at: Date.now(),
    };
  let result;
  try {
    result = await proveSecondFactor(session.sessionId, session.userId, parsed.data.code, session.meta);
  } catch (error) {
    log.error("action.failed", {
      requestId: session.meta.requestId,
      action: "verifySecondFactor",
      ...describeError(error),
    });
    return {
      ok: false,
      message: `Something went wrong. Reference: ${session.meta.requestId?.slice(0, 8)}.`,
      at: Date.now(),
    };
  }
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, at: Date.now() };
  // A recovery code spent is worth telling: the page says how many are left before going on.
  if (result.value.method === "recovery_code") {
    const left = result.value.recoveryCodesLeft;
    return {
      ok: true,
      recoveryCodesLeft: left,
      message: `Signed in with a recovery code. You have ${left} recovery ${left === 1 ? "code" : "codes"} left.`,
      at: Date.now(),
    };
  }
  redirect(safeCallbackPath(parsed.data.callbackUrl));
}
