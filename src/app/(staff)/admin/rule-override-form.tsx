"use client";

import { setRuleOverride } from "@/server/actions/set-rule-override";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";

const UNITS = [
  { value: "HOURS", label: "hours" },
  { value: "CALENDAR_DAYS", label: "calendar days" },
  { value: "BUSINESS_DAYS", label: "business days" },
  { value: "MONTHS", label: "months" },
];

export function RuleOverrideForm({
  ruleId,
  amount,
  unit,
  note,
}: {
  ruleId: string;
  amount: number;
  unit: string;
  note: string;
}) {
  const { state, pending, onSubmit, formRef } = useFormAction(setRuleOverride);
  const e = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-4 sm:items-end">
      <input type="hidden" name="ruleId" value={ruleId} />
      <TextField
        id={`${ruleId}-amount`}
        name="amount"
        type="number"
        min={1}
        label="Deadline"
        defaultValue={amount}
        errors={e.amount}
      />
      <SelectField id={`${ruleId}-unit`} name="unit" label="Unit" options={UNITS} defaultValue={unit} errors={e.unit} />
      <TextField
        id={`${ruleId}-note`}
        name="note"
        label="Source of this figure"
        defaultValue={note}
        errors={e.note}
        className="sm:col-span-2"
      />
      <div className="sm:col-span-4">
        <FormStatus state={state} />
        <button
          type="submit"
          disabled={pending}
          className="mt-1 rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          Save figure
        </button>
      </div>
    </form>
  );
}
