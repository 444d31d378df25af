"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { resetMfa } from "../services/mfa/reset-mfa";
import { resetMfaSchema } from "@/lib/validation/mfa";

export async function resetUserMfa(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "user:manage",
    schema: resetMfaSchema,
    input: formObject(form),
    service: (ctx, input) => resetMfa(ctx, input.userId),
    success:
      "Two-step verification reset: their sessions have ended and they set up a new authenticator at their next sign-in.",
  });
}
