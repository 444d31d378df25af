"use client";

import { setWorkingTarget } from "@/server/actions/set-working-target";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";

/** The organization's working target, in hours, for notices clients owe under laws that fix no time. */
export function WorkingTargetForm({ hours, canChange }: { hours: number; canChange: boolean }) {
  const { state, pending, onSubmit, formRef } = useFormAction(setWorkingTarget);
  const e = state.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label="Working target"
      className="flex flex-wrap items-end gap-3"
    >
      <TextField
        id="working-target-hours"
        name="hours"
        type="number"
        min={1}
        max={8760}
        label="Working target (hours)"
        defaultValue={hours}
        errors={e.hours}
        disabled={!canChange}
      />
      {canChange ? (
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          Save working target
        </button>
      ) : null}
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
