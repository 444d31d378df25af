"use client";

import { createUser, updateUser } from "@/server/actions/manage-users";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import { ROLES, type Role } from "@/domain/access/permissions";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import { PASSWORD_MIN } from "@/lib/validation/user";

type ClientOption = { id: string; name: string };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** Which clients: analysts work for those ticked; a client contact belongs to the one chosen. */
function ClientFields({ idPrefix, clients, assigned, contactClientId, errors }: { idPrefix: string; clients: readonly ClientOption[]; assigned: readonly string[]; contactClientId: string | null; errors: Record<string, string[] | undefined> }) {
  return (
    <>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Clients (analysts)</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {clients.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="clientIds" value={c.id} defaultChecked={assigned.includes(c.id)} className="h-4 w-4" />
              {c.name}
            </label>
          ))}
        </div>
        {errors.clientIds ? <p className="mt-1 text-sm text-red-700">{errors.clientIds.join(" ")}</p> : null}
        <p className="mt-1 text-xs text-slate-600">Managers and administrators see every client.</p>
      </fieldset>
      <SelectField id={`${idPrefix}-clientId`} name="clientId" label="Client (client contacts)" placeholder="—" options={clients.map((c) => ({ value: c.id, label: c.name }))} defaultValue={contactClientId ?? ""} errors={errors.clientId} />
    </>
  );
}

export function AddUserForm({ clients }: { clients: readonly ClientOption[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(createUser, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Add a person" className="grid gap-3 sm:grid-cols-2">
      <TextField id="new-user-name" name="name" label="Name" autoComplete="off" errors={e.name} />
      <TextField id="new-user-email" name="email" type="email" label="Email" autoComplete="off" errors={e.email} />
      <SelectField id="new-user-role" name="role" label="Role" options={ROLE_OPTIONS} defaultValue="ANALYST" errors={e.role} />
      <TextField id="new-user-password" name="password" type="password" label="First password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} errors={e.password} />
      <ClientFields idPrefix="new-user" clients={clients} assigned={[]} contactClientId={null} errors={e} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className="mt-1 rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">Add person</button>
      </div>
    </form>
  );
}

export function EditUserForm({ user, clients }: { user: { id: string; name: string; role: Role; active: boolean; assigned: readonly string[]; contactClientId: string | null }; clients: readonly ClientOption[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateUser);
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Change ${user.name}`} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="userId" value={user.id} />
      <SelectField id={`user-${user.id}-role`} name="role" label="Role" options={ROLE_OPTIONS} defaultValue={user.role} errors={e.role} />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name="active" defaultChecked={user.active} className="h-4 w-4" /> Can sign in
      </label>
      <ClientFields idPrefix={`user-${user.id}`} clients={clients} assigned={user.assigned} contactClientId={user.contactClientId} errors={e} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className="mt-1 rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">Save</button>
      </div>
    </form>
  );
}
