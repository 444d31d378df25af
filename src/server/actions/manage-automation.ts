"use server";

import { redirect } from "next/navigation";
import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import {
  saveAutomationRule as save,
  setAutomationRuleEnabled as setEnabled,
} from "../services/automation/manage-rules";
import { RULE_FORM_LISTS, saveRuleSchema, setRuleEnabledSchema } from "@/lib/validation/automation-rule";

export async function saveAutomationRule(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "automation:manage",
    schema: saveRuleSchema,
    input: formObject(form, RULE_FORM_LISTS),
    service: save,
  });
  if (result.ok && result.value) redirect(`/admin/automation/${result.value.id}?saved=${result.value.version}`);
  return result;
}

export async function setAutomationRuleEnabled(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "automation:manage",
    schema: setRuleEnabledSchema,
    input: formObject(form),
    service: setEnabled,
    success: "Saved.",
  });
}
