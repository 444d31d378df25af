"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { addCustodyEntry as addCustodyEntryService } from "../services/incidents/add-evidence";
import { addCustodySchema } from "@/lib/validation/incident";

export async function addCustodyEntry(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: addCustodySchema,
    input: formObject(form),
    service: addCustodyEntryService,
    success: "Custody recorded.",
  });
}
