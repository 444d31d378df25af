"use client";

import { updateIncidentFacts } from "@/server/actions/update-incident-facts";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { FactsFields, type FactsValues } from "@/components/incident/facts-fields";

export function FactsForm({
  incidentId,
  version,
  title,
  summary,
  clientSummary,
  values,
  timeZone,
}: {
  incidentId: string;
  version: number;
  title: string;
  summary: string;
  clientSummary: string;
  values: FactsValues;
  timeZone: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateIncidentFacts);
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" key={version}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="title"
        label="Title"
        defaultValue={title}
        errors={e.title}
        hint="Shown in lists and searchable: no names or personal data."
      />
      <TextAreaField
        name="summary"
        label="What happened (internal)"
        rows={4}
        defaultValue={summary}
        errors={e.summary}
        hint="Staff only: never copied into a notice, the portal or a client document."
      />
      <TextAreaField
        name="clientSummary"
        label="What the client will read"
        rows={4}
        defaultValue={clientSummary}
        errors={e.clientSummary}
        hint="Client-facing description: new notice drafts, the portal and client documents use this text."
      />
      <FactsFields values={values} errors={e} timeZone={timeZone} />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Save facts
      </button>
    </form>
  );
}
