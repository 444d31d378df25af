import { describe, expect, it } from "vitest";
import {
  coverageOf,
  filterReport,
  formatReport,
  formatReportTable,
  formatReportTsv,
  rulesReport,
  withCoverage,
  COVERAGE_END,
  COVERAGE_START,
} from "@/domain/deadlines/rules-report";
import { RULE_GROUPS, RULES } from "@/domain/deadlines/rules";
import type { Rule, RuleGroup } from "@/domain/deadlines/types";

const source = [{ url: "https://example.gov/act", retrieved: "2026-12-02" }];
const rule = (patch: Partial<Rule> & Pick<Rule, "id">): Rule => ({
  regime: "Test",
  citation: "Test Act s. 1",
  title: "Notice",
  party: "CLIENT",
  recipient: "Regulator",
  when: [],
  clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
  inForce: { from: "2020-01-01" },
  content: [],
  sources: source,
  ...patch,
});

const states: RuleGroup = {
  group: "us-states",
  version: "2026-12-02.3",
  rules: [
    rule({
      id: "us-tx-ag",
      regime: "Texas",
      recipient: "Texas Attorney General",
      when: [
        { kind: "personalData" },
        { kind: "notEncrypted" },
        { kind: "residentsOver", codes: ["US-TX"], over: 249 },
      ],
      clock: { start: "DETERMINATION", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Chicago" },
      inForce: { from: "2023-09-01" },
      unconfirmed: "Content not confirmed.",
    }),
    rule({
      id: "us-tx-ag",
      regime: "Texas",
      when: [{ kind: "residentsOver", codes: ["US-TX"], over: 249 }],
      clock: { start: "DETERMINATION", amount: 60, unit: "CALENDAR_DAYS" },
      inForce: { from: "2020-01-01", until: "2023-08-31" },
    }),
    rule({
      id: "us-ak",
      regime: "Alaska",
      when: [{ kind: "jurisdictionAny", codes: ["US-AK"] }],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", noStatutoryLimit: true },
    }),
  ],
};
const federal: RuleGroup = {
  group: "us-federal",
  version: "2026-12-02.1",
  rules: [
    rule({
      id: "hipaa-408",
      regime: "HIPAA",
      when: [
        { kind: "clientFlag", flag: "hipaaCoveredEntity" },
        { kind: "subjectsAtLeast", count: 500 },
      ],
      clock: { start: "DISCOVERY", amount: 60, unit: "CALENDAR_DAYS", outerLimit: true },
      party: "CLIENT",
    }),
    rule({
      id: "sec-8k",
      regime: "SEC",
      clock: {
        start: "DETERMINATION",
        amount: 4,
        unit: "BUSINESS_DAYS",
        holidays: "US_FEDERAL",
        zone: "America/New_York",
      },
      inForce: { from: "2027-01-01" },
    }),
  ],
};

describe("the rules report", () => {
  const rows = rulesReport([states, federal], "2026-12-02");

  it("has one row per rule version, by group, jurisdiction and id, with the group's version", () => {
    expect(rows.map((r) => [r.group, r.groupVersion, r.id, r.inForce])).toEqual([
      ["us-states", "2026-12-02.3", "us-ak", "2020-01-01 – (in force)"],
      ["us-states", "2026-12-02.3", "us-tx-ag", "2020-01-01 – 2023-08-31"],
      ["us-states", "2026-12-02.3", "us-tx-ag", "2023-09-01 – (in force)"],
      ["us-federal", "2026-12-02.1", "hipaa-408", "2020-01-01 – (in force)"],
      ["us-federal", "2026-12-02.1", "sec-8k", "2027-01-01 – (in force)"],
    ]);
  });

  it("reads the thresholds from the conditions, at their boundary", () => {
    const tx = rows.find((r) => r.id === "us-tx-ag" && r.inForce.startsWith("2023"))!;
    expect(tx.thresholds).toBe("not encrypted (encryption safe harbour); >249 residents of Texas (US)");
    expect(tx.jurisdiction).toBe("Texas (US)");
    const hipaa = rows.find((r) => r.id === "hipaa-408")!;
    expect(hipaa.thresholds).toBe("client: HIPAA covered entity; ≥500 individuals in total");
    expect(hipaa.jurisdiction).toBe("Any (by client type)");
    expect(rows.find((r) => r.id === "us-ak")!.thresholds).toBe("none");
  });

  it("says what the figure is in law: fixed, outer limit, or no fixed time (a working target)", () => {
    const ak = rows.find((r) => r.id === "us-ak")!;
    expect(ak.limit).toBe("no fixed time");
    expect(ak.clock).toBe("working target: 30 calendar days from discovery");
    expect(rows.find((r) => r.id === "hipaa-408")!.limit).toBe("outer limit");
    const tx = rows.find((r) => r.id === "us-tx-ag" && r.inForce.startsWith("2023"))!;
    expect(tx.limit).toBe("fixed by law");
    expect(tx.clock).toBe("30 calendar days from determination (America/Chicago)");
    expect(rows.find((r) => r.id === "sec-8k")!.clock).toBe(
      "4 business days from determination (US federal holidays excluded; America/New_York)",
    );
  });

  it("marks versions replaced, in force and not yet in force on the day given, and unconfirmed figures", () => {
    const status = rows.map((r) => [r.id, r.inForce.slice(0, 4), r.status, r.confirmed]);
    expect(status).toEqual([
      ["us-ak", "2020", "in force", true],
      ["us-tx-ag", "2020", "replaced", true],
      ["us-tx-ag", "2023", "in force", false],
      ["hipaa-408", "2020", "in force", true],
      ["sec-8k", "2027", "not yet in force", true],
    ]);
    // the day before and the day of the date in force
    expect(rulesReport([federal], "2026-12-31").find((r) => r.id === "sec-8k")!.status).toBe("not yet in force");
    expect(rulesReport([federal], "2027-01-01").find((r) => r.id === "sec-8k")!.status).toBe("in force");
    expect(
      rulesReport([states], "2023-08-31")
        .filter((r) => r.id === "us-tx-ag")
        .map((r) => r.status),
    ).toEqual(["in force", "not yet in force"]);
  });

  it("filters on group, jurisdiction, regime, id or citation, in any case", () => {
    expect(filterReport(rows, "TEXAS").map((r) => r.id)).toEqual(["us-tx-ag", "us-tx-ag"]);
    expect(filterReport(rows, "us-federal").map((r) => r.id)).toEqual(["hipaa-408", "sec-8k"]);
    expect(filterReport(rows, "  ")).toHaveLength(5);
    expect(filterReport(rows, "no such place")).toEqual([]);
  });

  it("counts distinct rules, versions and unconfirmed ones per group", () => {
    expect(coverageOf([states, federal])).toEqual({
      rules: 4,
      versions: 5,
      unconfirmed: 1,
      groups: [
        { group: "us-states", version: "2026-12-02.3", rules: 2, regimes: ["Alaska", "Texas"] },
        { group: "us-federal", version: "2026-12-02.1", rules: 2, regimes: ["HIPAA", "SEC"] },
      ],
    });
  });

  it("prints a table, blocks and TSV with every row and its sources", () => {
    const coverage = coverageOf([states, federal]);
    const table = formatReportTable(rows, coverage).split("\n");
    expect(table[0]).toBe("Warden deadline rules: 4 rules (5 versions) in 2 groups; 1 with an UNCONFIRMED figure.");
    expect(table.filter((l) => l.startsWith("| us-"))).toHaveLength(5);
    expect(table.find((l) => l.includes("us-tx-ag (") && l.includes("2023-09-01"))).toContain(
      "UNCONFIRMED: Content not confirmed.",
    );
    expect(formatReport(rows, coverage)).toContain("== us-federal (version 2026-12-02.1) ==");
    const tsv = formatReportTsv(rows).trimEnd().split("\n");
    expect(tsv).toHaveLength(6);
    expect(tsv.every((l) => l.split("\t").length === 8)).toBe(true);
    expect(tsv[1]).toContain("https://example.gov/act (retrieved 2026-12-02)");
  });

  it("covers every rule Warden ships, each with a source", () => {
    const all = rulesReport(RULE_GROUPS, "2026-12-02");
    expect(all).toHaveLength(RULES.length);
    expect(all.every((r) => r.sources.length > 0 && r.citation.length > 0)).toBe(true);
  });

  it("writes the coverage into the README between its markers, and only there", () => {
    const readme = `# Intro\n${COVERAGE_START}\nold table\n${COVERAGE_END}\n## Next\n`;
    const out = withCoverage(readme, coverageOf([states, federal]));
    expect(out).toBe(
      `# Intro\n${COVERAGE_START}\n` +
        "4 rules (5 dated versions) in 2 groups; 1 carry an UNCONFIRMED figure.\n\n" +
        "| Group (file) | Version | Rules | Regimes |\n| --- | --- | --- | --- |\n" +
        "| `us-states` | 2026-12-02.3 | 2 | Alaska, Texas |\n" +
        "| `us-federal` | 2026-12-02.1 | 2 | HIPAA, SEC |\n" +
        `${COVERAGE_END}\n## Next\n`,
    );
    expect(withCoverage("# No markers\n", coverageOf([states]))).toBeNull();
  });
});
