"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { addIncidentTask as addIncidentTaskService } from "../services/incidents/add-incident-task";
import { addTaskSchema } from "@/lib/validation/incident";

export async function addIncidentTask(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: addTaskSchema,
    input: formObject(form),
    service: addIncidentTaskService,
    success: "Task added.",
  });
}
