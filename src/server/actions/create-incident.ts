"use server";

import { redirect } from "next/navigation";
import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { createIncident as createIncidentService } from "../services/incidents/create-incident";
import { createIncidentSchema } from "@/lib/validation/incident";

export async function createIncident(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "incident:create",
    schema: createIncidentSchema(new Date()),
    input: formObject(form, ["dataCategories", "jurisdictions"]),
    service: createIncidentService,
  });
  if (result.ok && result.value) redirect(`/incidents/${result.value.id}?created=1`);
  return result;
}
