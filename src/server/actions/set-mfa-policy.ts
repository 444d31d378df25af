"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { setMfaPolicy as set } from "../services/mfa/mfa-policy";
import { mfaPolicySchema } from "@/lib/validation/mfa";

export async function setMfaPolicy(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "user:manage",
    schema: mfaPolicySchema,
    input: formObject(form, ["roles"]),
    service: set,
    success: "Saved. It applies from each person's next page.",
  });
}
