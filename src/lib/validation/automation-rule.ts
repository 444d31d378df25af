import { z } from "zod";
import { DATA_CATEGORIES, INCIDENT_TYPES, PHASES, SEVERITIES } from "@/domain/incident/types";
import {
  ACTION_KINDS,
  ACTION_LABEL,
  CONDITION_FIELDS,
  CONDITION_OPERATORS,
  INCIDENT_ACTIONS,
  TRIGGERS,
  type ActionKind,
  type Condition,
  type ConditionField,
  type Rule,
  type RuleAction,
} from "@/domain/automation/rule";

// A rule as an administrator writes it: condition rows { field, op, value } and action rows
// { kind, value }, each value a string (or a list). The schema names the row and the part of it
// that is wrong (conditions.2.op: 'Unknown operator "gt" for Severity…') and gives back a Rule.

export const MAX_CONDITIONS = 20;
export const MAX_ACTIONS = 10;
export const MAX_CHECKLIST_ITEMS = 10;

const value = z.union([z.string(), z.array(z.string())]).optional();
const conditionRow = z.object({ field: z.string(), op: z.string(), value });
const actionRow = z.object({ kind: z.string(), value });
export type ConditionRow = z.input<typeof conditionRow>;
export type ActionRow = z.input<typeof actionRow>;

const list = (v: string | string[] | undefined, split: RegExp) =>
  (Array.isArray(v) ? v : (v ?? "").split(split)).map((s) => s.trim()).filter((s) => s !== "");
