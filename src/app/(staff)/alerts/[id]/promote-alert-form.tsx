"use client";

import { promoteAlert } from "@/server/actions/triage-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { SelectField } from "@/components/ui/select-field";
import { FormStatus } from "@/components/ui/form-status";
import { FactsFields } from "@/components/incident/facts-fields";
import { INCIDENT_TYPES, SEVERITIES, SEVERITY_LABEL, TYPE_LABEL } from "@/domain/incident/types";
import type { AlertForTriage } from "@/server/data/alerts";

/** The alert's facts prefilled as a new incident: the analyst checks them, corrects what is wrong, and confirms. */
export function PromoteAlertForm({
  alertId,
  clientId,
  values,
  timeZone,
}: {
  alertId: string;
  clientId: string;
  values: AlertForTriage["promotion"];
  timeZone: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(promoteAlert);
  const e = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="promote" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="promote" className="text-base font-semibold">
        Promote to a new incident
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Prefilled from the alert: check each fact, then confirm. The incident opens in Identify; the alert becomes its
        first evidence item{values.assets.length ? ` and ${values.assets.join(", ")} its affected systems` : ""}.
      </p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        <FormStatus state={state} />
        <input type="hidden" name="alertId" value={alertId} />
        <input type="hidden" name="clientId" value={clientId} />
        <TextField
          name="title"
          label="Incident title"
          required
          maxLength={200}
          defaultValue={values.title}
          errors={e.title}
        />
        <TextAreaField
          name="summary"
          label="What happened (internal)"
          rows={4}
          required
          defaultValue={values.summary}
          errors={e.summary}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="type"
            label="Type"
            options={INCIDENT_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] }))}
            defaultValue={values.type}
            errors={e.type}
            required
          />
          <SelectField
            name="severity"
            label="Severity"
            options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] }))}
            defaultValue={values.severity}
            errors={e.severity}
            required
          />
        </div>
        <FactsFields
          values={{
            detectedAt: values.detectedAt,
            awareAt: values.awareAt,
            dataCategories: values.dataCategories,
            jurisdictions: values.jurisdictions,
          }}
          errors={e}
          timeZone={timeZone}
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Creating the incident…" : "Confirm and create the incident"}
        </button>
      </form>
    </section>
  );
}
