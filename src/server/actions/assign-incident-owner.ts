"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { assignIncidentOwner as assignIncidentOwnerService } from "../services/incidents/assign-incident-owner";
import { assignOwnerSchema } from "@/lib/validation/incident";

export async function assignIncidentOwner(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: assignOwnerSchema,
    input: formObject(form),
    service: assignIncidentOwnerService,
    success: "Owner saved.",
  });
}
