"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import {
  setClientLegalHold as setClientHold,
  setIncidentLegalHold as setIncidentHold,
} from "../services/retention/legal-hold";
import { clientLegalHoldSchema, incidentLegalHoldSchema } from "@/lib/validation/legal-hold";

export async function setIncidentLegalHold(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "legalhold:manage",
    schema: incidentLegalHoldSchema,
    input: formObject(form),
    service: setIncidentHold,
  });
  return result.ok
    ? {
        ...result,
        message: result.value?.held
          ? "Legal hold set: this incident will not be erased while it stands."
          : "Legal hold lifted.",
      }
    : result;
}

export async function setClientLegalHold(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "legalhold:manage",
    schema: clientLegalHoldSchema,
    input: formObject(form),
    service: setClientHold,
  });
  return result.ok
    ? {
        ...result,
        message: result.value?.held
          ? "Legal hold set: none of this client's incidents will be erased while it stands."
          : "Legal hold lifted.",
      }
    : result;
}
