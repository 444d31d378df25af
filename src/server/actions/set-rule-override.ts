"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { setRuleOverride as service } from "../services/set-rule-override";
import { ruleOverrideSchema } from "@/lib/validation/notice";

export async function setRuleOverride(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "client:manage",
    schema: ruleOverrideSchema,
    input: formObject(form),
    service,
    success: "Figure saved; open incidents recomputed.",
  });
}
