"use client";

import { changePassword } from "@/server/actions/change-password";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";

/**
 * Change one's own password (for the Security page). `minLength`: the rule for the person's role
 * (domain/passwords/password-rules.ts); the server checks it again with the common-password list.
 */
export function PasswordChangeForm({ minLength }: { minLength: number }) {
  const { state, pending, onSubmit, formRef } = useFormAction(changePassword, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Change your password" className="max-w-md space-y-3">
      <TextField
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        errors={e.currentPassword}
      />
      <TextField
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${minLength} characters; a few unrelated words work well. Pasting from a password manager is fine. Your other sessions will be signed out.`}
        errors={e.newPassword}
      />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
