"use client";

import { createRota, updateRota } from "@/server/actions/manage-on-call";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import type { RotaView } from "@/server/data/on-call-rotas";

const SLOTS = 6;
const ORDINAL = ["1st", "2nd", "3rd", "4th", "5th", "6th"];
type Option = { value: string; label: string };

/** Creates a rota, or edits one (`rota` given): members in turn order, handover, escalation. */
export function RotaForm({ rota, staff, clients }: { rota?: RotaView; staff: Option[]; clients: Option[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(rota ? updateRota : createRota, {
    resetOnSuccess: !rota,
  });
  const e = state.fieldErrors ?? {};
  const custom = rota ? rota.shiftHours !== 168 : false;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={rota ? `Edit the rota ${rota.name}` : "New rota"}
      className="space-y-3"
    >
      {rota ? (
        <>
          <input type="hidden" name="rotaId" value={rota.id} />
          <input type="hidden" name="version" value={rota.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={rota?.name} maxLength={200} required errors={e.name} />
        <SelectField
          name="clientId"
          label="Client"
          options={clients}
          placeholder="Every client without a rota of its own"
          defaultValue={rota?.clientId ?? ""}
          errors={e.clientId}
        />
        <TextField
          name="timeZone"
          label="Time zone"
          hint="Leave empty for the client's zone."
          defaultValue={rota?.timeZone}
          errors={e.timeZone}
        />
        <TextField
          name="handoverTime"
          label="Handover time (local)"
          type="time"
          defaultValue={rota?.handoverTime ?? "09:00"}
          required
          errors={e.handoverTime}
        />
        <SelectField
          name="rotation"
          label="Rotation"
          options={[
            { value: "weekly", label: "Weekly" },
            { value: "custom", label: "Custom shift length" },
          ]}
          defaultValue={custom ? "custom" : "weekly"}
          errors={e.rotation}
        />
        <TextField
          name="shiftHours"
          label="Shift length in hours (custom)"
          type="number"
          min={1}
          max={336}
          defaultValue={custom ? rota?.shiftHours : ""}
          errors={e.shiftHours}
        />
        <TextField
          name="startsOn"
          label="First shift starts on"
          type="date"
          defaultValue={rota?.startsOn}
          required
          errors={e.startsOn}
        />
        <TextField
          name="escalateAfterMinutes"
          label="Escalate an unacknowledged page after (minutes)"
          type="number"
          min={1}
          max={1440}
          defaultValue={rota?.escalateAfterMinutes ?? 15}
          required
          errors={e.escalateAfterMinutes}
        />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Members, in turn order</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {Array.from({ length: SLOTS }, (_, i) => (
            <SelectField
              key={i}
              name="memberIds"
              label={`${ORDINAL[i]} on call`}
              options={staff}
              placeholder="—"
              defaultValue={rota?.members[i]?.id ?? ""}
            />
          ))}
        </div>
        {e.memberIds ? <p className="mt-1 text-sm text-red-700">{e.memberIds.join(" ")}</p> : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="secondaryUserId"
          label="Secondary"
          options={staff}
          placeholder="The next member in order"
          defaultValue={rota?.secondaryUserId ?? ""}
          errors={e.secondaryUserId}
        />
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="enabled" defaultChecked={rota?.enabled ?? true} className="h-4 w-4" /> In use
        </label>
      </div>
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        {rota ? "Save rota" : "Create rota"}
      </button>
    </form>
  );
}
