import { describe, expect, it } from "vitest";
import {
  buildRuleset,
  currentRuleset,
  describeRuleChange,
  ruleChanges,
  ruleFingerprint,
  rulesetLabels,
  stampLabel,
} from "@/domain/deadlines/ruleset";
import { RULES } from "@/domain/deadlines/rules";
import type { Rule, RuleGroup } from "@/domain/deadlines/types";

const rule = (id: string, amount = 72): Rule => ({
  id,
  regime: "Test",
  citation: "Test Act s. 1",
  title: "Notice",
  party: "CLIENT",
  recipient: "Regulator",
  when: [],
  clock: { start: "AWARENESS", amount, unit: "HOURS" },
  inForce: { from: "2020-01-01" },
  content: [],
  sources: [{ url: "https://example.gov/act", retrieved: "2026-12-02" }],
});
const group = (version: string, rules: Rule[]): RuleGroup => ({ group: "test", version, rules });

describe("rule sets and their stamps", () => {
  it("fingerprints a rule's data, whatever the order of its keys or versions", () => {
    const a = rule("x");
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Rule;
    expect(ruleFingerprint([a])).toBe(ruleFingerprint([reordered]));
    expect(ruleFingerprint([a])).toMatch(/^[0-9a-f]{12}$/);
    expect(ruleFingerprint([rule("x", 48)])).not.toBe(ruleFingerprint([a]));
    const v1 = { ...a, inForce: { from: "2020-01-01", until: "2023-12-31" } };
    const v2 = { ...rule("x", 24), inForce: { from: "2024-01-01" } };
    expect(ruleFingerprint([v1, v2])).toBe(ruleFingerprint([v2, v1]));
  });

  it("names what changed: a figure (old → new), a rule added, a rule withdrawn", () => {
    const before = rulesetLabels(buildRuleset([group("2026-12-02.1", [rule("a"), rule("b")])]));
    const after = buildRuleset([group("2026-12-09.1", [rule("a", 48), rule("c")])]);
    const changes = ruleChanges(before, after);
    expect(changes.map((c) => [c.ruleId, c.from?.split("#")[0] ?? null, c.to?.split("#")[0] ?? null])).toEqual([
      ["a", "2026-12-02.1", "2026-12-09.1"],
      ["b", "2026-12-02.1", null],
      ["c", null, "2026-12-09.1"],
    ]);
    expect(changes.map(describeRuleChange)).toEqual([
      `rule a changed ${before.a} → ${stampLabel(after.stamps.get("a")!)}`,
      `rule b withdrawn (was ${before.b})`,
      `rule c added (${stampLabel(after.stamps.get("c")!)})`,
    ]);
  });

  it("a version bump over unchanged data is no change, and the set's fingerprint stays", () => {
    const one = buildRuleset([group("2026-12-02.1", [rule("a")])]);
    const bumped = buildRuleset([group("2026-12-09.1", [rule("a")])]);
    expect(ruleChanges(rulesetLabels(one), bumped)).toEqual([]);
    expect(bumped.fingerprint).toBe(one.fingerprint);
    expect(buildRuleset([group("2026-12-09.1", [rule("a", 1)])]).fingerprint).not.toBe(one.fingerprint);
  });

  it("refuses a rule defined in two groups, and a set whose data is wrong", () => {
    // dates in force that follow each other, but in two files: one rule's versions live in one group
    const early = { ...rule("a"), inForce: { from: "2020-01-01", until: "2023-12-31" } };
    const late = { ...rule("a", 24), inForce: { from: "2024-01-01" } };
    expect(() => buildRuleset([group("1", [early]), { ...group("1", [late]), group: "other" }])).toThrow(
      "a: defined in two groups (test, other)",
    );
    expect(() => buildRuleset([group("1", [{ ...rule("a"), sources: [] }])])).toThrow(/Deadline rules refused/);
  });

  it("the shipped set stamps every rule", () => {
    const set = currentRuleset();
    expect(set.rules).toBe(RULES);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(set.stamps.size);
    for (const s of set.stamps.values()) expect(stampLabel(s)).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+#[0-9a-f]{12}$/);
  });
});
