"use client";

import { setAutomationRuleEnabled } from "@/server/actions/manage-automation";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";

/** Enabled or not, why it was disabled automatically, and the one button that changes it. */
export function RuleStateForm({
  ruleId,
  enabled,
  disabledReason,
}: {
  ruleId: string;
  enabled: boolean;
  disabledReason: string | null;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(setAutomationRuleEnabled);
  return (
    <section aria-labelledby="rule-state" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="rule-state" className="text-base font-semibold">
        {enabled ? "Enabled" : "Disabled"}
      </h2>
      {disabledReason ? <p className="mt-1 text-red-800">{disabledReason}</p> : null}
      <form ref={formRef} onSubmit={onSubmit} className="mt-3 flex items-center gap-3">
        <input type="hidden" name="ruleId" value={ruleId} />
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-60"
        >
          {enabled ? "Disable the rule" : "Enable the rule"}
        </button>
        <FormStatus state={state} />
      </form>
    </section>
  );
}
