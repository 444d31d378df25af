"use client";

import { addOnCallOverride, removeOnCallOverride } from "@/server/actions/manage-on-call";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";

type Option = { value: string; label: string };

/** Someone stands in as primary for a while (times in the rota's zone). */
export function AddOverrideForm({
  rotaId,
  rotaName,
  staff,
  timeZone,
}: {
  rotaId: string;
  rotaName: string;
  staff: Option[];
  timeZone: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(addOnCallOverride, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Add an override to ${rotaName}`}
      className="space-y-2"
    >
      <input type="hidden" name="rotaId" value={rotaId} />
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField name="userId" label="Who stands in" options={staff} placeholder="Choose…" errors={e.userId} />
        <TextField name="reason" label="Why" maxLength={300} required errors={e.reason} />
        <TextField name="startsAt" label={`From (${timeZone})`} type="datetime-local" required errors={e.startsAt} />
        <TextField name="endsAt" label={`Until (${timeZone})`} type="datetime-local" required errors={e.endsAt} />
      </div>
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60"
      >
        Add override
      </button>
    </form>
  );
}

export function RemoveOverrideButton({ overrideId, label }: { overrideId: string; label: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(removeOnCallOverride);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline">
      <input type="hidden" name="overrideId" value={overrideId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Remove ${label}`}
        className="text-sm text-red-700 underline disabled:opacity-60"
      >
        Remove
      </button>
      <FormStatus state={state} />
    </form>
  );
}
