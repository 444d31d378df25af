"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { verifySecondFactor } from "@/server/actions/verify-second-factor";

/** The code from the authenticator app, or a recovery code; after a recovery code, how many are left. */
export function VerifyForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, dispatch, pending] = useActionState(verifySecondFactor, { ok: false });
  if (state.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-800">
          {state.message}
        </p>
        {state.recoveryCodesLeft !== undefined && state.recoveryCodesLeft <= 3 ? (
          <p className="text-sm text-amber-800">Make new recovery codes on your Security page before you run out.</p>
        ) : null}
        <a
          href={callbackUrl}
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Continue
        </a>
      </div>
    );
  }
  return (
    <form action={dispatch} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">
        Open your authenticator app and type the 6-digit code it shows for Warden.
      </p>
      <FormStatus state={state.fieldErrors ? { ...state, message: undefined } : state} />
      {state.at && !state.fieldErrors ? (
        <a href="/login" className="block text-sm text-brand-700 underline">
          Back to sign-in
        </a>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="code"
        label="Code"
        hint="Lost your phone? Type one of your recovery codes instead."
        autoComplete="one-time-code"
        autoFocus
        required
        errors={state.fieldErrors?.code}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Checking…" : "Verify"}
      </button>
    </form>
  );
}
