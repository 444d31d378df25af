"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { sendNotice as service } from "../services/notices/send-notice";
import { sendNoticeSchema } from "@/lib/validation/notice";

export async function sendNotice(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: sendNoticeSchema,
    input: formObject(form),
    service,
    success: "Sent.",
  });
}
