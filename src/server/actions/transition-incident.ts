"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { transitionIncident as transitionIncidentService } from "../services/incidents/transition-incident";
import { transitionSchema } from "@/lib/validation/incident";

export async function transitionIncident(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:transition",
    schema: transitionSchema,
    input: formObject(form),
    service: transitionIncidentService,
    success: "Saved.",
  });
}
