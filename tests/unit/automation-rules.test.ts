import { describe, expect, it } from "vitest";
import { evaluate } from "@/domain/automation/evaluate";
import type { AutomationEvent, Condition, EventSubject, Rule, RuleAction, Trigger } from "@/domain/automation/rule";
import { ruleDefinitionSchema, storedRule, conditionToRow, actionToRow } from "@/lib/validation/automation-rule";

const CLIENT_A = "0b7c1f3e-6a55-4e0a-9a53-1a2b3c4d5e6f";
const CLIENT_B = "9d8e7f6a-5b4c-4d3e-8f2a-0a1b2c3d4e5f";

const alert: EventSubject = {
  kind: "alert",
  clientId: CLIENT_A,
  source: "Wazuh",
  type: "CYBERATTACK",
  severity: "HIGH",
  dataCategories: ["PERSONAL", "CREDENTIALS"],
  title: "Multiple authentication failures on agent VPN",
  description: "sshd: 14 failed logins for root from 203.0.113.7",
  phase: null,
};
const incident: EventSubject = {
  kind: "incident",
  clientId: CLIENT_B,
  source: null,
  type: "DATA_BREACH",
  severity: "MEDIUM",
  dataCategories: ["HEALTH"],
  title: "Misdirected e-mail with patient list",
  description: null,
  phase: "CONTAIN",
};

const promote: RuleAction = { kind: "promote_to_incident" };
const rule = (trigger: Trigger, conditions: Condition[], actions: RuleAction[] = [promote]): Rule => ({
  trigger,
  conditions,
  actions,
});
const on = (trigger: Trigger, subject: EventSubject, changes: Partial<EventSubject> = {}): AutomationEvent => ({
  trigger,
  subject: { ...subject, ...changes },
});

