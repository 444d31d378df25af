"use client";

import { acknowledgeNotice } from "@/server/actions/acknowledge-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";

export function AcknowledgeForm({ noticeId }: { noticeId: string }) {
  const { state, pending, onSubmit } = useFormAction(acknowledgeNotice);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="noticeId" value={noticeId} />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Acknowledge receipt
      </button>
    </form>
  );
}