const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(" ") : (v ?? "")).trim();
const oneOf = <T extends string>(options: readonly T[], v: string): v is T =>
  (options as readonly string[]).includes(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Issue = (path: (string | number)[], message: string) => void;

function toCondition(row: z.output<typeof conditionRow>, trigger: string, issue: Issue): Condition | null {
  const field = row.field.trim();
  if (field === "") {
    issue(["field"], "Choose a field, or remove this condition.");
    return null;
  }
  if (!oneOf(CONDITION_FIELDS, field)) {
    issue(["field"], `Unknown field "${field.slice(0, 40)}". Use one of: ${CONDITION_FIELDS.join(", ")}.`);
    return null;
  }
  const ops: readonly string[] = CONDITION_OPERATORS[field];
  const op = row.op.trim();
  if (!ops.includes(op)) {
    issue(["op"], `Unknown operator "${op.slice(0, 40)}" for ${field}. Use one of: ${ops.join(", ")}.`);
    return null;
  }
  const v = text(row.value);
  const need = (ok: boolean, message: string) => {
    if (!ok) issue(["value"], message);
    return ok;
  };
  switch (field as ConditionField) {
    case "source":
      return need(v.length > 0 && v.length <= 100, "Enter a source of 1 to 100 characters.")
        ? ({ field: "source", op, value: v } as Condition)
        : null;
    case "type":
      return need(oneOf(INCIDENT_TYPES, v), `Unknown incident type. Use one of: ${INCIDENT_TYPES.join(", ")}.`)
        ? ({ field: "type", op, value: v } as Condition)
        : null;
    case "severity":
      return need(oneOf(SEVERITIES, v), `Unknown severity. Use one of: ${SEVERITIES.join(", ")}.`)
        ? ({ field: "severity", op, value: v } as Condition)
        : null;
    case "client":
      return need(UUID.test(v), "Choose a client.")
        ? ({ field: "client", op, value: v.toLowerCase() } as Condition)
        : null;
    case "dataCategories": {
      const values = list(row.value, /[\s,]+/).map((s) => s.toUpperCase());
      const unknown = values.filter((c) => !oneOf(DATA_CATEGORIES, c));
      if (!need(values.length > 0, "Name at least one data category.")) return null;
      if (
        !need(
          unknown.length === 0,
          `Unknown data category ${unknown.slice(0, 3).join(", ").slice(0, 80)}. Use: ${DATA_CATEGORIES.join(", ")}.`,
        )
      )
        return null;
      return { field: "dataCategories", op, value: [...new Set(values)] } as Condition;
    }
    case "text":
      return need(v.length > 0 && v.length <= 200, "Enter the text to look for (1 to 200 characters).")
        ? ({ field: "text", op, value: v } as Condition)
        : null;
    case "phase":
      if (!need(trigger !== "alert.created", "An alert has no phase: use this on an incident trigger.")) return null;
      return need(oneOf(PHASES, v), `Unknown phase. Use one of: ${PHASES.join(", ")}.`)
        ? ({ field: "phase", op: "equals", value: v } as Condition)
        : null;
  }
}

function toAction(row: z.output<typeof actionRow>, trigger: string, issue: Issue): RuleAction | null {
  const kind = row.kind.trim();
  if (kind === "") {
    issue(["kind"], "Choose an action, or remove this row.");
    return null;
  }
  if (!oneOf(ACTION_KINDS, kind)) {
    issue(["kind"], `Unknown action "${kind.slice(0, 40)}". Use one of: ${ACTION_KINDS.join(", ")}.`);
    return null;
  }
  const v = text(row.value);
  switch (kind as ActionKind) {
    case "set_severity":
      if (oneOf(SEVERITIES, v)) return { kind: "set_severity", severity: v };
      issue(["value"], `Choose the severity to set: ${SEVERITIES.join(", ")}.`);
      return null;
    case "promote_to_incident":
      if (trigger === "alert.created") return { kind: "promote_to_incident" };
      issue(["kind"], "Only an alert can be promoted: use this with the trigger “An alert comes in”.");
      return null;
    case "assign_on_call":
      return { kind: "assign_on_call" };
    case "assign_person":
      if (UUID.test(v)) return { kind: "assign_person", userId: v.toLowerCase() };
      issue(["value"], "Choose the person to assign.");
      return null;
    case "add_checklist_items": {
      const items = list(row.value, /\r?\n/);
      if (items.length === 0 || items.length > MAX_CHECKLIST_ITEMS) {
        issue(["value"], `Write 1 to ${MAX_CHECKLIST_ITEMS} checklist items, one per line.`);
        return null;
      }
      if (items.some((i) => i.length > 300)) {
        issue(["value"], "A checklist item has at most 300 characters.");
        return null;
      }
      return { kind: "add_checklist_items", items };
    }
    case "notify_managers":
      if (v.length <= 300) return { kind: "notify_managers", message: v };
      issue(["value"], "A message has at most 300 characters.");
      return null;
    case "send_webhook":
      return { kind: "send_webhook" };
  }
}

/** The rule's definition (trigger, condition rows, action rows) → a Rule, or issues naming the row and part. */
export const ruleDefinitionSchema = z
  .object({
    trigger: z.string({ error: "Choose when the rule runs." }),
    conditions: z.array(conditionRow).max(MAX_CONDITIONS, `A rule has at most ${MAX_CONDITIONS} conditions.`),
    actions: z
      .array(actionRow)
      .min(1, "Add at least one action.")
      .max(MAX_ACTIONS, `A rule has at most ${MAX_ACTIONS} actions.`),
  })
  .transform((raw, ctx): Rule => {
    const trigger = raw.trigger.trim();
    if (!oneOf(TRIGGERS, trigger)) {
      ctx.addIssue({
        code: "custom",
        path: ["trigger"],
        message: `Unknown trigger. Use one of: ${TRIGGERS.join(", ")}.`,
      });
      return z.NEVER;
    }
    const conditions = raw.conditions.map((row, i) =>
      toCondition(row, trigger, (path, message) =>
        ctx.addIssue({ code: "custom", path: ["conditions", i, ...path], message }),
      ),
    );
    const actions = raw.actions.map((row, i) =>
      toAction(row, trigger, (path, message) =>
        ctx.addIssue({ code: "custom", path: ["actions", i, ...path], message }),
      ),
    );
    if (trigger === "alert.created" && !actions.some((a) => a?.kind === "promote_to_incident")) {
      actions.forEach((a, i) => {
        if (a && INCIDENT_ACTIONS.has(a.kind))
          ctx.addIssue({
            code: "custom",
            path: ["actions", i, "kind"],
            message: `An alert has no incident yet: add “${ACTION_LABEL.promote_to_incident}” to this rule first.`,
          });
      });
    }
    if (conditions.some((c) => c === null) || actions.some((a) => a === null)) return z.NEVER;
    return { trigger, conditions: conditions as Condition[], actions: actions as RuleAction[] };
  });

/** A stored definition read back (it was written by this schema; anything else is a broken rule). */
export function storedRule(definition: unknown): Rule {
  const d = definition as Partial<Rule> | null;
  const rows = {
    trigger: d?.trigger,
    conditions: (d?.conditions ?? []).map(conditionToRow),
    actions: (d?.actions ?? []).map(actionToRow),
  };
  return ruleDefinitionSchema.parse(rows);
}

export function conditionToRow(c: Condition): ConditionRow {
  return { field: c.field, op: c.op, value: Array.isArray(c.value) ? c.value.join(", ") : c.value };
}

export function actionToRow(a: RuleAction): ActionRow {
  switch (a.kind) {
    case "set_severity":
      return { kind: a.kind, value: a.severity };
    case "assign_person":
      return { kind: a.kind, value: a.userId };
    case "add_checklist_items":
      return { kind: a.kind, value: a.items.join("\n") };
    case "notify_managers":
      return { kind: a.kind, value: a.message };
    default:
      return { kind: a.kind, value: "" };
  }
}

const zip = (form: Record<string, unknown>, keys: readonly string[]) => {
  const cols = keys.map((k) => {
    const v = form[k];
    return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
  });
  const n = Math.max(0, ...cols.map((c) => c.length));
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i] ?? ""));
};

