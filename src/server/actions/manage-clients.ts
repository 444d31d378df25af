"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { createClient as create, updateClient as update } from "../services/admin/clients";
import { clientSchema, updateClientSchema } from "@/lib/validation/client";

export async function createClient(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({ permission: "client:manage", schema: clientSchema, input: formObject(form), service: create, success: "Client added. Assign analysts to it under People." });
}

export async function updateClient(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({ permission: "client:manage", schema: updateClientSchema, input: formObject(form), service: update });
  if (!result.ok || !result.value) return result;
  const n = result.value.recomputed;
  return { ...result, message: n ? `Saved; the deadlines of ${n} open incident${n === 1 ? "" : "s"} changed.` : "Saved." };
}
