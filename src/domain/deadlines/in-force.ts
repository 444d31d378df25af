import { DateTime } from "luxon";
import { holidaysOf } from "./calendar";
import { ruleSchemaProblems } from "./rule-schema";
import type { Rule } from "./types";

// Dates in force of the deadline rules: when a version of a rule is law, and the checks that
// refuse rule data whose periods are not days, run backwards or overlap.

function periodOf(rule: Rule, fallbackZone: string): { from: DateTime; end: DateTime | null } {
  const zone = rule.inForce.zone ?? rule.clock.zone ?? fallbackZone;
  const from = DateTime.fromISO(rule.inForce.from, { zone }).startOf("day");
  const end = rule.inForce.until
    ? DateTime.fromISO(rule.inForce.until, { zone }).plus({ days: 1 }).startOf("day")
    : null;
  return { from, end };
}

/** Whether the rule is law at `at`: from the start of `from` to the end of `until`, in its zone. */
export function inForceAt(rule: Rule, at: Date, fallbackZone: string): "BEFORE" | "IN_FORCE" | "AFTER" {
  const { from, end } = periodOf(rule, fallbackZone);
  const t = at.getTime();
  if (t < from.toMillis()) return "BEFORE";
  if (end && t >= end.toMillis()) return "AFTER";
  return "IN_FORCE";
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a set of rules: dates that are not days, periods that end before they start,
 * versions of one rule whose periods overlap, unknown zones, chains that name no rule.
 */
export function ruleDataProblems(rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  const ids = new Set(rules.map((r) => r.id));
  for (const r of rules) {
    const { from, until, zone } = r.inForce;
    for (const [k, v] of [
      ["from", from],
      ["until", until],
    ] as const) {
      if (v !== undefined && (!ISO_DAY.test(v) || !DateTime.fromISO(v, { zone: "UTC" }).isValid))
        problems.push(`${r.id}: in force ${k} "${v}" is not a day (YYYY-MM-DD)`);
    }
    if (zone && !DateTime.local().setZone(zone).isValid) problems.push(`${r.id}: unknown time zone "${zone}"`);
    if (until && ISO_DAY.test(from) && ISO_DAY.test(until) && until < from)
      problems.push(`${r.id}: in force until ${until}, before it is in force from ${from}`);
    if (r.clock.start === "PREVIOUS_FILING" && (!r.clock.after || !ids.has(r.clock.after)))
      problems.push(`${r.id}: its clock counts from "${r.clock.after ?? ""}", which is no rule`);
    if (r.clock.holidays) {
      try {
        holidaysOf(r.clock.holidays, 2026);
      } catch (e) {
        problems.push(`${r.id}: ${(e as Error).message}`);
      }
    }
  }
  for (const id of ids) {
    // ISO days compare as strings; a version without `until` runs on and overlaps any later one
    const versions = rules.filter((r) => r.id === id).sort((a, b) => a.inForce.from.localeCompare(b.inForce.from));
    for (const [i, version] of versions.entries()) {
      const prevRule = versions[i - 1];
      if (!prevRule) continue;
      const prev = prevRule.inForce;
      const next = version.inForce;
      if (!prev.until || prev.until >= next.from) {
        problems.push(
          `${id}: versions overlap (${prev.from}–${prev.until ?? "open"} and ${next.from}–${next.until ?? "open"})`,
        );
      }
    }
  }
  return problems;
}

/**
 * The rules, refused whole when any of their data is wrong: the schema (citation, sources,
 * jurisdiction codes…) first, then dates in force across every version of every rule.
 */
export function defineRules(rules: readonly Rule[]): readonly Rule[] {
  const problems = [...ruleSchemaProblems(rules), ...ruleDataProblems(rules)];
  if (problems.length) throw new Error(`Deadline rules refused:\n- ${problems.join("\n- ")}`);
  return rules;
}
