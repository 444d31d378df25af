"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { reviewNotice as service } from "../services/notices/review-notice";
import { reviewNoticeSchema } from "@/lib/validation/notice";

export async function reviewNotice(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:approve",
    schema: reviewNoticeSchema,
    input: formObject(form),
    service,
    success: "Decision recorded; the drafter has been notified.",
  });
}
