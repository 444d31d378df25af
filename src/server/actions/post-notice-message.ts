"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { postNoticeMessage as service } from "../services/notices/portal-actions";
import { noticeMessageSchema } from "@/lib/validation/notice";

/** Client contacts ask (portal:ask); staff answer (notice:draft). The service checks which. */
export async function postNoticeMessage(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "portal:view",
    schema: noticeMessageSchema,
    input: formObject(form),
    service,
    success: "Message sent.",
  });
}
