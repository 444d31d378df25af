import { SEVERITIES } from "../incident/types";
import { EXECUTION_ORDER, type AutomationEvent, type Condition, type Rule, type RuleAction } from "./rule";

export type Evaluation = { matched: boolean; actions: RuleAction[] };

const rank = (s: (typeof SEVERITIES)[number]) => SEVERITIES.indexOf(s);
const fold = (s: string) => s.toLocaleLowerCase("en-US");

/** Does one condition hold for the event's subject? A fact the subject lacks never matches "equals". */
export function conditionHolds(condition: Condition, event: AutomationEvent): boolean {
  const s = event.subject;
  switch (condition.field) {
    case "source": {
      const same = s.source !== null && fold(s.source.trim()) === fold(condition.value.trim());
      return condition.op === "equals" ? same : !same;
    }
    case "type": {
      const same = s.type === condition.value;
      return condition.op === "equals" ? same : !same;
    }
    case "severity": {
      const d = rank(s.severity) - rank(condition.value);
      return condition.op === "equals" ? d === 0 : condition.op === "at_least" ? d >= 0 : d <= 0;
    }
    case "client": {
      const same = s.clientId === condition.value;
      return condition.op === "equals" ? same : !same;
    }
    case "dataCategories": {
      const any = condition.value.some((c) => s.dataCategories.includes(c));
      return condition.op === "any_of" ? any : !any;
    }
    case "text": {
      const needle = fold(condition.value);
      const found = fold(s.title).includes(needle) || (s.description !== null && fold(s.description).includes(needle));
      return condition.op === "contains" ? found : !found;
    }
    case "phase":
      return s.phase === condition.value;
  }
}

/**
 * A rule against an event: it matches when the trigger is the rule's and every condition holds
 * (no conditions: every event of the trigger). The actions come back in execution order.
 */
export function evaluate(rule: Rule, event: AutomationEvent): Evaluation {
  if (rule.trigger !== event.trigger) return { matched: false, actions: [] };
  if (!rule.conditions.every((c) => conditionHolds(c, event))) return { matched: false, actions: [] };
  const actions = [...rule.actions].sort((a, b) => EXECUTION_ORDER.indexOf(a.kind) - EXECUTION_ORDER.indexOf(b.kind));
  return { matched: true, actions };
}
