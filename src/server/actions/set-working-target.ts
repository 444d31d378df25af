"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { setWorkingTarget as service } from "../services/admin/working-target";
import { workingTargetSchema } from "@/lib/validation/working-target";

export async function setWorkingTarget(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "client:manage",
    schema: workingTargetSchema,
    input: formObject(form),
    service,
    success: "Working target saved; open incidents recomputed.",
  });
}
