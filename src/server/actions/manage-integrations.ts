"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import {
  createIntegration as create,
  revokeIntegration as revoke,
  rotateIntegrationSecret as rotate,
  type IssuedCredentials,
} from "../services/admin/integrations";
import { createIntegrationSchema, integrationIdSchema } from "@/lib/validation/integration";

/** The form's answer carries the key and secret once; nothing else ever shows them again. */
export type IntegrationFormState = FormState & { issued?: IssuedCredentials };

export async function createIntegration(_prev: IntegrationFormState, form: FormData): Promise<IntegrationFormState> {
  const r = await runAction({
    permission: "integration:manage",
    schema: createIntegrationSchema,
    input: formObject(form, ["clientIds"]),
    service: create,
    success: "Integration made. Copy the key and the signing secret now: they are not shown again.",
  });
  return { ok: r.ok, message: r.message, fieldErrors: r.fieldErrors, at: r.at, issued: r.value };
}

export async function revokeIntegration(_prev: FormState, form: FormData): Promise<FormState> {
  const r = await runAction({
    permission: "integration:manage",
    schema: integrationIdSchema,
    input: formObject(form),
    service: revoke,
    success: "Key revoked: its posts are refused from now on.",
  });
  return { ok: r.ok, message: r.message, fieldErrors: r.fieldErrors, at: r.at };
}

export async function rotateIntegrationSecret(
  _prev: IntegrationFormState,
  form: FormData,
): Promise<IntegrationFormState> {
  const r = await runAction({
    permission: "integration:manage",
    schema: integrationIdSchema,
    input: formObject(form),
    service: rotate,
    success: "New signing secret made. Copy it now: the old one no longer verifies.",
  });
  return { ok: r.ok, message: r.message, fieldErrors: r.fieldErrors, at: r.at, issued: r.value };
}
