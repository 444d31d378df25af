"use client";

import { createClient, updateClient, type ClientFormState } from "@/server/actions/manage-clients";
import { ClientTermsPreview } from "./client-terms-preview";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { REGIME_FLAGS, REGIME_FLAG_KEYS, SECTORS, SECTOR_LABEL } from "@/domain/clients";
import type { AdminClient } from "@/server/data/organization";

const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: SECTOR_LABEL[s] }));

function ClientFields({
  prefix,
  client,
  errors,
}: {
  prefix: string;
  client?: AdminClient;
  errors: Record<string, string[] | undefined>;
}) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <TextField id={id("name")} name="name" label="Name" defaultValue={client?.name} errors={errors.name} />
      <SelectField
        id={id("sector")}
        name="sector"
        label="Sector"
        options={SECTOR_OPTIONS}
        defaultValue={client?.sector ?? "HEALTHCARE"}
        errors={errors.sector}
      />
      <TimeZoneField
        id={id("timeZone")}
        name="timeZone"
        label="Time zone"
        defaultValue={client?.timeZone ?? ""}
        hint="The contract clock counts in it. Choose from the list of IANA zones."
        errors={errors.timeZone}
      />
      <TextField
        id={id("country")}
        name="country"
        label="Country"
        defaultValue={client?.country ?? ""}
        placeholder="US"
        maxLength={2}
        errors={errors.country}
      />
      <TextField
        id={id("noticeHours")}
        name="noticeHours"
        label="Contract notice window (hours)"
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue={client?.noticeHours ?? 24}
        errors={errors.noticeHours}
      />
      <label className="flex items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          name="noticeBusinessHoursOnly"
          defaultChecked={client?.noticeBusinessHoursOnly ?? false}
          className="h-4 w-4"
        />{" "}
        Counted in business hours only
      </label>
      <TextField
        id={id("retentionYears")}
        name="retentionYears"
        label="Keep closed incidents (years)"
        type="number"
        min={1}
        max={50}
        inputMode="numeric"
        defaultValue={client?.retentionYears ?? 6}
        hint="Then their content is erased, unless a legal hold keeps them."
        errors={errors.retentionYears}
      />
      <TextField
        id={id("contractReference")}
        name="contractReference"
        label="Contract clause"
        defaultValue={client?.contractReference ?? ""}
        errors={errors.contractReference}
      />
      <TextField
        id={id("noticeEmail")}
        name="noticeEmail"
        type="email"
        label="Where notices go (email)"
        defaultValue={client?.noticeEmail ?? ""}
        errors={errors.noticeEmail}
      />
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Regimes</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {REGIME_FLAG_KEYS.map((flag) => (
            <label key={flag} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={flag} defaultChecked={client?.[flag] ?? false} className="h-4 w-4" />{" "}
              {REGIME_FLAGS[flag]}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

export function AddClientForm() {
  const { state, pending, onSubmit, formRef } = useFormAction(createClient, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Add a client" className="grid gap-3 sm:grid-cols-2">
      <ClientFields prefix="new-client" errors={state.fieldErrors ?? {}} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button
          type="submit"
          disabled={pending}
          className="mt-1 rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
        >
          Add client
        </button>
      </div>
    </form>
  );
}

export function EditClientForm({ client }: { client: AdminClient }) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateClient);
  // the action's state is a FormState with the preview of a change of terms beside it
  const preview = (state as ClientFormState).preview;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Change ${client.name}`}
      className="grid gap-3 sm:grid-cols-2"
    >
      <input type="hidden" name="clientId" value={client.id} />
      <ClientFields prefix={`client-${client.id}`} client={client} errors={state.fieldErrors ?? {}} />
      <div className="space-y-2 sm:col-span-2">
        <FormStatus state={state} />
        {preview ? (
          <>
            <ClientTermsPreview preview={preview} />
            <input type="hidden" name="confirm" value="1" />
            <input type="hidden" name="previewHash" value={preview.hash} />
          </>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="mt-1 rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {preview ? "Confirm and save" : "Save client"}
        </button>
      </div>
    </form>
  );
}
