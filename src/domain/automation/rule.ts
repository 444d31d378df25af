// Automation rules are data: a trigger, conditions over the event's subject (all must hold),
// and actions to take when they do. Plain types and vocabulary; evaluation is in evaluate.ts,
// the schema that turns an administrator's input into a Rule in src/lib/validation/automation-rule.ts.
import type { DataCategory, IncidentType, Phase, Severity } from "../incident/types";

export const TRIGGERS = ["alert.created", "incident.created", "incident.phase_changed"] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const TRIGGER_LABEL: Record<Trigger, string> = {
  "alert.created": "An alert comes in",
  "incident.created": "An incident is logged",
  "incident.phase_changed": "An incident changes phase",
};

/** Each condition field with the operators it takes (the first is the default in the form). */
export const CONDITION_OPERATORS = {
  source: ["equals", "not_equals"],
  type: ["equals", "not_equals"],
  severity: ["equals", "at_least", "at_most"],
  client: ["equals", "not_equals"],
  dataCategories: ["any_of", "none_of"],
  text: ["contains", "not_contains"],
  phase: ["equals"],
} as const;
export type ConditionField = keyof typeof CONDITION_OPERATORS;
export const CONDITION_FIELDS = Object.keys(CONDITION_OPERATORS) as ConditionField[];

export const FIELD_LABEL: Record<ConditionField, string> = {
  source: "Source",
  type: "Incident type",
  severity: "Severity",
  client: "Client",
  dataCategories: "Data categories",
  text: "Title or description",
  phase: "Phase entered",
};

export const OPERATOR_LABEL: Record<string, string> = {
  equals: "is",
  not_equals: "is not",
  at_least: "is at least",
  at_most: "is at most",
  any_of: "include any of",
  none_of: "include none of",
  contains: "contains",
  not_contains: "does not contain",
};

export type Condition =
  | { field: "source"; op: "equals" | "not_equals"; value: string }
  | { field: "type"; op: "equals" | "not_equals"; value: IncidentType }
  | { field: "severity"; op: "equals" | "at_least" | "at_most"; value: Severity }
  | { field: "client"; op: "equals" | "not_equals"; value: string }
  | { field: "dataCategories"; op: "any_of" | "none_of"; value: DataCategory[] }
  | { field: "text"; op: "contains" | "not_contains"; value: string }
  | { field: "phase"; op: "equals"; value: Phase };

export const ACTION_KINDS = [
  "set_severity",
  "promote_to_incident",
  "assign_on_call",
  "assign_person",
  "add_checklist_items",
  "notify_managers",
  "send_webhook",
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_LABEL: Record<ActionKind, string> = {
  set_severity: "Set severity",
  promote_to_incident: "Promote the alert to an incident",
  assign_on_call: "Assign the on-call analyst",
  assign_person: "Assign a named person",
  add_checklist_items: "Add checklist items",
  notify_managers: "Notify managers",
  send_webhook: "Send a webhook",
};

export type RuleAction =
  | { kind: "set_severity"; severity: Severity }
  | { kind: "promote_to_incident" }
  | { kind: "assign_on_call" }
  | { kind: "assign_person"; userId: string }
  | { kind: "add_checklist_items"; items: string[] }
  | { kind: "notify_managers"; message: string }
  | { kind: "send_webhook" };

export type Rule = { trigger: Trigger; conditions: Condition[]; actions: RuleAction[] };

/** What a rule is evaluated against: an alert or an incident, as facts. */
export type EventSubject = {
  kind: "alert" | "incident";
  clientId: string;
  /** The alert's source ("splunk", "wazuh"…), or the incident's originating alert's; null when typed in by hand. */
  source: string | null;
  /** The incident's type, or the alert's guess; null when the alert suggests none. */
  type: IncidentType | null;
  severity: Severity;
  dataCategories: readonly DataCategory[];
  title: string;
  description: string | null;
  /** The phase entered (incident.phase_changed), the current phase for other incident events. */
  phase: Phase | null;
};
export type AutomationEvent = { trigger: Trigger; subject: EventSubject };

/**
 * The order actions run in, whatever order the administrator wrote them: the severity is set
 * first (a promotion takes it), the alert is promoted before anything acts on its incident.
 */
export const EXECUTION_ORDER: readonly ActionKind[] = ACTION_KINDS;

/** Actions that act on an incident: on an alert trigger they need the rule to promote it. */
export const INCIDENT_ACTIONS: ReadonlySet<ActionKind> = new Set([
  "assign_on_call",
  "assign_person",
  "add_checklist_items",
]);