// [what, rule, event, matched?] — every row worked out by hand from the alert and incident above.
type Row = [string, Rule, AutomationEvent, boolean];
const A = "alert.created" as const;
const IC = "incident.created" as const;
const IP = "incident.phase_changed" as const;
const rows: Row[] = [
  ["no conditions: every alert", rule(A, []), on(A, alert), true],
  ["another trigger never matches", rule(IC, []), on(A, alert), false],
  ["phase-change rule on a created incident", rule(IP, []), on(IC, incident), false],
  ["source equals, case-insensitive", rule(A, [{ field: "source", op: "equals", value: "wazuh" }]), on(A, alert), true],
  ["source equals, padded", rule(A, [{ field: "source", op: "equals", value: " WAZUH " }]), on(A, alert), true],
  ["source differs", rule(A, [{ field: "source", op: "equals", value: "splunk" }]), on(A, alert), false],
  ["source not_equals", rule(A, [{ field: "source", op: "not_equals", value: "splunk" }]), on(A, alert), true],
  ["no source never equals", rule(IC, [{ field: "source", op: "equals", value: "wazuh" }]), on(IC, incident), false],
  [
    "no source is not splunk",
    rule(IC, [{ field: "source", op: "not_equals", value: "splunk" }]),
    on(IC, incident),
    true,
  ],
  ["type equals", rule(A, [{ field: "type", op: "equals", value: "CYBERATTACK" }]), on(A, alert), true],
  ["type differs", rule(A, [{ field: "type", op: "equals", value: "DATA_BREACH" }]), on(A, alert), false],
  [
    "no type guess never equals",
    rule(A, [{ field: "type", op: "equals", value: "CYBERATTACK" }]),
    on(A, alert, { type: null }),
    false,
  ],
  ["type not_equals", rule(IC, [{ field: "type", op: "not_equals", value: "CYBERATTACK" }]), on(IC, incident), true],
  ["severity equals HIGH", rule(A, [{ field: "severity", op: "equals", value: "HIGH" }]), on(A, alert), true],
  ["HIGH at least HIGH", rule(A, [{ field: "severity", op: "at_least", value: "HIGH" }]), on(A, alert), true],
  ["HIGH at least MEDIUM", rule(A, [{ field: "severity", op: "at_least", value: "MEDIUM" }]), on(A, alert), true],
  [
    "HIGH not at least CRITICAL",
    rule(A, [{ field: "severity", op: "at_least", value: "CRITICAL" }]),
    on(A, alert),
    false,
  ],
  [
    "LOW not at least MEDIUM",
    rule(A, [{ field: "severity", op: "at_least", value: "MEDIUM" }]),
    on(A, alert, { severity: "LOW" }),
    false,
  ],
  [
    "CRITICAL at least LOW",
    rule(A, [{ field: "severity", op: "at_least", value: "LOW" }]),
    on(A, alert, { severity: "CRITICAL" }),
    true,
  ],
  ["MEDIUM at most MEDIUM", rule(IC, [{ field: "severity", op: "at_most", value: "MEDIUM" }]), on(IC, incident), true],
  ["HIGH not at most MEDIUM", rule(A, [{ field: "severity", op: "at_most", value: "MEDIUM" }]), on(A, alert), false],
  ["client equals", rule(A, [{ field: "client", op: "equals", value: CLIENT_A }]), on(A, alert), true],
  ["client of another", rule(A, [{ field: "client", op: "equals", value: CLIENT_B }]), on(A, alert), false],
  ["client not_equals", rule(A, [{ field: "client", op: "not_equals", value: CLIENT_B }]), on(A, alert), true],
  [
    "categories: any of, one shared",
    rule(A, [{ field: "dataCategories", op: "any_of", value: ["HEALTH", "CREDENTIALS"] }]),
    on(A, alert),
    true,
  ],
  [
    "categories: any of, none shared",
    rule(A, [{ field: "dataCategories", op: "any_of", value: ["HEALTH", "PAYMENT_CARD"] }]),
    on(A, alert),
    false,
  ],
  [
    "categories: any of, alert has none",
    rule(A, [{ field: "dataCategories", op: "any_of", value: ["PERSONAL"] }]),
    on(A, alert, { dataCategories: [] }),
    false,
  ],
  [
    "categories: none of, none shared",
    rule(IC, [{ field: "dataCategories", op: "none_of", value: ["PERSONAL"] }]),
    on(IC, incident),
    true,
  ],
  [
    "categories: none of, one shared",
    rule(IC, [{ field: "dataCategories", op: "none_of", value: ["HEALTH"] }]),
    on(IC, incident),
    false,
  ],
  [
    "text in title, other case",
    rule(A, [{ field: "text", op: "contains", value: "AUTHENTICATION FAIL" }]),
    on(A, alert),
    true,
  ],
  ["text in description", rule(A, [{ field: "text", op: "contains", value: "203.0.113.7" }]), on(A, alert), true],
  ["text nowhere", rule(A, [{ field: "text", op: "contains", value: "ransom" }]), on(A, alert), false],
  ["text with no description", rule(IC, [{ field: "text", op: "contains", value: "patient" }]), on(IC, incident), true],
  [
    "text not_contains, absent",
    rule(IC, [{ field: "text", op: "not_contains", value: "ransom" }]),
    on(IC, incident),
    true,
  ],
  ["text not_contains, present", rule(A, [{ field: "text", op: "not_contains", value: "vpn" }]), on(A, alert), false],
  ["phase entered equals", rule(IP, [{ field: "phase", op: "equals", value: "CONTAIN" }], []), on(IP, incident), true],
  ["phase entered differs", rule(IP, [{ field: "phase", op: "equals", value: "REPORT" }], []), on(IP, incident), false],
  [
    "all conditions hold",
    rule(A, [
      { field: "source", op: "equals", value: "wazuh" },
      { field: "severity", op: "at_least", value: "HIGH" },
      { field: "dataCategories", op: "any_of", value: ["CREDENTIALS"] },
    ]),
    on(A, alert),
    true,
  ],
  [
    "one of three fails: no match",
    rule(A, [
      { field: "source", op: "equals", value: "wazuh" },
      { field: "severity", op: "at_least", value: "CRITICAL" },
      { field: "text", op: "contains", value: "vpn" },
    ]),
    on(A, alert),
    false,
  ],
];

describe("evaluate(rule, event)", () => {
  it("has at least 30 hand-written rows", () => expect(rows.length).toBeGreaterThanOrEqual(30));
  it.each(rows)("%s", (_what, r, event, matched) => {
    const result = evaluate(r, event);
    expect(result.matched).toBe(matched);
    expect(result.actions).toEqual(matched ? r.actions : []);
  });

  it("returns actions in execution order: severity, promotion, then what acts on the incident", () => {
    const r = rule(
      A,
      [],
      [
        { kind: "send_webhook" },
        { kind: "assign_on_call" },
        { kind: "notify_managers", message: "" },
        promote,
        { kind: "set_severity", severity: "CRITICAL" },
      ],
    );
    expect(evaluate(r, on(A, alert)).actions.map((a) => a.kind)).toEqual([
      "set_severity",
      "promote_to_incident",
      "assign_on_call",
      "notify_managers",
      "send_webhook",
    ]);
  });
});

