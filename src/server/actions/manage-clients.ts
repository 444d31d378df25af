"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { createClient as create, updateClient as update, type TermsPreview } from "../services/admin/clients";
import { clientSchema, updateClientSchema } from "@/lib/validation/client";

export async function createClient(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "client:manage",
    schema: clientSchema,
    input: formObject(form),
    service: create,
    success: "Client added. Assign analysts to it under People.",
  });
}

/** A change of terms comes back first as a preview to confirm; the form shows it. */
export type ClientFormState = FormState & { preview?: TermsPreview };

export async function updateClient(_prev: ClientFormState, form: FormData): Promise<ClientFormState> {
  const result = await runAction({
    permission: "client:manage",
    schema: updateClientSchema,
    input: formObject(form),
    service: update,
  });
  if (!result.ok || !result.value) return result;
  const v = result.value;
  if (v.kind === "PREVIEW") {
    return v.stale
      ? {
          ok: false,
          at: result.at,
          preview: v.preview,
          message:
            "Not saved: what you previewed no longer matches (the form, the client or its open incidents changed since). Review what the change does now, then confirm again.",
        }
      : { ok: true, at: result.at, preview: v.preview };
  }
  const n = v.recomputed;
  return {
    ok: true,
    at: result.at,
    message: n ? `Saved; the deadlines of ${n} open incident${n === 1 ? "" : "s"} changed.` : "Saved.",
  };
}
