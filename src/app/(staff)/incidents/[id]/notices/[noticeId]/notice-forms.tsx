"use client";

import { useRef, useState, type FormEvent } from "react";
import type { FormState } from "@/server/actions/form-state";
import { updateNoticeDraft } from "@/server/actions/update-notice-draft";
import { submitNotice } from "@/server/actions/submit-notice";
import { withdrawNotice } from "@/server/actions/withdraw-notice";
import { reviewNotice } from "@/server/actions/review-notice";
import { sendNotice } from "@/server/actions/send-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";

type Field = { key: string; label: string; value: string };
const primary =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60";
const plain =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/**
 * One form, two ways out: "Save draft" keeps it a draft; "Submit for approval" saves what is in
 * the form and submits it in one step, so nothing typed is ever left behind.
 */
export function NoticeEditor({
  noticeId,
  version,
  subject,
  fields,
}: {
  noticeId: string;
  version: number;
  subject: string;
  fields: Field[];
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { state: saveState, pending: savePending, onSubmit: onSave } = useFormAction(updateNoticeDraft, { formRef });
  const {
    state: submitState,
    pending: submitPending,
    onSubmit: onSubmitForApproval,
  } = useFormAction(submitNotice, { formRef });
  const latest = (submitState.at ?? 0) > (saveState.at ?? 0) ? submitState : saveState;
  const [dirty, setDirty] = useState(false);
  // Clean again only once the server has the text; a refused submit keeps the warning armed.
  // Adjusted while rendering, when a new outcome arrives, rather than in an effect a render late.
  const [outcome, setOutcome] = useState<FormState>(latest);
  if (outcome !== latest) {
    setOutcome(latest);
    if (latest.ok && latest.at) setDirty(false);
  }
  const [preview, setPreview] = useState(() => ({ subject, fields }));
  useUnsavedChanges(dirty);
  // What the form holds, trimmed as the server stores it: exactly the text a submit would freeze.
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    setDirty(true);
    const data = new FormData(event.currentTarget);
    const text = (name: string, fallback: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v.trim() : fallback;
    };
    setPreview({
      subject: text("subject", subject),
      fields: fields.map((f) => ({ ...f, value: text(`field.${f.key}`, f.value) })),
    });
  };
  const errors = latest.fieldErrors ?? {};
  const pending = savePending || submitPending;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    (submitter?.value === "submit" ? onSubmitForApproval : onSave)(event);
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} onInput={onInput} noValidate className="space-y-4" key={version}>
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      <TextField name="subject" label="Subject" defaultValue={subject} errors={errors.subject} />
      {fields.map((f) => (
        <TextAreaField
          key={f.key}
          id={`notice-field-${f.key}`}
          name={`field.${f.key}`}
          label={f.label}
          rows={4}
          defaultValue={f.value}
          errors={errors[`field.${f.key}`]}
        />
      ))}
      <FormStatus state={latest} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <button type="submit" name="intent" value="submit" disabled={pending} className={primary}>
          {submitPending ? "Submitting…" : "Submit for approval"}
        </button>
        <button type="submit" name="intent" value="save" disabled={pending} className={secondary}>
          {savePending ? "Saving…" : "Save draft"}
        </button>
        <span aria-live="polite" className="text-sm text-amber-800">
          {dirty ? "Unsaved changes" : ""}
        </span>
      </div>
      <details className="rounded-md border border-slate-200 bg-slate-50 p-3">
        <summary className="cursor-pointer text-sm font-medium">
          Preview: exactly what the client will read if you submit now
        </summary>
        <article aria-label="Preview of the notice" className="mt-3 space-y-3 text-sm">
          <p className="font-medium">{preview.subject}</p>
          {preview.fields.map((f) => (
            <div key={f.key}>
              <h3 className="text-xs font-semibold uppercase text-slate-600">{f.label}</h3>
              <p className={`whitespace-pre-wrap ${f.value ? "" : "italic text-amber-800"}`}>
                {f.value || "Empty: to be written before submitting."}
              </p>
            </div>
          ))}
        </article>
      </details>
      <p className="text-sm text-slate-600">
        Submitting saves what is in the form first. A manager other than you must approve the notice before it can be
        sent; its text is then frozen. Until then you can withdraw it to edit again.
      </p>
    </form>
  );
}

export function WithdrawForm({ noticeId }: { noticeId: string }) {
  const { state, pending, onSubmit } = useFormAction(withdrawNotice);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="noticeId" value={noticeId} />
      <p className="text-sm text-slate-600">
        Need to change something? Withdraw it back to a draft; the approvers will see it is no longer waiting.
      </p>
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={plain}>
        Withdraw to draft
      </button>
    </form>
  );
}

export function ReviewForm({ noticeId }: { noticeId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(reviewNotice);
  return (
    <form ref={formRef} onSubmit={(e) => onSubmit(e)} noValidate className="space-y-3">
      <input type="hidden" name="noticeId" value={noticeId} />
      <TextAreaField name="comment" label="Comment (when returning)" rows={2} errors={state.fieldErrors?.comment} />
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="APPROVE" disabled={pending} className={primary}>
          Approve and freeze
        </button>
        <button type="submit" name="decision" value="RETURN" disabled={pending} className={secondary}>
          Return to the drafter
        </button>
      </div>
    </form>
  );
}

export type Destinations = { emails: string[]; mail: boolean; fingerprint: string; clientName: string };

/** Where it goes, said before the click; sending asks once more, naming the same places. */
export function SendForm({ noticeId, destinations }: { noticeId: string; destinations: Destinations }) {
  const { state, pending, onSubmit } = useFormAction(sendNotice);
  const [confirming, setConfirming] = useState(false);
  const { emails, mail, fingerprint, clientName } = destinations;
  return (
    <div className="space-y-3 text-sm">
      <p className="font-medium">This notice will go to:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>the client portal of {clientName}, at once</li>
        {mail ? (
          emails.length ? (
            emails.map((e) => (
              <li key={e}>
                e-mail to <span className="font-mono">{e}</span>
              </li>
            ))
          ) : (
            <li className="text-amber-800">
              no e-mail: {clientName} has no active contact and no contract notice address
            </li>
          )
        ) : (
          <li className="text-amber-800">
            no e-mail: SMTP is not configured on this server
            {emails.length ? ` (${emails.length} address${emails.length === 1 ? "" : "es"} would be used)` : ""}
          </li>
        )}
      </ul>
      <FormStatus state={state} />
      {confirming ? (
        <form
          onSubmit={onSubmit}
          role="group"
          aria-labelledby="send-confirm-title"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <input type="hidden" name="noticeId" value={noticeId} />
          <input type="hidden" name="recipients" value={fingerprint} />
          <input type="hidden" name="confirm" value="yes" />
          <p id="send-confirm-title" className="font-medium">
            Send now to {clientName}? It cannot be recalled: the client sees it{" "}
            {mail && emails.length
              ? `on the portal and ${emails.length} address${emails.length === 1 ? "" : "es"} receive it by e-mail`
              : "on the portal"}
            .
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className={primary} autoFocus>
              {pending ? "Sending…" : "Confirm and send"}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={pending} className={plain}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={primary}>
          Send to the client…
        </button>
      )}
    </div>
  );
}
