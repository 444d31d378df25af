"use server";

import { redirect } from "next/navigation";
import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { dismissAlert as dismiss, mergeAlert as merge, promoteAlert as promote } from "../services/alerts/decide-alert";
import { dismissAlertSchema, mergeAlertSchema, promoteAlertSchema } from "@/lib/validation/alert-triage";

export async function dismissAlert(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "alert:triage",
    schema: dismissAlertSchema,
    input: formObject(form),
    service: dismiss,
  });
  if (result.ok) redirect("/alerts?decided=dismissed");
  return result;
}

export async function mergeAlert(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "alert:triage",
    schema: mergeAlertSchema,
    input: formObject(form),
    service: merge,
  });
  if (result.ok && result.value) redirect(`/incidents/${result.value.incidentId}?merged=1`);
  return result;
}

export async function promoteAlert(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "alert:triage",
    schema: promoteAlertSchema(new Date()),
    input: formObject(form, ["dataCategories", "jurisdictions"]),
    service: promote,
  });
  if (result.ok && result.value) redirect(`/incidents/${result.value.id}?created=1`);
  return result;
}
