"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { updateAssessment as service } from "../services/incidents/update-assessment";
import { assessmentSchema } from "@/lib/validation/notice";

export async function updateAssessment(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: assessmentSchema,
    input: formObject(form),
    service,
    success: "Assessment saved; obligations recomputed.",
  });
}
