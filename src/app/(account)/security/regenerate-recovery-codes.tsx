"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { RecoveryCodeList } from "@/components/account/recovery-code-list";
import { regenerateRecoveryCodes } from "@/server/actions/regenerate-recovery-codes";

/** New recovery codes for a current code from the app; the new ones are shown once. */
export function RegenerateRecoveryCodes() {
  const [state, dispatch, pending] = useActionState(regenerateRecoveryCodes, { ok: false });
  if (state.ok && state.recoveryCodes) {
    return (
      <div className="space-y-2">
        <FormStatus state={state} />
        <RecoveryCodeList codes={state.recoveryCodes} />
      </div>
    );
  }
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3" noValidate>
      <TextField
        name="code"
        label="Code from your app"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        errors={state.fieldErrors?.code}
        className="w-48"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        Make new recovery codes
      </button>
      <FormStatus state={state.fieldErrors ? { ...state, message: undefined } : state} className="w-full" />
    </form>
  );
}
