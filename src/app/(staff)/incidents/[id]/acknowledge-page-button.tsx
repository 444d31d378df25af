"use client";

import { acknowledgePage } from "@/server/actions/acknowledge-page";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";

/** Stops the page's escalation: the person paged (or a manager) has it in hand. */
export function AcknowledgePageButton({ incidentId }: { incidentId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(acknowledgePage);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-2 space-y-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        Acknowledge
      </button>
      <FormStatus state={state} />
    </form>
  );
}
