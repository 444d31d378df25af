"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { updateIncidentFacts as updateIncidentFactsService } from "../services/incidents/update-incident-facts";
import { updateFactsSchema } from "@/lib/validation/incident";

export async function updateIncidentFacts(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: updateFactsSchema(new Date()),
    input: formObject(form, ["dataCategories", "jurisdictions"]),
    service: updateIncidentFactsService,
    success: "Facts saved.",
  });
}
