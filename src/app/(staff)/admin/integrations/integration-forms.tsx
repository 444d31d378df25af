"use client";

import {
  createIntegration,
  revokeIntegration,
  rotateIntegrationSecret,
  type IntegrationFormState,
} from "@/server/actions/manage-integrations";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { FORMAT_LABEL, INTEGRATION_FORMATS } from "@/domain/alerts/mappings/map-payload";

function CredentialsOnce({ state }: { state: IntegrationFormState }) {
  if (!state.ok || !state.issued) return null;
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p className="font-medium">Shown once: store these with the tool now.</p>
      {state.issued.apiKey ? (
        <p>
          API key (Authorization: Bearer …):
          <code className="mt-1 block break-all font-mono text-xs" aria-label="API key">
            {state.issued.apiKey}
          </code>
        </p>
      ) : null}
      <p>
        Signing secret (HMAC-SHA256 key for X-Warden-Signature):
        <code className="mt-1 block break-all font-mono text-xs" aria-label="Signing secret">
          {state.issued.signingSecret}
        </code>
      </p>
    </div>
  );
}

type ClientOption = { id: string; name: string };

export function NewIntegrationForm({ clients }: { clients: ClientOption[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(createIntegration, { resetOnSuccess: true });
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="New integration" className="space-y-3">
      <TextField
        name="name"
        label="Name"
        hint="e.g. “Wazuh — Acme floor”"
        maxLength={100}
        required
        errors={errors.name}
      />
      <div>
        <label htmlFor="integration-format" className="block text-sm font-medium text-slate-800">
          Format
        </label>
        <select
          id="integration-format"
          name="format"
          defaultValue="GENERIC"
          aria-describedby={errors.format ? "integration-format-error" : undefined}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          {INTEGRATION_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABEL[f]}
            </option>
          ))}
        </select>
        {errors.format ? (
          <p id="integration-format-error" className="mt-1 text-sm text-red-700">
            {errors.format.join(" ")}
          </p>
        ) : null}
      </div>
      <fieldset aria-describedby={errors.clientIds ? "integration-clients-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Clients this key may post for</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {clients.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="clientIds" value={c.id} className="h-4 w-4" /> {c.name}
            </label>
          ))}
        </div>
        {errors.clientIds ? (
          <p id="integration-clients-error" className="mt-1 text-sm text-red-700">
            {errors.clientIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="integration-default" className="block text-sm font-medium text-slate-800">
          Default client (when a post names none)
        </label>
        <select
          id="integration-default"
          name="defaultClientId"
          defaultValue=""
          aria-describedby={errors.defaultClientId ? "integration-default-error" : undefined}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">None (the only client, if just one)</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.defaultClientId ? (
          <p id="integration-default-error" className="mt-1 text-sm text-red-700">
            {errors.defaultClientId.join(" ")}
          </p>
        ) : null}
      </div>
      <TextField
        name="rateLimitPerMinute"
        label="Alerts per minute"
        type="number"
        min={1}
        max={100000}
        defaultValue="600"
        required
        errors={errors.rateLimitPerMinute}
      />
      <FormStatus state={state} />
      <CredentialsOnce state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        Make integration
      </button>
    </form>
  );
}

export function RotateIntegrationSecretButton({ id, name }: { id: string; name: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(rotateIntegrationSecret);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="integrationId" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Rotate the signing secret of ${name}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60"
      >
        Rotate secret
      </button>
      <FormStatus state={state} />
      <CredentialsOnce state={state} />
    </form>
  );
}

export function RevokeIntegrationButton({ id, name }: { id: string; name: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(revokeIntegration);
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke the key of ${name}? Its posts are refused from then on.`)) e.preventDefault();
        else onSubmit(e);
      }}
      className="space-y-2"
    >
      <input type="hidden" name="integrationId" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke the key of ${name}`}
        className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 disabled:opacity-60"
      >
        Revoke key
      </button>
      <FormStatus state={state} />
    </form>
  );
}
