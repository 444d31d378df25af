"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { saveReview as service } from "../services/post-mortem/post-mortem";
import { reviewSchema } from "@/lib/validation/post-mortem";

export async function saveReview(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "postmortem:run",
    schema: reviewSchema,
    input: formObject(form),
    service,
    success: "Review saved.",
  });
}
