"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { submitNotice as service } from "../services/notices/review-notice";
import { updateNoticeSchema } from "@/lib/validation/notice";

/** Saves what is in the editor and submits it for approval, in one step. */
export async function submitNotice(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: updateNoticeSchema,
    input: formObject(form),
    service,
    success: "Saved and submitted: the approvers have been notified.",
  });
}
