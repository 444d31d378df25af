"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { withdrawNotice as service } from "../services/notices/review-notice";
import { noticeIdSchema } from "@/lib/validation/notice";

export async function withdrawNotice(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: noticeIdSchema,
    input: formObject(form),
    service,
    success: "Withdrawn: the notice is a draft again.",
  });
}
