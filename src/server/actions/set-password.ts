"use server";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { FormState } from "./form-state";
import { clientIp } from "../client-ip";
import { describeError, log } from "../log";
import { setPasswordWithToken } from "../services/passwords/set-password-with-token";
import { setPasswordSchema } from "@/lib/validation/password";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formObject } from "./run-action";

/**
 * The public end of a password link (/reset/[token]): no session, the token is the authority.
 * Every refusal says why in words; nothing unexpected reaches the browser but a reference.
 */
export async function setPassword(_prev: FormState, form: FormData): Promise<FormState> {
  const requestId = randomUUID();
  try {
    const parsed = setPasswordSchema.safeParse(formObject(form));
    if (!parsed.success)
      return {
        ok: false,
        message: "Check the highlighted field.",
        fieldErrors: fieldErrorsOf(parsed.error),
        at: Date.now(),
      };
    const result = await setPasswordWithToken(parsed.data, { ip: clientIp(await headers()), requestId });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, at: Date.now() };
    return { ok: true, message: "Your password is set. Sign in with it now.", at: Date.now() };
  } catch (error) {
    log.error("action.failed", { requestId, action: "set_password", ...describeError(error) });
    return {
      ok: false,
      message: `Something went wrong; nothing was saved. Reference: ${requestId.slice(0, 8)}.`,
      at: Date.now(),
    };
  }
}
