import { createHash } from "node:crypto";
import { defineRules } from "./in-force";
import { RULE_GROUPS, RULES } from "./rules";
import type { Rule, RuleGroup } from "./types";

// A set of rules with the version each rule is at: its group's version and a fingerprint of its
// data (every version of the rule, dates in force included). An incident's obligations record
// the stamps they were computed with; a stamp that differs names the rule change to recompute for.

export type RuleStamp = { group: string; version: string; fingerprint: string };

export type Ruleset = {
  rules: readonly Rule[];
  /** Per rule id: its group, the group's version and the fingerprint of its data. */
  stamps: ReadonlyMap<string, RuleStamp>;
  /** Of the whole set: equal fingerprints, equal rules. */
  fingerprint: string;
};

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The fingerprint of a rule's data: all its versions, in order of their dates in force. */
export function ruleFingerprint(versions: readonly Rule[]): string {
  const ordered = [...versions].sort((a, b) => a.inForce.from.localeCompare(b.inForce.from));
  return sha256(JSON.stringify(canonical(ordered))).slice(0, 12);
}

/** "2026-12-02.1#0a1b2c3d4e5f": what an obligation row keeps. */
export const stampLabel = (s: RuleStamp) => `${s.version}#${s.fingerprint}`;

/** The groups' rules, checked as one set (refused whole when anything is wrong), with their stamps. */
export function buildRuleset(groups: readonly RuleGroup[]): Ruleset {
  return stamped(groups, defineRules(groups.flatMap((g) => g.rules)));
}

function stamped(groups: readonly RuleGroup[], rules: readonly Rule[]): Ruleset {
  const stamps = new Map<string, RuleStamp>();
  for (const g of groups) {
    for (const id of new Set(g.rules.map((r) => r.id))) {
      const other = stamps.get(id);
      if (other)
        throw new Error(`Deadline rules refused:\n- ${id}: defined in two groups (${other.group}, ${g.group})`);
      const fingerprint = ruleFingerprint(g.rules.filter((r) => r.id === id));
      stamps.set(id, { group: g.group, version: g.version, fingerprint });
    }
  }
  // of the rules' data only: a group's version bumped over unchanged rules recomputes nothing
  const prints = [...stamps].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, s]) => [id, s.fingerprint]);
  return { rules, stamps, fingerprint: sha256(JSON.stringify(prints)) };
}

let current: Ruleset | undefined;

/** The rules Warden ships (RULES, already checked when loaded), with their stamps. */
export function currentRuleset(): Ruleset {
  return (current ??= stamped(RULE_GROUPS, RULES));
}

/** { ruleId: label } of a ruleset, as an incident records it. */
export function rulesetLabels(set: Ruleset): Record<string, string> {
  return Object.fromEntries([...set.stamps].map(([id, s]) => [id, stampLabel(s)]));
}

export type RuleChange = { ruleId: string; from: string | null; to: string | null };

const fingerprintOf = (label: string | null) => (label === null ? null : (label.split("#").at(-1) ?? label));

/**
 * The rules whose data differ between what an incident was computed with and a ruleset: changed
 * (from → to), added (from null) and withdrawn (to null), by rule id. A rule whose group's
 * version moved but whose data did not is no change.
 */
export function ruleChanges(before: Readonly<Record<string, string>>, set: Ruleset): RuleChange[] {
  const now = rulesetLabels(set);
  const ids = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  return ids
    .map((ruleId) => ({ ruleId, from: before[ruleId] ?? null, to: now[ruleId] ?? null }))
    .filter((c) => fingerprintOf(c.from) !== fingerprintOf(c.to));
}

/** "us-ca 2026-12-02.1#0a1b… → 2026-12-09.1#9f8e…", "kr-pipa added (…)", "x withdrawn (was …)". */
export function describeRuleChange(c: RuleChange): string {
  if (c.from === null) return `rule ${c.ruleId} added (${c.to})`;
  if (c.to === null) return `rule ${c.ruleId} withdrawn (was ${c.from})`;
  return `rule ${c.ruleId} changed ${c.from} → ${c.to}`;
}
