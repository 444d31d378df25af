"use client";

import { markNotificationsRead } from "@/server/actions/mark-notifications-read";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";

export function MarkReadButton() {
  const { state, pending, onSubmit } = useFormAction(markNotificationsRead);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        Mark all as read
      </button>
      <FormStatus state={state} />
    </form>
  );
}
