"use client";

import { useId, useState } from "react";
import { saveAutomationRule } from "@/server/actions/manage-automation";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { CONTROL_CLASS } from "@/components/ui/field-frame";
import {
  ACTION_KINDS,
  ACTION_LABEL,
  CONDITION_FIELDS,
  CONDITION_OPERATORS,
  FIELD_LABEL,
  OPERATOR_LABEL,
  TRIGGER_LABEL,
  TRIGGERS,
  type ConditionField,
} from "@/domain/automation/rule";
import {
  DATA_CATEGORIES,
  INCIDENT_TYPES,
  PHASES,
  PHASE_LABEL,
  SEVERITIES,
  SEVERITY_LABEL,
  TYPE_LABEL,
} from "@/domain/incident/types";

type Option = { id: string; name: string };
type Row = { key: number; field: string; op: string; value: string };
type ActionRow = { key: number; kind: string; value: string };
export type RuleFormValues = {
  id: string;
  version: number;
  name: string;
  trigger: string;
  conditions: Array<{ field: string; op: string; value?: string | string[] }>;
  actions: Array<{ kind: string; value?: string | string[] }>;
};

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : (v ?? ""));
let nextKey = 1;

/** One labelled control of a row, with its errors tied to it. */
function Cell({
  label,
  errors,
  children,
}: {
  label: string;
  errors?: string[];
  children: (id: string, describedBy?: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children(id, errors?.length ? `${id}-error` : undefined)}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type ChoiceProps = {
  id: string;
  name: string;
  options: ReadonlyArray<readonly [string, string]>;
  placeholder?: string;
  describedBy?: string;
  invalid: boolean;
  value?: string;
  defaultValue?: string;
  onChange?: (v: string) => void;
};

/** A select of one row: controlled when it changes the row's shape (field, action), else left to the browser. */
function Choice({ id, name, options, placeholder, describedBy, invalid, value, defaultValue, onChange }: ChoiceProps) {
  return (
    <select
      id={id}
      name={name}
      className={CONTROL_CLASS}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      {...(onChange
        ? { value, onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange(e.target.value) }
        : { defaultValue })}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
}

const FIELD_OPTIONS = CONDITION_FIELDS.map((f) => [f, FIELD_LABEL[f]] as const);
const KIND_OPTIONS = ACTION_KINDS.map((k) => [k, ACTION_LABEL[k]] as const);
const SEVERITY_OPTIONS = SEVERITIES.map((s) => [s, SEVERITY_LABEL[s]] as const);
const TYPE_OPTIONS = INCIDENT_TYPES.map((t) => [t, TYPE_LABEL[t]] as const);
const PHASE_OPTIONS = PHASES.map((p) => [p, PHASE_LABEL[p]] as const);

/**
 * A rule as rows: when (trigger), if (every condition holds), then (each action). Every control
 * posts one value per row, in order, so the server's errors name the row shown here.
 */
export function RuleForm({ rule, clients, staff }: { rule?: RuleFormValues; clients: Option[]; staff: Option[] }) {
  const { state, pending, onSubmit, formRef } = useFormAction(saveAutomationRule);
  const e = state.fieldErrors ?? {};
  const [trigger, setTrigger] = useState(rule?.trigger ?? "alert.created");
  const [conditions, setConditions] = useState<Row[]>(
    (rule?.conditions ?? []).map((c) => ({ key: nextKey++, field: c.field, op: c.op, value: str(c.value) })),
  );
  const [actions, setActions] = useState<ActionRow[]>(
    (rule?.actions.length ? rule.actions : [{ kind: "" }]).map((a) => ({
      key: nextKey++,
      kind: a.kind,
      value: str(a.value),
    })),
  );
  const clientOptions = clients.map((c) => [c.id, c.name] as const);
  const staffOptions = staff.map((s) => [s.id, s.name] as const);
  const err = (key: string) => e[key];

  const conditionValue = (row: Row, i: number, id: string, describedBy?: string) => {
    const common = {
      id,
      name: "conditionValue",
      describedBy,
      invalid: Boolean(err(`definition.conditions.${i}.value`)),
      defaultValue: row.value,
    };
    const field = row.field as ConditionField;
    if (field === "severity") return <Choice {...common} options={SEVERITY_OPTIONS} />;
    if (field === "type") return <Choice {...common} options={TYPE_OPTIONS} />;
    if (field === "phase") return <Choice {...common} options={PHASE_OPTIONS} />;
    if (field === "client") return <Choice {...common} options={clientOptions} placeholder="Choose a client" />;
    return (
      <input
        id={id}
        name="conditionValue"
        defaultValue={row.value}
        className={CONTROL_CLASS}
        aria-invalid={common.invalid || undefined}
        aria-describedby={describedBy}
        placeholder={field === "dataCategories" ? DATA_CATEGORIES.slice(0, 3).join(", ") : undefined}
      />
    );
  };

  const actionValue = (row: ActionRow, i: number, id: string, describedBy?: string) => {
    const invalid = Boolean(err(`definition.actions.${i}.value`));
    const common = { id, name: "actionValue", describedBy, invalid, defaultValue: row.value };
    if (row.kind === "set_severity") return <Choice {...common} options={SEVERITY_OPTIONS} />;
    if (row.kind === "assign_person")
      return <Choice {...common} options={staffOptions} placeholder="Choose a person" />;
    if (row.kind === "add_checklist_items")
      return (
        <textarea
          id={id}
          name="actionValue"
          rows={3}
          defaultValue={row.value}
          className={CONTROL_CLASS}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      );
    if (row.kind === "notify_managers")
      return (
        <input
          id={id}
          name="actionValue"
          defaultValue={row.value}
          maxLength={300}
          className={CONTROL_CLASS}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      );
    return (
      <input
        id={id}
        name="actionValue"
        value=""
        readOnly
        placeholder="No detail needed"
        className={`${CONTROL_CLASS} bg-slate-50`}
        aria-describedby={describedBy}
      />
    );
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-6"
    >
      <FormStatus state={state} />
      {rule ? (
        <>
          <input type="hidden" name="ruleId" value={rule.id} />
          <input type="hidden" name="version" value={rule.version} />
        </>
      ) : null}
      <TextField name="name" label="Name" required maxLength={120} defaultValue={rule?.name} errors={e.name} />
      <Cell label="When" errors={err("definition.trigger")}>
        {(id, describedBy) => (
          <select
            id={id}
            name="trigger"
            value={trigger}
            onChange={(ev) => setTrigger(ev.target.value)}
            className={CONTROL_CLASS}
            aria-describedby={describedBy}
          >
            {TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {TRIGGER_LABEL[t]}
              </option>
            ))}
          </select>
        )}
      </Cell>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">
          If every condition holds {conditions.length ? "" : "(no condition: every event)"}
        </legend>
        {conditions.map((row, i) => {
          const ops = CONDITION_OPERATORS[row.field as ConditionField] ?? [];
          return (
            <div key={row.key} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 p-3">
              <Cell label={`Condition ${i + 1} field`} errors={err(`definition.conditions.${i}.field`)}>
                {(id, d) => (
                  <Choice
                    options={FIELD_OPTIONS}
                    placeholder="Choose a field"
                    id={id}
                    name="conditionField"
                    describedBy={d}
                    invalid={Boolean(err(`definition.conditions.${i}.field`))}
                    value={row.field}
                    onChange={(field) =>
                      setConditions((rows) =>
                        rows.map((r) =>
                          r.key === row.key
                            ? {
                                ...r,
                                field,
                                op: CONDITION_OPERATORS[field as ConditionField]?.[0] ?? "",
                                value: "",
                                key: nextKey++,
                              }
                            : r,
                        ),
                      )
                    }
                  />
                )}
              </Cell>
              <Cell
                key={`op-${row.field}`}
                label={`Condition ${i + 1} operator`}
                errors={err(`definition.conditions.${i}.op`)}
              >
                {(id, d) => (
                  <select
                    id={id}
                    name="conditionOp"
                    defaultValue={row.op}
                    className={CONTROL_CLASS}
                    aria-describedby={d}
                    aria-invalid={Boolean(err(`definition.conditions.${i}.op`)) || undefined}
                  >
                    {ops.length ? null : <option value="">Choose a field first</option>}
                    {ops.map((op) => (
                      <option key={op} value={op}>
                        {OPERATOR_LABEL[op] ?? op}
                      </option>
                    ))}
                  </select>
                )}
              </Cell>
              <Cell
                key={`value-${row.field}`}
                label={`Condition ${i + 1} value`}
                errors={err(`definition.conditions.${i}.value`)}
              >
                {(id, d) => conditionValue(row, i, id, d)}
              </Cell>
              <button
                type="button"
                onClick={() => setConditions((rows) => rows.filter((r) => r.key !== row.key))}
                className="mt-5 rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
              >
                Remove condition {i + 1}
              </button>
            </div>
          );
        })}
        <p className="text-xs text-slate-500">
          Data categories: codes separated by commas ({DATA_CATEGORIES.join(", ")}). Text is looked for in the title and
          description, ignoring case.
        </p>
        <button
          type="button"
          onClick={() => setConditions((rows) => [...rows, { key: nextKey++, field: "", op: "", value: "" }])}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
        >
          Add a condition
        </button>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Then</legend>
        {err("definition.actions") ? (
          <p className="text-sm text-red-700">{err("definition.actions")?.join(" ")}</p>
        ) : null}
        {actions.map((row, i) => (
          <div key={row.key} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 p-3">
            <Cell label={`Action ${i + 1}`} errors={err(`definition.actions.${i}.kind`)}>
              {(id, d) => (
                <Choice
                  options={KIND_OPTIONS}
                  placeholder="Choose an action"
                  id={id}
                  name="actionKind"
                  describedBy={d}
                  invalid={Boolean(err(`definition.actions.${i}.kind`))}
                  value={row.kind}
                  onChange={(kind) =>
                    setActions((rows) => rows.map((r) => (r.key === row.key ? { ...r, kind, value: "" } : r)))
                  }
                />
              )}
            </Cell>
            <Cell
              key={`value-${row.kind}`}
              label={`Action ${i + 1} detail`}
              errors={err(`definition.actions.${i}.value`)}
            >
              {(id, d) => actionValue(row, i, id, d)}
            </Cell>
            <button
              type="button"
              onClick={() => setActions((rows) => rows.filter((r) => r.key !== row.key))}
              className="mt-5 rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
            >
              Remove action {i + 1}
            </button>
          </div>
        ))}
        <p className="text-xs text-slate-500">
          Checklist items: one per line. A message to managers is optional. On an alert, assigning and adding checklist
          items act on the incident the rule promotes it to.
        </p>
        <button
          type="button"
          onClick={() => setActions((rows) => [...rows, { key: nextKey++, kind: "", value: "" }])}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
        >
          Add an action
        </button>
      </fieldset>

      {rule ? null : (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" className="h-4 w-4" />
          Enable now (leave it off to try a dry run first)
        </label>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : rule ? `Save as version ${rule.version + 1}` : "Create the rule"}
      </button>
    </form>
  );
}
