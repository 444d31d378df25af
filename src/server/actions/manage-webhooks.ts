"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import {
  createWebhook as create,
  rotateWebhookSecret as rotate,
  sendWebhookTest as sendTest,
  updateWebhook as update,
} from "../services/webhooks/manage-webhooks";
import { createWebhookSchema, updateWebhookSchema, webhookIdSchema } from "@/lib/validation/webhook";

/** The signing secret comes back once, in the form's state, to be shown and copied. */
export type WebhookSecretState = FormState & { secret?: string };

export async function createWebhook(_prev: WebhookSecretState, form: FormData): Promise<WebhookSecretState> {
  const result = await runAction({
    permission: "webhook:manage",
    schema: createWebhookSchema,
    input: formObject(form, ["events"]),
    service: (ctx, input) => create(ctx, input),
  });
  if (!result.ok || !result.value) return result;
  const { value, ...rest } = result;
  return {
    ...rest,
    secret: value.secret,
    message: "Subscription saved. Copy the signing secret now: it is shown once.",
  };
}

export async function updateWebhook(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "webhook:manage",
    schema: updateWebhookSchema,
    input: formObject(form, ["events"]),
    service: (ctx, input) => update(ctx, input),
    success: "Subscription saved.",
  });
}

export async function rotateWebhookSecret(_prev: WebhookSecretState, form: FormData): Promise<WebhookSecretState> {
  const result = await runAction({
    permission: "webhook:manage",
    schema: webhookIdSchema,
    input: formObject(form),
    service: rotate,
  });
  if (!result.ok || !result.value) return result;
  const { value, ...rest } = result;
  return { ...rest, secret: value.secret, message: "New secret made; the old one no longer signs. Copy it now." };
}

export async function sendWebhookTest(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "webhook:manage",
    schema: webhookIdSchema,
    input: formObject(form),
    service: sendTest,
    success: "Test event queued: it appears in the delivery log within seconds.",
  });
}
