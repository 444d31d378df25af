"use client";

import { transitionIncident } from "@/server/actions/transition-incident";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { PHASES, PHASE_LABEL, SEVERITIES, SEVERITY_LABEL, nextPhase, phaseIndex, type Phase, type Severity } from "@/domain/incident/types";

type Props = { incidentId: string; version: number; phase: Phase; severity: Severity; unmet: string[]; canReopen: boolean };

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

/** What the next step needs, and the moves the lifecycle allows from here. */
export function TransitionPanel({ incidentId, version, phase, severity, unmet, canReopen }: Props) {
  const advance = useFormAction(transitionIncident);
  const back = useFormAction(transitionIncident, { resetOnSuccess: true });
  const falsePositive = useFormAction(transitionIncident, { resetOnSuccess: true });
  const reopen = useFormAction(transitionIncident, { resetOnSuccess: true });
  const sev = useFormAction(transitionIncident, { resetOnSuccess: true });
  const next = nextPhase(phase);
  const earlier = PHASES.filter((p) => p !== "CLOSED" && phaseIndex(p) < phaseIndex(phase));

  return (
    <section aria-labelledby="next-step" className="scroll-mt-16 space-y-4 rounded-lg lg:scroll-mt-4 border border-slate-200 bg-white p-4">
      <h2 id="next-step" className="text-base font-semibold">Next step</h2>
      {next ? (
        <form ref={advance.formRef} onSubmit={advance.onSubmit} className="space-y-3">
          <Hidden incidentId={incidentId} version={version} kind="ADVANCE" />
          {unmet.length ? (
            <div className="text-sm">
              <p className="font-medium text-amber-900">Before moving to {PHASE_LABEL[next]}:</p>
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {unmet.map((u) => <li key={u}>{u}</li>)}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-emerald-800">Everything {PHASE_LABEL[phase]} requires is done.</p>
          )}
          <FormStatus state={advance.state} />
          <button type="submit" disabled={advance.pending} className={`${buttonClass} bg-brand-600 text-white hover:bg-brand-700`}>
            {next === "CLOSED" ? "Close incident" : `Move to ${PHASE_LABEL[next]}`}
          </button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">The incident is closed.</p>
      )}

      {earlier.length && phase !== "CLOSED" ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Step back to an earlier phase</summary>
          <form ref={back.formRef} onSubmit={back.onSubmit} className="mt-3 space-y-3" noValidate>
            <Hidden incidentId={incidentId} version={version} kind="STEP_BACK" />
            <SelectField name="to" label="Back to" options={earlier.map((p) => ({ value: p, label: PHASE_LABEL[p] }))} errors={back.state.fieldErrors?.to} />
            <TextAreaField name="reason" label="Why" rows={2} errors={back.state.fieldErrors?.reason} hint="For example: investigation shows containment failed." />
            <FormStatus state={back.state} />
            <button type="submit" disabled={back.pending} className={`${buttonClass} bg-slate-800 text-white`}>Step back</button>
          </form>
        </details>
      ) : null}

      {phase === "IDENTIFY" ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Close as false positive</summary>
          <form ref={falsePositive.formRef} onSubmit={falsePositive.onSubmit} className="mt-3 space-y-3" noValidate>
            <Hidden incidentId={incidentId} version={version} kind="CLOSE_FALSE_POSITIVE" />
            <TextAreaField name="reason" label="Why it is not an incident" rows={2} errors={falsePositive.state.fieldErrors?.reason} />
            <FormStatus state={falsePositive.state} />
            <button type="submit" disabled={falsePositive.pending} className={`${buttonClass} bg-slate-800 text-white`}>Close as false positive</button>
          </form>
        </details>
      ) : null}

      {phase === "CLOSED" && canReopen ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Reopen</summary>
          <form ref={reopen.formRef} onSubmit={reopen.onSubmit} className="mt-3 space-y-3" noValidate>
            <Hidden incidentId={incidentId} version={version} kind="REOPEN" />
            <SelectField name="to" label="Reopen in" options={PHASES.filter((p) => p !== "CLOSED").map((p) => ({ value: p, label: PHASE_LABEL[p] }))} defaultValue="INVESTIGATE" errors={reopen.state.fieldErrors?.to} />
            <TextAreaField name="reason" label="Why" rows={2} errors={reopen.state.fieldErrors?.reason} />
            <FormStatus state={reopen.state} />
            <button type="submit" disabled={reopen.pending} className={`${buttonClass} bg-slate-800 text-white`}>Reopen incident</button>
          </form>
        </details>
      ) : null}

      {phase !== "CLOSED" ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Change severity</summary>
          <form ref={sev.formRef} onSubmit={sev.onSubmit} className="mt-3 space-y-3" noValidate>
            <Hidden incidentId={incidentId} version={version} kind="CHANGE_SEVERITY" />
            <SelectField name="severity" label="New severity" options={SEVERITIES.filter((s) => s !== severity).map((s) => ({ value: s, label: SEVERITY_LABEL[s] }))} errors={sev.state.fieldErrors?.severity} />
            <TextAreaField name="reason" label="Why" rows={2} errors={sev.state.fieldErrors?.reason} />
            <FormStatus state={sev.state} />
            <button type="submit" disabled={sev.pending} className={`${buttonClass} bg-slate-800 text-white`}>Change severity</button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
