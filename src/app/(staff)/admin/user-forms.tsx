"use client";

import { createUser, startPasswordReset, updateUser, type LinkFormState } from "@/server/actions/manage-users";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import { ROLES, type Role } from "@/domain/access/permissions";
import { ROLE_LABEL } from "@/domain/access/role-labels";

type ClientOption = { id: string; name: string };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** Which clients: analysts work for those ticked; a client contact belongs to the one chosen. */
function ClientFields({
  idPrefix,
  clients,
  assigned,
  contactClientId,
  errors,
}: {
  idPrefix: string;
  clients: readonly ClientOption[];
  assigned: readonly string[];
  contactClientId: string | null;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Clients (analysts)</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {clients.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="clientIds"
                value={c.id}
                defaultChecked={assigned.includes(c.id)}
                className="h-4 w-4"
              />
              {c.name}
            </label>
          ))}
        </div>
        {errors.clientIds ? <p className="mt-1 text-sm text-red-700">{errors.clientIds.join(" ")}</p> : null}
        <p className="mt-1 text-xs text-slate-600">Managers and administrators see every client.</p>
      </fieldset>
      <SelectField
        id={`${idPrefix}-clientId`}
        name="clientId"
        label="Client (client contacts)"
        placeholder="—"
        options={clients.map((c) => ({ value: c.id, label: c.name }))}
        defaultValue={contactClientId ?? ""}
        errors={errors.clientId}
      />
    </>
  );
}

/** A password link returned once (no mail server): shown with the message, selectable for copying. */
function OneTimeLink({ state, label }: { state: LinkFormState; label: string }) {
  if (!state.ok || !state.link) return null;
  return (
    <div className="mt-2">
      <label className="block text-sm font-medium text-slate-800">
        {label}
        <input
          readOnly
          value={state.link}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
        />
      </label>
    </div>
  );
}

export function AddUserForm({ clients }: { clients: readonly ClientOption[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(createUser, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Add a person" className="grid gap-3 sm:grid-cols-2">
      <TextField id="new-user-name" name="name" label="Name" autoComplete="off" errors={e.name} />
      <TextField id="new-user-email" name="email" type="email" label="Email" autoComplete="off" errors={e.email} />
      <SelectField
        id="new-user-role"
        name="role"
        label="Role"
        options={ROLE_OPTIONS}
        defaultValue="ANALYST"
        errors={e.role}
      />
      <ClientFields idPrefix="new-user" clients={clients} assigned={[]} contactClientId={null} errors={e} />
      <div className="sm:col-span-2">
        <p className="mb-2 text-xs text-slate-600">
          They choose their own password through an invitation link, valid for 7 days: e-mailed when a mail server is
          set up, otherwise shown here once for you to pass on. They join the list of people when they accept.
        </p>
        <FormStatus state={state} />
        <OneTimeLink state={state} label="Invitation link" />
        <button
          type="submit"
          disabled={pending}
          className="mt-1 rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
        >
          Invite person
        </button>
      </div>
    </form>
  );
}

export function EditUserForm({
  user,
  clients,
}: {
  user: {
    id: string;
    name: string;
    role: Role;
    active: boolean;
    assigned: readonly string[];
    contactClientId: string | null;
  };
  clients: readonly ClientOption[];
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateUser);
  const e = state.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Change ${user.name}`}
      className="grid gap-3 sm:grid-cols-2"
    >
      <input type="hidden" name="userId" value={user.id} />
      <SelectField
        id={`user-${user.id}-role`}
        name="role"
        label="Role"
        options={ROLE_OPTIONS}
        defaultValue={user.role}
        errors={e.role}
      />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name="active" defaultChecked={user.active} className="h-4 w-4" /> Can sign in
      </label>
      <ClientFields
        idPrefix={`user-${user.id}`}
        clients={clients}
        assigned={user.assigned}
        contactClientId={user.contactClientId}
        errors={e}
      />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button
          type="submit"
          disabled={pending}
          className="mt-1 rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          Save
        </button>
      </div>
    </form>
  );
}

/** An administrator starts a reset of someone else's password: a single-use link, valid for an hour. */
export function ResetPasswordForm({ userId, name }: { userId: string; name: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(startPasswordReset);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-label={`Reset ${name}'s password`}
      className="mt-4 border-t border-slate-200 pt-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <p className="mb-2 text-xs text-slate-600">
        A single-use link to choose a new password, valid for 1 hour. Their current password keeps working until the
        link is used; then all their sessions end.
      </p>
      <FormStatus state={state} />
      <OneTimeLink state={state} label="Reset link" />
      <button
        type="submit"
        disabled={pending}
        className="mt-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 disabled:opacity-60"
      >
        Start a password reset<span className="sr-only"> for {name}</span>
      </button>
    </form>
  );
}
