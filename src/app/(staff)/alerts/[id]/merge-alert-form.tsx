"use client";

import { mergeAlert } from "@/server/actions/triage-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { SelectField } from "@/components/ui/select-field";
import { FormStatus } from "@/components/ui/form-status";
import { PHASE_LABEL } from "@/domain/incident/types";
import type { OpenIncidentOption } from "@/server/data/alerts";

/** Merge into an open incident of the same client: the alert joins its evidence. */
export function MergeAlertForm({ alertId, incidents }: { alertId: string; incidents: readonly OpenIncidentOption[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(mergeAlert);
  return (
    <section aria-labelledby="merge" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="merge" className="text-base font-semibold">
        Merge into an open incident
      </h2>
      {incidents.length ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
          <FormStatus state={state} />
          <input type="hidden" name="alertId" value={alertId} />
          <SelectField
            name="incidentId"
            label="Incident"
            placeholder="Choose an incident"
            options={incidents.map((i) => ({
              value: i.id,
              label: `${i.reference} · ${i.title} (${PHASE_LABEL[i.phase]})`,
            }))}
            errors={state.fieldErrors?.incidentId}
            required
          />
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60"
          >
            {pending ? "Merging…" : "Merge into this incident"}
          </button>
        </form>
      ) : (
        <p className="mt-2 text-sm text-slate-600">This client has no open incident to merge into.</p>
      )}
    </section>
  );
}
