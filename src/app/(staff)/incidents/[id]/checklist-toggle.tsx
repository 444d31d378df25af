"use client";

import { toggleChecklistItem } from "@/server/actions/toggle-checklist-item";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";

/** A real checkbox: ticking it saves at once (and is audited). */
export function ChecklistToggle({ incidentId, itemId, label, done, required, doneBy, disabled }: {
  incidentId: string; itemId: string; label: string; done: boolean; required: boolean; doneBy: string | null; disabled: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(toggleChecklistItem);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="py-1.5">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="done" value={done ? "false" : "true"} />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={done}
          disabled={disabled || pending}
          onChange={() => formRef.current?.requestSubmit()}
          className="mt-0.5 h-4 w-4"
        />
        <span>
          {label}
          {required ? <span className="ml-1 text-xs text-slate-500">(required)</span> : null}
          {done && doneBy ? <span className="ml-2 text-xs text-slate-500">— {doneBy}</span> : null}
        </span>
      </label>
      <FormStatus state={state.ok ? { ok: true } : state} className="mt-1" />
    </form>
  );
}