/** The lists a rule form posts (one value per row), for formObject. */
export const RULE_FORM_LISTS = [
  "conditionField",
  "conditionOp",
  "conditionValue",
  "actionKind",
  "actionValue",
] as const;

/** The form's columns → rows, in the order shown (so an error's row number is the row on screen). */
export function ruleRowsFromForm(form: Record<string, unknown>) {
  return {
    trigger: form.trigger,
    conditions: zip(form, ["conditionField", "conditionOp", "conditionValue"]).map(([field, op, v]) => ({
      field,
      op,
      value: v,
    })),
    actions: zip(form, ["actionKind", "actionValue"]).map(([kind, v]) => ({ kind, value: v })),
  };
}

const nameField = z
  .string({ error: "Name the rule." })
  .trim()
  .min(3, "A name needs at least 3 characters.")
  .max(120, "A name has at most 120 characters.");

/** Create or edit: the name and the definition; an edit names the rule and the version it was read at. */
export const saveRuleSchema = z.preprocess(
  (v) => {
    const form = (v ?? {}) as Record<string, unknown>;
    const blank = (x: unknown) => (x === "" ? undefined : x);
    return {
      ruleId: blank(form.ruleId),
      version: blank(form.version),
      name: form.name,
      enabled: form.enabled,
      definition: form.definition ?? ruleRowsFromForm(form),
    };
  },
  z.object({
    ruleId: z.uuid("Reload the page.").optional(),
    version: z.coerce.number({ error: "Reload the page." }).int().min(1).optional(),
    name: nameField,
    /** On creation only (an edit keeps the rule's state; enabling is its own step). */
    enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    definition: ruleDefinitionSchema,
  }),
);
export type SaveRuleInput = z.output<typeof saveRuleSchema>;

export const setRuleEnabledSchema = z.object({
  ruleId: z.uuid(),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetRuleEnabledInput = z.output<typeof setRuleEnabledSchema>;
