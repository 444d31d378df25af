"use client";

import { setClientLegalHold, setIncidentLegalHold } from "@/server/actions/set-legal-hold";
import { useFormAction } from "./use-form-action";
import { FormStatus } from "./form-status";
import { TextAreaField } from "./textarea-field";

/** Sets or lifts a legal hold on an incident or a client; either way with a reason, for the audit trail. */
export function LegalHoldForm({
  target,
  id,
  name,
  held,
}: {
  target: "incident" | "client";
  id: string;
  name: string;
  held: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(
    target === "incident" ? setIncidentLegalHold : setClientLegalHold,
    { resetOnSuccess: true },
  );
  const verb = held ? "Lift the legal hold" : "Set a legal hold";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`${verb} on ${name}`} className="space-y-2">
      <input type="hidden" name={target === "incident" ? "incidentId" : "clientId"} value={id} />
      <input type="hidden" name="mode" value={held ? "lift" : "set"} />
      <TextAreaField
        name="reason"
        label={held ? "Why the hold is lifted" : "Why it must be kept"}
        hint={
          held
            ? "E.g. the case was settled; counsel released the hold."
            : "E.g. the litigation or inquiry it concerns, and who asked for the hold."
        }
        rows={2}
        maxLength={1000}
        required
        errors={state.fieldErrors?.reason}
      />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${held ? "bg-slate-700" : "bg-red-700"}`}
      >
        {verb}
      </button>
    </form>
  );
}