type Rows = {
  trigger: string;
  conditions: { field: string; op: string; value?: string }[];
  actions: { kind: string; value?: string }[];
};
const defn = (over: Partial<Rows>): Rows => ({
  trigger: A,
  conditions: [],
  actions: [{ kind: "promote_to_incident" }],
  ...over,
});
const errorsOf = (input: Rows) => {
  const r = ruleDefinitionSchema.safeParse(input);
  if (r.success) return null;
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

// [what, definition, path of the error, words the message must hold]
type Bad = [string, Rows, string, string];
const bad: Bad[] = [
  [
    "unknown field",
    defn({ conditions: [{ field: "hostname", op: "equals", value: "x" }] }),
    "conditions.0.field",
    'Unknown field "hostname"',
  ],
  [
    "unknown operator",
    defn({ conditions: [{ field: "severity", op: "gt", value: "HIGH" }] }),
    "conditions.0.op",
    'Unknown operator "gt" for severity',
  ],
  [
    "operator of another field",
    defn({ conditions: [{ field: "source", op: "at_least", value: "x" }] }),
    "conditions.0.op",
    "Use one of: equals, not_equals",
  ],
  [
    "unknown severity",
    defn({ conditions: [{ field: "severity", op: "at_least", value: "SEVERE" }] }),
    "conditions.0.value",
    "Unknown severity",
  ],
  [
    "unknown category",
    defn({ conditions: [{ field: "dataCategories", op: "any_of", value: "PERSONAL, DNA" }] }),
    "conditions.0.value",
    "DNA",
  ],
  [
    "empty text",
    defn({ conditions: [{ field: "text", op: "contains", value: "  " }] }),
    "conditions.0.value",
    "Enter the text",
  ],
  [
    "client not an id",
    defn({ conditions: [{ field: "client", op: "equals", value: "Acme" }] }),
    "conditions.0.value",
    "Choose a client",
  ],
  [
    "phase on an alert",
    defn({ conditions: [{ field: "phase", op: "equals", value: "CONTAIN" }] }),
    "conditions.0.value",
    "An alert has no phase",
  ],
  ["unknown trigger", defn({ trigger: "alert.deleted" }), "trigger", "Unknown trigger"],
  [
    "unknown action",
    defn({ actions: [{ kind: "delete_everything" }] }),
    "actions.0.kind",
    'Unknown action "delete_everything"',
  ],
  ["no actions", defn({ actions: [] }), "actions", "at least one action"],
  [
    "promote an incident",
    defn({ trigger: IC, actions: [{ kind: "promote_to_incident" }] }),
    "actions.0.kind",
    "Only an alert can be promoted",
  ],
  [
    "assign on an alert without promotion",
    defn({ actions: [{ kind: "assign_on_call" }] }),
    "actions.0.kind",
    "An alert has no incident yet",
  ],
  [
    "checklist without items",
    defn({ actions: [promote, { kind: "add_checklist_items", value: "\n \n" }] }),
    "actions.1.value",
    "one per line",
  ],
  [
    "severity to set missing",
    defn({ actions: [{ kind: "set_severity", value: "" }] }),
    "actions.0.value",
    "Choose the severity",
  ],
];

describe("the rule schema", () => {
  it.each(bad)("refuses %s, naming the row", (_what, input, path, words) => {
    const errors = errorsOf(input);
    expect(errors).not.toBeNull();
    expect(errors?.[path]).toContain(words);
  });

  it("reads the form's rows into a rule", () => {
    const r = ruleDefinitionSchema.parse(
      defn({
        conditions: [
          { field: "dataCategories", op: "any_of", value: "personal, HEALTH personal" },
          { field: "severity", op: "at_least", value: "HIGH" },
        ],
        actions: [promote, { kind: "add_checklist_items", value: "Call the client\n\n  Reset the VPN keys " }],
      }),
    );
    expect(r.conditions).toEqual([
      { field: "dataCategories", op: "any_of", value: ["PERSONAL", "HEALTH"] },
      { field: "severity", op: "at_least", value: "HIGH" },
    ]);
    expect(r.actions[1]).toEqual({ kind: "add_checklist_items", items: ["Call the client", "Reset the VPN keys"] });
  });

  it("reads a stored rule back unchanged", () => {
    const r: Rule = rule(
      A,
      [
        { field: "client", op: "equals", value: CLIENT_A },
        { field: "dataCategories", op: "none_of", value: ["HEALTH"] },
      ],
      [promote, { kind: "assign_person", userId: CLIENT_B }, { kind: "notify_managers", message: "Look at this" }],
    );
    expect(storedRule(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(r.conditions.map(conditionToRow)[1]).toEqual({ field: "dataCategories", op: "none_of", value: "HEALTH" });
    expect(r.actions.map(actionToRow)[1]).toEqual({ kind: "assign_person", value: CLIENT_B });
  });
});
