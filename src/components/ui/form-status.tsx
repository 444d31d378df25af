"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/server/actions/form-state";

/** The outcome of a submit: success quietly (status), failure as an alert with every reason. */
export function FormStatus({ state, className }: { state: FormState; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.at && !state.ok && !state.fieldErrors) ref.current?.focus();
  }, [state]);
  if (!state.at || (!state.message && !state.reasons?.length)) return null;
  if (state.ok) {
    return (
      <p role="status" className={`text-sm text-emerald-700 ${className ?? ""}`}>
        {state.message}
      </p>
    );
  }
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className ?? ""}`}
    >
      {state.reasons && state.reasons.length > 1 ? (
        <>
          <p className="font-medium">Not yet:</p>
          <ul className="mt-1 list-disc pl-5">
            {state.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{state.reasons?.[0] ?? state.message}</p>
      )}
    </div>
  );
}
