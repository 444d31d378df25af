"use client";

import { startTransition, useActionState, useId, useOptimistic } from "react";
import { toggleChecklistItem } from "@/server/actions/toggle-checklist-item";
import { initialFormState } from "@/server/actions/form-state";
import { FormStatus } from "@/components/ui/form-status";

/** One checklist item as the page sends it: who ticked it and Warden's hint only when there is one. */
export type ChecklistRow = {
  id: string;
  label: string;
  done: boolean;
  required: boolean;
  doneBy?: string;
  hint?: string;
};

/**
 * A phase's items under its name, the current phase marked. The items come as plain rows (the
 * incident named once), not as a drawn element each: the page's data stays small.
 */
export function ChecklistGroup({
  incidentId,
  legend,
  current = false,
  items,
  disabled,
}: {
  incidentId: string;
  legend: string;
  current?: boolean;
  items: readonly ChecklistRow[];
  disabled: boolean;
}) {
  return (
    <fieldset className={current ? "rounded-md border border-brand-100 bg-brand-50 px-3 pb-2" : "px-3"}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {items.map((item) => (
        <ChecklistToggle
          key={item.id}
          incidentId={incidentId}
          itemId={item.id}
          label={item.label}
          done={item.done}
          required={item.required}
          doneBy={item.doneBy ?? null}
          hint={item.hint ?? null}
          disabled={disabled}
        />
      ))}
    </fieldset>
  );
}

/**
 * A real checkbox: ticking it shows at once and saves (audited). If saving is refused, the box
 * returns to what is stored and the reason is shown under it.
 */
function ChecklistToggle({
  incidentId,
  itemId,
  label,
  done,
  required,
  doneBy,
  hint,
  disabled,
}: {
  incidentId: string;
  itemId: string;
  label: string;
  done: boolean;
  required: boolean;
  doneBy: string | null;
  hint: string | null;
  disabled: boolean;
}) {
  const [state, dispatch, pending] = useActionState(toggleChecklistItem, initialFormState);
  const [shown, setShown] = useOptimistic(done);
  const hintId = useId();
  const onChange = (next: boolean) => {
    if (pending) return;
    const data = new FormData();
    data.set("incidentId", incidentId);
    data.set("itemId", itemId);
    data.set("done", String(next));
    startTransition(() => {
      setShown(next);
      dispatch(data);
    });
  };
  return (
    <div className="py-1.5">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={shown}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
          className="mt-0.5 h-4 w-4 shrink-0"
        />
        <span>
          {label}
          {required ? <span className="ml-1 text-xs text-slate-500">(required)</span> : null}
          {shown && done && doneBy ? <span className="ml-2 text-xs text-slate-500">— {doneBy}</span> : null}
          {pending ? <span className="ml-2 text-xs text-slate-500">saving…</span> : null}
        </span>
      </label>
      {hint ? (
        <p id={hintId} className="ml-6 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FormStatus state={state.ok ? { ok: true } : state} className="ml-6 mt-1" />
    </div>
  );
}
