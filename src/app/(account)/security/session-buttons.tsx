"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { endOneSession, endOtherSessions, signOutEverywhere } from "@/server/actions/end-sessions";

const BUTTON =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";

export function EndSessionButton({
  sessionId,
  current,
  label,
}: {
  sessionId: string;
  current: boolean;
  label: string;
}) {
  const [state, dispatch, pending] = useActionState(endOneSession, { ok: false });
  return (
    <form action={dispatch} className="flex items-center gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        aria-label={current ? undefined : `End this one: ${label}`}
        className={BUTTON}
      >
        {current ? "Sign out here" : "End this one"}
      </button>
    </form>
  );
}

export function EndOtherSessionsButton() {
  const [state, dispatch, pending] = useActionState(endOtherSessions, { ok: false });
  return (
    <form action={dispatch} className="flex items-center gap-2">
      <button type="submit" disabled={pending} className={BUTTON}>
        End all other sessions
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** A plain form: it works before the script loads, and it signs this browser out too. */
export function SignOutEverywhereButton() {
  return (
    <form action={signOutEverywhere}>
      <button
        type="submit"
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
      >
        Sign out everywhere
      </button>
    </form>
  );
}
