"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { acknowledgePage as acknowledge } from "../services/on-call/acknowledge-page";
import { incidentIdSchema } from "@/lib/validation/on-call";

export async function acknowledgePage(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:read",
    schema: incidentIdSchema,
    input: formObject(form),
    service: acknowledge,
    success: "Acknowledged: nobody else will be paged for this incident.",
  });
}
