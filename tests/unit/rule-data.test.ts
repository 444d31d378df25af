import { describe, expect, it } from "vitest";
import { defineRules, ruleDataProblems } from "@/domain/deadlines/in-force";
import { ruleSchemaProblems } from "@/domain/deadlines/rule-schema";
import { RULE_GROUPS, RULES } from "@/domain/deadlines/rules";
import type { Rule } from "@/domain/deadlines/types";

const base: Rule = {
  id: "x",
  regime: "Test",
  citation: "Test Act s. 1",
  title: "Notice to the regulator",
  party: "CLIENT",
  recipient: "Regulator",
  when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-CA"] }],
  clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
  inForce: { from: "2020-01-01", zone: "UTC" },
  content: [{ key: "facts", label: "Facts" }],
  sources: [{ url: "https://example.gov/act", retrieved: "2026-12-02" }],
};

describe("rule data is checked when loaded", () => {
  it("accepts a well-formed rule", () => {
    expect(ruleSchemaProblems([base])).toEqual([]);
    expect(defineRules([base])).toHaveLength(1);
  });

  it.each([
    [
      "an unknown jurisdiction code",
      { ...base, when: [{ kind: "jurisdictionAny", codes: ["US-ZZ"] }] },
      'x: when.0.codes.0: unknown jurisdiction code "US-ZZ"',
    ],
    [
      "an unknown code in a threshold",
      { ...base, when: [{ kind: "residentsOver", codes: ["XX"], over: 500 }] },
      'unknown jurisdiction code "XX"',
    ],
    [
      "an unknown code inside anyOf",
      { ...base, when: [{ kind: "anyOf", conditions: [{ kind: "jurisdictionAny", codes: ["Atlantis"] }] }] },
      'unknown jurisdiction code "Atlantis"',
    ],
    ["a missing citation", { ...base, citation: undefined }, "x: citation: citation is missing"],
    ["a blank citation", { ...base, citation: "  " }, "x: citation: citation is missing"],
    ["no sources", { ...base, sources: [] }, "x: sources: at least one source is required"],
    ["sources left out", { ...base, sources: undefined }, "x: sources: sources are missing"],
    [
      "a source that is not a web address",
      { ...base, sources: [{ url: "see the statute book", retrieved: "2026-12-02" }] },
      "x: sources.0.url: source url must be an http(s) web address",
    ],
    [
      "a source on another protocol",
      { ...base, sources: [{ url: "ftp://example.gov/act", retrieved: "2026-12-02" }] },
      "source url must be an http(s) web address",
    ],
    [
      "a retrieved date that is not a day",
      { ...base, sources: [{ url: "https://example.gov/act", retrieved: "2 Dec 2026" }] },
      "x: sources.0.retrieved: source retrieved date must be a day (YYYY-MM-DD)",
    ],
    [
      "a clock both open in law and with an outer limit",
      { ...base, clock: { ...base.clock, noStatutoryLimit: true, outerLimit: true } },
      "x: clock: a clock cannot both have no limit in law",
    ],
  ] as const)("refuses %s", (_label, rule, problem) => {
    const rules = [rule as unknown as Rule];
    expect(ruleSchemaProblems(rules).join("\n")).toContain(problem);
    expect(() => defineRules(rules)).toThrow(/Deadline rules refused/);
  });

  it("refuses versions of one rule whose dates in force overlap, naming both periods", () => {
    const rules = [
      { ...base, inForce: { from: "2020-01-01", until: "2024-06-30", zone: "UTC" } },
      { ...base, inForce: { from: "2024-06-30", zone: "UTC" } },
    ];
    expect(() => defineRules(rules)).toThrow("x: versions overlap (2020-01-01–2024-06-30 and 2024-06-30–open)");
  });

  it("refuses a holiday calendar Warden does not know, and accepts the ones it counts", () => {
    const clock = { start: "AWARENESS", amount: 3, unit: "BUSINESS_DAYS" } as const;
    const unknown = { ...base, clock: { ...clock, holidays: "MARS_NATIONAL" } } as unknown as Rule;
    expect(ruleSchemaProblems([unknown]).join("\n")).toContain("x: clock.holidays:");
    expect(() => defineRules([unknown])).toThrow(/Deadline rules refused/);
    for (const holidays of ["US_FEDERAL", "BR_NATIONAL", "JP_NATIONAL"] as const)
      expect(defineRules([{ ...base, clock: { ...clock, holidays } }])).toHaveLength(1);
  });
});

describe("the rules Warden ships", () => {
  it("every rule has a citation and at least one source with an address and a retrieved day", () => {
    expect(RULES.length).toBeGreaterThan(30);
    for (const r of RULES) {
      expect(r.citation.trim(), r.id).not.toBe("");
      expect(r.sources.length, r.id).toBeGreaterThanOrEqual(1);
      for (const s of r.sources) {
        expect(s.url, r.id).toMatch(/^https?:\/\/[^\s]+$/);
        expect(s.retrieved, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("passes the schema and the dates-in-force checks as a whole set", () => {
    expect(ruleSchemaProblems(RULES)).toEqual([]);
    expect(ruleDataProblems(RULES)).toEqual([]);
  });

  it("every group has a name and a dated version, and every rule is in exactly one group", () => {
    const names = RULE_GROUPS.map((g) => g.group);
    expect(new Set(names).size).toBe(names.length);
    for (const g of RULE_GROUPS) expect(g.version, g.group).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    const ids = (rules: readonly Rule[]) => new Set(rules.map((r) => r.id));
    const byGroup = RULE_GROUPS.map((g) => ids(g.rules));
    for (const id of ids(RULES)) expect(byGroup.filter((s) => s.has(id)).length, id).toBe(1);
  });
});
