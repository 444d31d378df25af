"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { submitNotice as service } from "../services/notices/review-notice";
import { noticeIdSchema } from "@/lib/validation/notice";

export async function submitNotice(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: noticeIdSchema,
    input: formObject(form),
    service,
    success: "Saved.",
  });
}
