"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { addActionItem as service } from "../services/post-mortem/post-mortem";
import { actionItemSchema } from "@/lib/validation/post-mortem";

export async function addActionItem(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "postmortem:run",
    schema: actionItemSchema,
    input: formObject(form),
    service,
    success: "Action item added.",
  });
}
