"use client";

import { saveReview } from "@/server/actions/save-review";
import { completeReview } from "@/server/actions/complete-review";
import { addActionItem } from "@/server/actions/add-action-item";
import { updateActionItem } from "@/server/actions/update-action-item";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { SelectField } from "@/components/ui/select-field";
import { REVIEW_SECTIONS } from "@/domain/incident/post-mortem";

type Option = { value: string; label: string };
const btn = "button-dark";

export function ReviewForm({
  incidentId,
  version,
  values,
  completed,
}: {
  incidentId: string;
  version: number;
  values: Record<string, string>;
  completed: boolean;
}) {
  // Destructured, not kept as objects: the React compiler treats an object holding a ref as a ref,
  // and reading it while rendering is refused. The save form's hook stays here, above its key, so
  // the outcome of a save survives the re-keyed form showing the saved text.
  const { state: saveState, pending: savePending, onSubmit: onSave, formRef: saveRef } = useFormAction(saveReview);
  const { state: completeState, pending: completePending, onSubmit: onComplete } = useFormAction(completeReview);
  return (
    <div className="space-y-4">
      <form ref={saveRef} onSubmit={onSave} noValidate className="space-y-3" key={version}>
        <input type="hidden" name="incidentId" value={incidentId} />
        <input type="hidden" name="version" value={version} />
        {REVIEW_SECTIONS.map((s) => (
          <TextAreaField
            key={s.key}
            id={`review-${s.key}`}
            name={s.key}
            label={s.label}
            rows={3}
            defaultValue={values[s.key] ?? ""}
            errors={saveState.fieldErrors?.[s.key]}
          />
        ))}
        <FormStatus state={saveState} />
        <button type="submit" disabled={savePending} className={btn}>
          Save review
        </button>
        {completed ? (
          <p className="text-xs text-slate-500">
            Saving changes reopens the completed review: complete it again afterwards.
          </p>
        ) : null}
      </form>
      {!completed && version > 0 ? (
        <form onSubmit={onComplete} className="border-t border-slate-200 pt-3">
          <input type="hidden" name="incidentId" value={incidentId} />
          <input type="hidden" name="version" value={version} />
          <FormStatus state={completeState} className="mb-2" />
          <button
            type="submit"
            disabled={completePending}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Complete the review
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function ActionItemForm({
  incidentId,
  staff,
  timeZone,
}: {
  incidentId: string;
  staff: Option[];
  timeZone: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(addActionItem, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-4 sm:items-end">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField id="action-title" name="title" label="New action item" errors={e.title} className="sm:col-span-2" />
      <SelectField
        id="action-owner"
        name="ownerId"
        label="Action owner"
        options={staff}
        placeholder="Unassigned"
        errors={e.ownerId}
      />
      <TextField id="action-due" name="dueAt" type="datetime-local" label={`Due (${timeZone})`} errors={e.dueAt} />
      <div className="sm:col-span-4">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={`${btn} mt-1`}>
          Add action item
        </button>
      </div>
    </form>
  );
}

export function ActionItemRow({
  incidentId,
  id,
  title,
  ownerId,
  status,
  staff,
}: {
  incidentId: string;
  id: string;
  title: string;
  ownerId: string | null;
  status: string;
  staff: Option[];
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateActionItem);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-label={`Action item: ${title}`}
      className="grid gap-2 sm:grid-cols-4 sm:items-end"
    >
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="actionItemId" value={id} />
      <p className="text-sm sm:col-span-4 font-medium">{title}</p>
      <SelectField
        id={`ai-owner-${id}`}
        name="ownerId"
        label="Owner"
        options={staff}
        placeholder="Unassigned"
        defaultValue={ownerId ?? ""}
        errors={state.fieldErrors?.ownerId}
      />
      <SelectField
        id={`ai-status-${id}`}
        name="status"
        label="Status"
        defaultValue={status}
        options={[
          { value: "OPEN", label: "Open" },
          { value: "IN_PROGRESS", label: "In progress" },
          { value: "DONE", label: "Done" },
        ]}
      />
      <div>
        <button type="submit" disabled={pending} className={btn}>
          Save
        </button>
      </div>
      <FormStatus state={state} className="sm:col-span-4" />
    </form>
  );
}
