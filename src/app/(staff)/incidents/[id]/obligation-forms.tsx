"use client";

import { draftNotice } from "@/server/actions/draft-notice";
import { markObligationNotRequired } from "@/server/actions/mark-obligation-not-required";
import { waiveObligation } from "@/server/actions/waive-obligation";
import { recordExternalFiling } from "@/server/actions/record-external-filing";
import { reviewObligationDecision } from "@/server/actions/review-obligation-decision";
import { updateAssessment } from "@/server/actions/update-assessment";
import { RISK_OPTIONS } from "@/lib/assessment-options";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { SelectField } from "@/components/ui/select-field";

const small = "button-dark";

export function DraftNoticeButton({ obligationId, label }: { obligationId: string; label: string }) {
  const { state, pending, onSubmit } = useFormAction(draftNotice);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="obligationId" value={obligationId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function DecisionForm({ obligationId, kind }: { obligationId: string; kind: "NOT_REQUIRED" | "WAIVE" }) {
  const { state, pending, onSubmit, formRef } = useFormAction(
    kind === "WAIVE" ? waiveObligation : markObligationNotRequired,
  );
  const id = `${kind}-${obligationId}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="obligationId" value={obligationId} />
      <TextAreaField
        id={`${id}-reason`}
        name="reason"
        rows={2}
        label={kind === "WAIVE" ? "Why it is waived" : "Why no notice is required"}
        errors={state.fieldErrors?.reason}
      />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={small}>
        {kind === "WAIVE" ? "Propose waiver" : "Propose as not required"}
      </button>
    </form>
  );
}

export function FilingForm({ obligationId, timeZone }: { obligationId: string; timeZone: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(recordExternalFiling, { resetOnSuccess: true });
  const e = state.fieldErrors ?? {};
  const id = `filing-${obligationId}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="obligationId" value={obligationId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <SelectField
        id={`${id}-by`}
        name="filedBy"
        label="Filed by"
        options={[
          { value: "CLIENT", label: "The client" },
          { value: "BPO", label: "Us (the BPO)" },
        ]}
        errors={e.filedBy}
      />
      <TextField
        id={`${id}-at`}
        name="filedAt"
        type="datetime-local"
        label={`Filed at (${timeZone})`}
        errors={e.filedAt}
      />
      <TextField
        id={`${id}-ref`}
        name="reference"
        label="Filing reference"
        errors={e.reference}
        hint="Case number, portal receipt…"
      />
      <TextField id={`${id}-doc`} name="document" label="Document (where it is kept)" errors={e.document} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={`${small} mt-1`}>
          Propose filing
        </button>
      </div>
    </form>
  );
}

/** A second person's answer to a proposed decision: confirm it, or reject it saying why. */
export function ProposalReviewForm({ obligationId }: { obligationId: string }) {
  const { state, pending, onSubmit, formRef } = useFormAction(reviewObligationDecision);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
      <input type="hidden" name="obligationId" value={obligationId} />
      <TextAreaField
        id={`proposal-${obligationId}-reason`}
        name="reason"
        rows={2}
        label="Why you reject it (only when rejecting)"
        errors={state.fieldErrors?.reason}
      />
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="decision"
          value="CONFIRM"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Confirm decision
        </button>
        <button type="submit" name="decision" value="REJECT" disabled={pending} className={small}>
          Reject proposal
        </button>
      </div>
    </form>
  );
}

type AssessmentValues = {
  risk: string;
  riskAssessedAt: string;
  nis2Significant: string;
  doraMajor: string;
  doraClassifiedAt: string;
  secMaterial: string;
  secDeterminedAt: string;
  subjectsByJurisdiction: string;
};

export function AssessmentForm({
  incidentId,
  version,
  timeZone,
  values,
  flags,
}: {
  incidentId: string;
  version: number;
  timeZone: string;
  values: AssessmentValues;
  flags: { nis2: boolean; dora: boolean; sec: boolean };
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(updateAssessment);
  const e = state.fieldErrors ?? {};
  const yn = [
    { value: "", label: "Not yet determined" },
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
  ];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" key={version}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <SelectField
        name="risk"
        label="Risk to the people affected"
        defaultValue={values.risk}
        errors={e.risk}
        options={RISK_OPTIONS}
      />
      <TextField
        name="riskAssessedAt"
        type="datetime-local"
        label={`Assessed / breach determined at (${timeZone})`}
        defaultValue={values.riskAssessedAt}
        errors={e.riskAssessedAt}
        hint="Starts the clocks counted from determination. Blank: now."
      />
      {flags.nis2 ? (
        <SelectField
          name="nis2Significant"
          label="Significant incident under NIS2?"
          defaultValue={values.nis2Significant}
          options={yn}
          errors={e.nis2Significant}
        />
      ) : null}
      {flags.dora ? (
        <>
          <SelectField
            name="doraMajor"
            label="Major ICT-related incident under DORA?"
            defaultValue={values.doraMajor}
            options={yn}
            errors={e.doraMajor}
          />
          <TextField
            name="doraClassifiedAt"
            type="datetime-local"
            label={`Classified at (${timeZone})`}
            defaultValue={values.doraClassifiedAt}
            errors={e.doraClassifiedAt}
          />
        </>
      ) : null}
      {flags.sec ? (
        <>
          <SelectField
            name="secMaterial"
            label="Material for the client (SEC 8-K)?"
            defaultValue={values.secMaterial}
            options={yn}
            errors={e.secMaterial}
          />
          <TextField
            name="secDeterminedAt"
            type="datetime-local"
            label={`Materiality determined at (${timeZone})`}
            defaultValue={values.secDeterminedAt}
            errors={e.secDeterminedAt}
          />
        </>
      ) : null}
      <TextAreaField
        name="subjectsByJurisdiction"
        label="Data subjects per jurisdiction (optional)"
        rows={2}
        defaultValue={values.subjectsByJurisdiction}
        errors={e.subjectsByJurisdiction}
        hint="One per line, e.g. US-CA: 620. Decides thresholds such as more than 500 residents of one state."
        className="sm:col-span-2"
      />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={`${small} mt-1`}>
          Save assessment
        </button>
      </div>
    </form>
  );
}
