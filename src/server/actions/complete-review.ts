"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { completeReview as service } from "../services/post-mortem/post-mortem";
import { completeReviewSchema } from "@/lib/validation/post-mortem";

export async function completeReview(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "postmortem:run",
    schema: completeReviewSchema,
    input: formObject(form),
    service,
    success: "Review completed.",
  });
}
