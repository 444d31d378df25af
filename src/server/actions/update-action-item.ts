"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { updateActionItem as service } from "../services/post-mortem/post-mortem";
import { updateActionItemSchema } from "@/lib/validation/post-mortem";

export async function updateActionItem(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "postmortem:run",
    schema: updateActionItemSchema,
    input: formObject(form),
    service,
    success: "Action item saved.",
  });
}
