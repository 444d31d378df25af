"use client";

import { createIncident } from "@/server/actions/create-incident";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { SelectField } from "@/components/ui/select-field";
import { FormStatus } from "@/components/ui/form-status";
import { FactsFields } from "@/components/incident/facts-fields";
import { INCIDENT_TYPES, SEVERITIES, SEVERITY_LABEL, TYPE_LABEL } from "@/domain/incident/types";

type Option = { value: string; label: string };

/** `staff` is null for someone who may not assign: they own what they log, and are told so. */
export function NewIncidentForm({
  clients,
  staff,
  viewerId,
  timeZone,
  now,
}: {
  clients: Option[];
  staff: Option[] | null;
  viewerId: string;
  timeZone: string;
  now: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(createIncident);
  const e = state.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-6"
    >
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="clientId"
          label="Client"
          options={clients}
          placeholder="Choose a client"
          defaultValue={clients.length === 1 && clients[0] ? clients[0].value : ""}
          errors={e.clientId}
          required
        />
        {staff ? (
          <SelectField name="ownerId" label="Owner" options={staff} defaultValue={viewerId} errors={e.ownerId} />
        ) : (
          <div className="text-sm">
            <p className="font-medium text-slate-700">Owner</p>
            <p className="mt-2 text-slate-600">You. A manager can assign it to someone else.</p>
          </div>
        )}
      </div>
      <TextField
        name="title"
        label="Title"
        required
        maxLength={200}
        errors={e.title}
        hint="Shown in lists and searchable. Keep names and personal data out of it: the descriptions below are stored encrypted."
      />
      <TextAreaField
        name="summary"
        label="What happened (internal)"
        rows={5}
        required
        errors={e.summary}
        hint="Facts known so far, for the team: names, systems, suspicions. Staff only: never copied into a notice, the portal or a client document."
      />
      <TextAreaField
        name="clientSummary"
        label="What the client will read"
        rows={4}
        errors={e.clientSummary}
        hint="Client-facing description: notices, the client portal and client documents use this text and nothing else. Plain facts the client may share onwards. You can write it later; a notice cannot be submitted without it."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="type"
          label="Type"
          options={INCIDENT_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] }))}
          placeholder="Choose a type"
          errors={e.type}
          required
        />
        <SelectField
          name="severity"
          label="Severity"
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] }))}
          placeholder="Choose a severity"
          errors={e.severity}
          required
        />
      </div>
      <FactsFields values={{ detectedAt: now, awareAt: now }} errors={e} timeZone={timeZone} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Logging…" : "Log incident"}
      </button>
    </form>
  );
}
