"use client";

import { postNoticeMessage } from "@/server/actions/post-notice-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";

const secondary =
  "rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60";

/** One message on a notice's thread: a client's question or a staff answer. */
export function MessageForm({ noticeId, label, button }: { noticeId: string; label: string; button: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(postNoticeMessage, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="noticeId" value={noticeId} />
      <TextAreaField id={`message-${noticeId}`} name="body" label={label} rows={3} errors={state.fieldErrors?.body} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={secondary}>
        {button}
      </button>
    </form>
  );
}
