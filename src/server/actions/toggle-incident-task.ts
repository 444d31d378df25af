"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { toggleIncidentTask as toggleIncidentTaskService } from "../services/incidents/add-incident-task";
import { taskToggleSchema } from "@/lib/validation/incident";

export async function toggleIncidentTask(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: taskToggleSchema,
    input: formObject(form),
    service: toggleIncidentTaskService,
  });
}
