"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { updateNoticeDraft as service } from "../services/notices/draft-notice";
import { updateNoticeSchema } from "@/lib/validation/notice";

export async function updateNoticeDraft(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: updateNoticeSchema,
    input: formObject(form),
    service,
    success: "Saved.",
  });
}
