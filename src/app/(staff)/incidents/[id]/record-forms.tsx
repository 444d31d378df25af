"use client";

import { addIncidentNote } from "@/server/actions/add-incident-note";
import { addIncidentTask } from "@/server/actions/add-incident-task";
import { toggleIncidentTask } from "@/server/actions/toggle-incident-task";
import { addEvidence } from "@/server/actions/add-evidence";
import { addCustodyEntry } from "@/server/actions/add-custody-entry";
import { addAffectedAsset } from "@/server/actions/add-affected-asset";
import { assignIncidentOwner } from "@/server/actions/assign-incident-owner";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { SelectField } from "@/components/ui/select-field";

type Option = { value: string; label: string };
const submitClass = "button-dark";

export function NoteForm({ incidentId }: { incidentId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(addIncidentNote, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <TextAreaField name="body" label="Add an internal note" rows={3} errors={state.fieldErrors?.body} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={submitClass}>
        Add note
      </button>
    </form>
  );
}

export function TaskForm({ incidentId, staff, timeZone }: { incidentId: string; staff: Option[]; timeZone: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(addIncidentTask, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-4 sm:items-end">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField name="title" label="New task" errors={state.fieldErrors?.title} className="sm:col-span-2" />
      <SelectField
        name="ownerId"
        label="Owner"
        options={staff}
        placeholder="Unassigned"
        errors={state.fieldErrors?.ownerId}
      />
      <TextField name="dueAt" label={`Due (${timeZone})`} type="datetime-local" errors={state.fieldErrors?.dueAt} />
      <div className="sm:col-span-4">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={`${submitClass} mt-2`}>
          Add task
        </button>
      </div>
    </form>
  );
}

export function TaskToggle({
  incidentId,
  taskId,
  title,
  done,
}: {
  incidentId: string;
  taskId: string;
  title: string;
  done: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(toggleIncidentTask);
  return (
    <form ref={formRef} onSubmit={onSubmit}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="done" value={done ? "false" : "true"} />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={done}
          disabled={pending}
          onChange={() => formRef.current?.requestSubmit()}
          className="h-4 w-4"
        />
        <span className={done ? "line-through text-slate-500" : ""}>{title}</span>
      </label>
      <FormStatus state={state.ok ? { ok: true } : state} />
    </form>
  );
}

export function EvidenceForm({ incidentId, timeZone, now }: { incidentId: string; timeZone: string; now: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(addEvidence, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField
        name="description"
        label="Evidence item"
        errors={e.description}
        hint="For example: firewall log export 12–14 March"
      />
      <TextField name="location" label="Where it is kept" errors={e.location} hint="Evidence locker path, vault id…" />
      <TextField name="sha256" label="SHA-256 of the item" errors={e.sha256} hint="Output of sha256sum FILE" />
      <TextField
        name="collectedAt"
        label={`Collected (${timeZone})`}
        type="datetime-local"
        defaultValue={now}
        errors={e.collectedAt}
      />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={`${submitClass} mt-2`}>
          Record evidence
        </button>
      </div>
    </form>
  );
}

export function CustodyForm({ incidentId, evidenceId }: { incidentId: string; evidenceId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(addCustodyEntry, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 grid gap-2 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <SelectField
        name="action"
        label="Custody event"
        id={`custody-action-${evidenceId}`}
        options={[
          { value: "TRANSFERRED", label: "Transferred" },
          { value: "ACCESSED", label: "Accessed" },
          { value: "RETURNED", label: "Returned" },
          { value: "DISPOSED", label: "Disposed of" },
        ]}
        errors={state.fieldErrors?.action}
      />
      <TextField name="note" label="Note" id={`custody-note-${evidenceId}`} errors={state.fieldErrors?.note} />
      <div>
        <button type="submit" disabled={pending} className={submitClass}>
          Log custody
        </button>
      </div>
      <FormStatus state={state} className="sm:col-span-3" />
    </form>
  );
}

export function AssetForm({ incidentId }: { incidentId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(addAffectedAsset, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="incidentId" value={incidentId} />
      <TextField name="name" label="Affected system or asset" errors={state.fieldErrors?.name} />
      <TextField name="kind" label="Kind" errors={state.fieldErrors?.kind} hint="Server, SaaS, laptop, paper files…" />
      <div>
        <button type="submit" disabled={pending} className={submitClass}>
          Add system
        </button>
      </div>
      <FormStatus state={state} className="sm:col-span-3" />
    </form>
  );
}

export function OwnerForm({
  incidentId,
  version,
  ownerId,
  staff,
}: {
  incidentId: string;
  version: number;
  ownerId: string | null;
  staff: Option[];
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(assignIncidentOwner);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        name="ownerId"
        label="Owner"
        options={staff}
        placeholder="Unassigned"
        defaultValue={ownerId ?? ""}
        errors={state.fieldErrors?.ownerId}
        key={`${ownerId}-${version}`}
      />
      <button type="submit" disabled={pending} className={submitClass}>
        Reassign
      </button>
      <FormStatus state={state} className="w-full" />
    </form>
  );
}
