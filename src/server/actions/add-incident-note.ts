"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { addIncidentNote as addIncidentNoteService } from "../services/incidents/add-incident-note";
import { addNoteSchema } from "@/lib/validation/incident";

export async function addIncidentNote(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: addNoteSchema,
    input: formObject(form),
    service: addIncidentNoteService,
    success: "Note added.",
  });
}
