"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { toggleChecklistItem as toggleChecklistItemService } from "../services/incidents/toggle-checklist-item";
import { checklistToggleSchema } from "@/lib/validation/incident";

export async function toggleChecklistItem(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: checklistToggleSchema,
    input: formObject(form),
    service: toggleChecklistItemService,
  });
}
