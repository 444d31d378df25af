"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { markObligationNotRequired as service } from "../services/obligations/decide-obligation";
import { obligationDecisionSchema } from "@/lib/validation/notice";

export async function markObligationNotRequired(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: obligationDecisionSchema,
    input: formObject(form),
    service,
    success: "Proposed: it takes effect when a second person who may approve notices confirms it.",
  });
}
