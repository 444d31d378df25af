"use client";

import { updateNoticeDraft } from "@/server/actions/update-notice-draft";
import { submitNotice } from "@/server/actions/submit-notice";
import { reviewNotice } from "@/server/actions/review-notice";
import { sendNotice } from "@/server/actions/send-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";

type Field = { key: string; label: string; value: string };
const primary = "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
const secondary = "rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60";

export function NoticeEditor({ noticeId, version, subject, fields }: { noticeId: string; version: number; subject: string; fields: Field[] }) {
  const save = useFormAction(updateNoticeDraft);
  const submit = useFormAction(submitNotice);
  return (
    <div className="space-y-4">
      <form ref={save.formRef} onSubmit={save.onSubmit} noValidate className="space-y-4" key={version}>
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="version" value={version} />
        <TextField name="subject" label="Subject" defaultValue={subject} errors={save.state.fieldErrors?.subject} />
        {fields.map((f) => (
          <TextAreaField key={f.key} id={`notice-field-${f.key}`} name={`field.${f.key}`} label={f.label} rows={4} defaultValue={f.value} errors={save.state.fieldErrors?.[`field.${f.key}`]} />
        ))}
        <FormStatus state={save.state} />
        <button type="submit" disabled={save.pending} className={secondary}>Save draft</button>
      </form>
      <form onSubmit={submit.onSubmit} className="border-t border-slate-200 pt-4">
        <input type="hidden" name="noticeId" value={noticeId} />
        <p className="mb-2 text-sm text-slate-600">Save first. A manager other than you must approve the notice before it can be sent; its text is then frozen.</p>
        <FormStatus state={submit.state} className="mb-2" />
        <button type="submit" disabled={submit.pending} className={primary}>Submit for approval</button>
      </form>
    </div>
  );
}

export function ReviewForm({ noticeId }: { noticeId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(reviewNotice);
  return (
    <form ref={formRef} onSubmit={(e) => onSubmit(e)} noValidate className="space-y-3">
      <input type="hidden" name="noticeId" value={noticeId} />
      <TextAreaField name="comment" label="Comment (when returning)" rows={2} errors={state.fieldErrors?.comment} />
      <FormStatus state={state} />
      <div className="flex gap-2">
        <button type="submit" name="decision" value="APPROVE" disabled={pending} className={primary}>Approve and freeze</button>
        <button type="submit" name="decision" value="RETURN" disabled={pending} className={secondary}>Return to the drafter</button>
      </div>
    </form>
  );
}

export function SendForm({ noticeId }: { noticeId: string }) {
  const { state, pending, onSubmit } = useFormAction(sendNotice);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="noticeId" value={noticeId} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={primary}>Send to the client</button>
    </form>
  );
}
