"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { reviewObligationDecision as service } from "../services/obligations/confirm-obligation-decision";
import { reviewObligationDecisionSchema } from "@/lib/validation/notice";

export async function reviewObligationDecision(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:approve",
    schema: reviewObligationDecisionSchema,
    input: formObject(form),
    service,
    success: "Decision recorded; whoever proposed it has been told.",
  });
}
