"use client";

import { transitionIncident } from "@/server/actions/transition-incident";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { LazyDetails } from "@/components/ui/lazy-details";
import {
  PHASES,
  PHASE_LABEL,
  SEVERITIES,
  SEVERITY_LABEL,
  nextPhase,
  phaseIndex,
  type Phase,
  type Severity,
} from "@/domain/incident/types";

type Props = {
  incidentId: string;
  version: number;
  phase: Phase;
  severity: Severity;
  unmet: string[];
  canReopen: boolean;
};

const buttonClass = "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60";

function Hidden({ incidentId, version, kind }: { incidentId: string; version: number; kind: string }) {
  return (
    <>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="kind" value={kind} />
    </>
  );
}

type FormProps = { incidentId: string; version: number };

function AdvanceForm({
  incidentId,
  version,
  phase,
  next,
  unmet,
}: FormProps & { phase: Phase; next: Phase; unmet: string[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(transitionIncident);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      <Hidden incidentId={incidentId} version={version} kind="ADVANCE" />
      {unmet.length ? (
        <div className="text-sm">
          <p className="font-medium text-amber-900">Before moving to {PHASE_LABEL[next]}:</p>
          <ul className="mt-1 list-disc pl-5 text-slate-700">
            {unmet.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-emerald-800">Everything {PHASE_LABEL[phase]} requires is done.</p>
      )}
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} bg-brand-600 text-white hover:bg-brand-700`}>
        {next === "CLOSED" ? "Close incident" : `Move to ${PHASE_LABEL[next]}`}
      </button>
    </form>
  );
}

function StepBackForm({ incidentId, version, earlier }: FormProps & { earlier: Phase[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(transitionIncident, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
      <Hidden incidentId={incidentId} version={version} kind="STEP_BACK" />
      <SelectField
        name="to"
        label="Back to"
        options={earlier.map((p) => ({ value: p, label: PHASE_LABEL[p] }))}
        errors={state.fieldErrors?.to}
      />
      <TextAreaField
        name="reason"
        label="Why"
        rows={2}
        errors={state.fieldErrors?.reason}
        hint="For example: investigation shows containment failed."
      />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} bg-slate-800 text-white`}>
        Step back
      </button>
    </form>
  );
}

function FalsePositiveForm({ incidentId, version }: FormProps) {
  const { state, pending, onSubmit, formRef } = useFormAction(transitionIncident, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
      <Hidden incidentId={incidentId} version={version} kind="CLOSE_FALSE_POSITIVE" />
      <TextAreaField name="reason" label="Why it is not an incident" rows={2} errors={state.fieldErrors?.reason} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} bg-slate-800 text-white`}>
        Close as false positive
      </button>
    </form>
  );
}

function ReopenForm({ incidentId, version }: FormProps) {
  const { state, pending, onSubmit, formRef } = useFormAction(transitionIncident, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
      <Hidden incidentId={incidentId} version={version} kind="REOPEN" />
      <SelectField
        name="to"
        label="Reopen in"
        options={PHASES.filter((p) => p !== "CLOSED").map((p) => ({ value: p, label: PHASE_LABEL[p] }))}
        defaultValue="INVESTIGATE"
        errors={state.fieldErrors?.to}
      />
      <TextAreaField name="reason" label="Why" rows={2} errors={state.fieldErrors?.reason} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} bg-slate-800 text-white`}>
        Reopen incident
      </button>
    </form>
  );
}

function SeverityForm({ incidentId, version, severity }: FormProps & { severity: Severity }) {
  const { state, pending, onSubmit, formRef } = useFormAction(transitionIncident, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
      <Hidden incidentId={incidentId} version={version} kind="CHANGE_SEVERITY" />
      <SelectField
        name="severity"
        label="New severity"
        options={SEVERITIES.filter((s) => s !== severity).map((s) => ({ value: s, label: SEVERITY_LABEL[s] }))}
        errors={state.fieldErrors?.severity}
      />
      <TextAreaField name="reason" label="Why" rows={2} errors={state.fieldErrors?.reason} />
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={`${buttonClass} bg-slate-800 text-white`}>
        Change severity
      </button>
    </form>
  );
}

/** A move the lifecycle allows besides the next step: folded, its form drawn when first opened. */
function Folded({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <LazyDetails
      className="rounded-md border border-slate-200 p-3"
      summaryClassName="cursor-pointer text-sm font-medium"
      summary={summary}
    >
      {children}
    </LazyDetails>
  );
}

/**
 * What the next step needs, and the moves the lifecycle allows from here. Each move is its own
 * component so that its form state and form ref stay inside it (a form hidden by the phase
 * starts afresh when it comes back, rather than showing the outcome of an earlier submit).
 */
export function TransitionPanel({ incidentId, version, phase, severity, unmet, canReopen }: Props) {
  const next = nextPhase(phase);
  const earlier = PHASES.filter((p) => p !== "CLOSED" && phaseIndex(p) < phaseIndex(phase));

  return (
    <section
      aria-labelledby="next-step"
      className="scroll-mt-16 space-y-4 rounded-lg lg:scroll-mt-4 border border-slate-200 bg-white p-4"
    >
      <h2 id="next-step" className="text-base font-semibold">
        Next step
      </h2>
      {next ? (
        <AdvanceForm incidentId={incidentId} version={version} phase={phase} next={next} unmet={unmet} />
      ) : (
        <p className="text-sm text-slate-600">The incident is closed.</p>
      )}
      {earlier.length && phase !== "CLOSED" ? (
        <Folded summary="Step back to an earlier phase">
          <StepBackForm incidentId={incidentId} version={version} earlier={earlier} />
        </Folded>
      ) : null}
      {phase === "IDENTIFY" ? (
        <Folded summary="Close as false positive">
          <FalsePositiveForm incidentId={incidentId} version={version} />
        </Folded>
      ) : null}
      {phase === "CLOSED" && canReopen ? (
        <Folded summary="Reopen">
          <ReopenForm incidentId={incidentId} version={version} />
        </Folded>
      ) : null}
      {phase !== "CLOSED" ? (
        <Folded summary="Change severity">
          <SeverityForm incidentId={incidentId} version={version} severity={severity} />
        </Folded>
      ) : null}
    </section>
  );
}
