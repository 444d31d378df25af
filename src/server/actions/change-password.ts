"use server";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { FormState } from "./form-state";
import { formObject } from "./run-action";
import { sessionFor, SESSION_ENDED } from "./session-action";
import { clientIp, userAgentOf } from "../client-ip";
import { describeError, log } from "../log";
import { changeOwnPassword } from "../services/passwords/change-own-password";
import { changePasswordSchema } from "@/lib/validation/password";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** A signed-in person (second factor done) changes their own password; their other sessions end. */
export async function changePassword(_prev: FormState, form: FormData): Promise<FormState> {
  const requestId = randomUUID();
  try {
    const session = await sessionFor(["complete"]);
    if (!session) return { ok: false, message: SESSION_ENDED, at: Date.now() };
    const parsed = changePasswordSchema.safeParse(formObject(form));
    if (!parsed.success)
      return {
        ok: false,
        message: "Check the highlighted fields.",
        fieldErrors: fieldErrorsOf(parsed.error),
        at: Date.now(),
      };
    const h = await headers();
    const result = await changeOwnPassword(session.userId, session.sessionId, parsed.data, {
      requestId,
      ip: clientIp(h),
      userAgent: userAgentOf(h),
    });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, at: Date.now() };
    return { ok: true, message: "Password changed. Your other sessions have been signed out.", at: Date.now() };
  } catch (error) {
    log.error("action.failed", { requestId, action: "change_password", ...describeError(error) });
    return {
      ok: false,
      message: `Something went wrong; nothing was saved. Reference: ${requestId.slice(0, 8)}.`,
      at: Date.now(),
    };
  }
}
