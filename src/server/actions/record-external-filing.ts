"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { recordExternalFiling as service } from "../services/obligations/decide-obligation";
import { externalFilingSchema } from "@/lib/validation/notice";

export async function recordExternalFiling(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "notice:draft",
    schema: externalFilingSchema,
    input: formObject(form),
    service,
    success: "Proposed: it takes effect when a second person who may approve notices confirms it.",
  });
}
