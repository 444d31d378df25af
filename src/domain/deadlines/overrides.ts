import type { Rule, Unit } from "./types";

export type RuleOverride = { ruleId: string; amount: number; unit: Unit; note: string };

/**
 * The rules with an organization's figures for unconfirmed ones; confirmed rules never change.
 * Only the current version of a rule (the latest in force from) takes the figure: an earlier
 * version keeps the figure of the law as it stood.
 */
export function withOverrides(rules: readonly Rule[], overrides: readonly RuleOverride[]): Rule[] {
  const byId = new Map(overrides.map((o) => [o.ruleId, o]));
  const latest = new Map<string, string>();
  for (const r of rules) if ((latest.get(r.id) ?? "") < r.inForce.from) latest.set(r.id, r.inForce.from);
  return rules.map((r) => {
    const o = byId.get(r.id);
    if (!o || !r.unconfirmed || latest.get(r.id) !== r.inForce.from) return r;
    return {
      ...r,
      clock: { ...r.clock, amount: o.amount, unit: o.unit },
      unconfirmed: `${r.unconfirmed} Figure set by your administrator: ${o.note}`,
    };
  });
}
