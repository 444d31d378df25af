"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { addEvidence as addEvidenceService } from "../services/incidents/add-evidence";
import { addEvidenceSchema } from "@/lib/validation/incident";

export async function addEvidence(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: addEvidenceSchema,
    input: formObject(form),
    service: addEvidenceService,
    success: "Evidence recorded.",
  });
}
