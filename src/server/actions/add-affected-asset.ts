"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { addAffectedAsset as addAffectedAssetService } from "../services/incidents/add-affected-asset";
import { addAssetSchema } from "@/lib/validation/incident";

export async function addAffectedAsset(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:update",
    schema: addAssetSchema,
    input: formObject(form),
    service: addAffectedAssetService,
    success: "System added.",
  });
}
