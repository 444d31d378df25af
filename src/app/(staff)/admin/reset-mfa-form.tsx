"use client";

import { resetUserMfa } from "@/server/actions/reset-user-mfa";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";

/** Clears someone's authenticator (a lost phone): their sessions end and they set one up at their next sign-in. */
export function ResetMfaForm({ userId, name, enrolled }: { userId: string; name: string; enrolled: boolean }) {
  const { state, pending, onSubmit } = useFormAction(resetUserMfa);
  return (
    <form
      onSubmit={onSubmit}
      aria-label={`Two-step verification of ${name}`}
      className="mt-3 border-t border-slate-200 pt-3 text-sm"
    >
      <input type="hidden" name="userId" value={userId} />
      <p className="text-slate-600">Two-step verification: {enrolled ? "set up" : "not set up"}.</p>
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="mt-1 rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        Reset two-step verification<span className="sr-only"> of {name}</span>
      </button>
    </form>
  );
}
