"use client";

import Link from "next/link";
import { setPassword } from "@/server/actions/set-password";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";

export function SetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const { state, pending, onSubmit, formRef } = useFormAction(setPassword);
  if (state.ok) {
    return (
      <div className="space-y-3">
        <FormStatus state={state} />
        <Link
          href="/login"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Choose your password" className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${minLength} characters; a few unrelated words work well. Pasting from a password manager is fine.`}
        errors={state.fieldErrors?.password}
      />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
