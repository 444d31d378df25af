"use client";

import { dismissAlert } from "@/server/actions/triage-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextAreaField } from "@/components/ui/textarea-field";
import { FormStatus } from "@/components/ui/form-status";

/** Dismiss, with the reason the audit trail keeps. */
export function DismissAlertForm({ alertId }: { alertId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(dismissAlert);
  return (
    <section aria-labelledby="dismiss" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="dismiss" className="text-base font-semibold">
        Dismiss
      </h2>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
        <FormStatus state={state} />
        <input type="hidden" name="alertId" value={alertId} />
        <TextAreaField
          name="reason"
          label="Why is it not an incident?"
          rows={2}
          required
          maxLength={1000}
          errors={state.fieldErrors?.reason}
          hint="Kept in the audit trail with the alert."
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? "Dismissing…" : "Dismiss the alert"}
        </button>
      </form>
    </section>
  );
}
