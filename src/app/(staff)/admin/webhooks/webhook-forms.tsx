"use client";

import { useId } from "react";
import {
  createWebhook,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhook,
  type WebhookSecretState,
} from "@/server/actions/manage-webhooks";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { EVENT_LABELS, WEBHOOK_EVENTS } from "@/domain/webhooks/events";
import type { WebhookView } from "@/server/data/webhooks";

function SecretOnce({ state }: { state: WebhookSecretState }) {
  const id = useId();
  if (!state.ok || !state.secret) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <label htmlFor={id} className="block font-medium">
        Signing secret (shown once; store it with the receiver)
      </label>
      <input
        id={id}
        readOnly
        value={state.secret}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 block w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs"
      />
    </div>
  );
}

function Fields({ hook, errors }: { hook?: WebhookView; errors: Record<string, string[] | undefined> }) {
  return (
    <>
      <TextField
        name="url"
        label="URL"
        type="url"
        hint="http or https; private and loopback addresses only when allowed below."
        defaultValue={hook?.url}
        maxLength={2000}
        required
        errors={errors.url}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Events</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={event}
                defaultChecked={hook ? hook.events.includes(event) : event === "incident.created"}
                className="h-4 w-4"
              />{" "}
              {EVENT_LABELS[event]} <code className="text-xs text-slate-500">{event}</code>
            </label>
          ))}
        </div>
        {errors.events ? <p className="mt-1 text-sm text-red-700">{errors.events.join(" ")}</p> : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowPrivate" defaultChecked={hook?.allowPrivate ?? false} className="h-4 w-4" />{" "}
        Allow private and loopback addresses (administrators only; for receivers inside your network)
      </label>
      {errors.allowPrivate ? <p className="text-sm text-red-700">{errors.allowPrivate.join(" ")}</p> : null}
    </>
  );
}

export function NewWebhookForm() {
  const { state, pending, onSubmit, formRef } = useFormAction(createWebhook, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="New webhook subscription" className="space-y-3">
      <Fields errors={state.fieldErrors ?? {}} />
      <FormStatus state={state} />
      <SecretOnce state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        Subscribe
      </button>
    </form>
  );
}

export function EditWebhookForm({ hook }: { hook: WebhookView }) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateWebhook);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Edit the subscription for ${hook.url}`}
      className="space-y-3"
    >
      <input type="hidden" name="subscriptionId" value={hook.id} />
      <Fields hook={hook} errors={state.fieldErrors ?? {}} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={hook.enabled} className="h-4 w-4" /> Enabled
      </label>
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        Save
      </button>
    </form>
  );
}

export function RotateSecretButton({ hook }: { hook: WebhookView }) {
  const { state, pending, onSubmit, formRef } = useFormAction(rotateWebhookSecret);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="subscriptionId" value={hook.id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Rotate secret of ${hook.url}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60"
      >
        Rotate secret
      </button>
      <FormStatus state={state} />
      <SecretOnce state={state} />
    </form>
  );
}

export function SendTestButton({ hook }: { hook: WebhookView }) {
  const { state, pending, onSubmit, formRef } = useFormAction(sendWebhookTest);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="subscriptionId" value={hook.id} />
      <button
        type="submit"
        disabled={pending || !hook.enabled}
        aria-label={`Send test to ${hook.url}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60"
      >
        Send test
      </button>
      <FormStatus state={state} />
    </form>
  );
}
