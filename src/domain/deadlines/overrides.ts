import type { Rule, Unit } from "./types";

export type RuleOverride = { ruleId: string; amount: number; unit: Unit; note: string };

/** The rules with an organization's figures for unconfirmed ones; confirmed rules never change. */
export function withOverrides(rules: readonly Rule[], overrides: readonly RuleOverride[]): Rule[] {
  const byId = new Map(overrides.map((o) => [o.ruleId, o]));
  return rules.map((r) => {
    const o = byId.get(r.id);
    if (!o || !r.unconfirmed) return r;
    return { ...r, clock: { ...r.clock, amount: o.amount, unit: o.unit }, unconfirmed: `${r.unconfirmed} Figure set by your administrator: ${o.note}` };
  });
}
