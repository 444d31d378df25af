"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { acknowledgeNotice as service } from "../services/notices/portal-actions";
import { noticeIdSchema } from "@/lib/validation/notice";

export async function acknowledgeNotice(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "portal:acknowledge",
    schema: noticeIdSchema,
    input: formObject(form),
    service,
    success: "Receipt acknowledged.",
  });
}
