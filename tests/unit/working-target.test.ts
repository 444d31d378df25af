import { describe, expect, it } from "vitest";
import { obligationsFor } from "@/domain/deadlines/obligations";
import { workingTargetLine, workingTargetNote, workingTargetOf } from "@/domain/deadlines/working-target";
import type { ClientTerms, IncidentFacts, Rule } from "@/domain/deadlines/types";

// Laws that fix no time ("as soon as possible"): the due time is a working target, from the
// contract for a notice we owe, from the organization's setting for one the client owes, else
// the rule's own figure. Every expected instant worked out by hand (offsets and DST dates).

const facts = (awareAt: string, detectedAt = awareAt): IncidentFacts => ({
  occurredAt: null,
  detectedAt: new Date(detectedAt),
  awareAt: new Date(awareAt),
  dataCategories: ["PERSONAL"],
  jurisdictions: ["CH"],
  dataSubjectsCount: 10,
  dataEncrypted: false,
  risk: "HIGH_RISK",
  riskAssessedAt: null,
  nis2Significant: null,
  doraMajor: null,
  doraClassifiedAt: null,
  secMaterial: null,
  secDeterminedAt: null,
});

const terms = (patch: Partial<ClientTerms> = {}): ClientTerms => ({
  timeZone: "America/New_York",
  noticeHours: 24,
  noticeBusinessHoursOnly: false,
  hipaaCoveredEntity: false,
  doraFinancialEntity: false,
  nis2Entity: false,
  secRegistrant: false,
  handlesCardData: false,
  ...patch,
});

const rule = (patch: Partial<Rule>): Rule => ({
  id: "ch-fadp",
  regime: "Switzerland (revFADP)",
  citation: "revFADP Art. 24",
  title: "Report to the FDPIC",
  party: "CLIENT",
  recipient: "FDPIC",
  when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["CH"] }],
  clock: { start: "DISCOVERY", amount: 5, unit: "CALENDAR_DAYS", zone: "Europe/Zurich", noStatutoryLimit: true },
  inForce: { from: "2023-09-01", zone: "Europe/Zurich" },
  content: [],
  sources: [{ url: "https://www.fedlex.admin.ch/eli/cc/2022/491/en", retrieved: "2026-12-02" }],
  ...patch,
});

function one(r: Rule, f: IncidentFacts, c: ClientTerms) {
  const { obligations, notApplicable } = obligationsFor(f, c, [r]);
  const o = [...obligations, ...notApplicable][0];
  if (!o) throw new Error("no obligation");
  return o;
}

describe("a law that fixes no time, counted against a working target", () => {
  it("a notice we owe: the contract's hours (24 h from awareness)", () => {
    const o = one(rule({ party: "BPO", recipient: "The client" }), facts("2026-06-10T14:00:00Z"), terms());
    expect(o.dueAt?.toISOString()).toBe("2026-06-11T14:00:00.000Z");
    expect(o.basis).toContain("no time fixed by law — working target from the contract");
    expect(workingTargetOf(o.basis)).toBe("contract");
  });

  it("a notice we owe under a business-hours contract, across the US spring DST change", () => {
    // aware Friday 2026-03-06 16:00 EST (21:00 UTC): 1 working hour Friday (16–17), then
    // Monday 9 March (EDT since Sunday 8 March, UTC−4) 09:00 + 7 h = 16:00 EDT = 20:00 UTC
    const o = one(
      rule({ party: "BPO" }),
      facts("2026-03-06T21:00:00Z"),
      terms({ noticeHours: 8, noticeBusinessHoursOnly: true }),
    );
    expect(o.dueAt?.toISOString()).toBe("2026-03-09T20:00:00.000Z");
    expect(workingTargetOf(o.basis)).toBe("contract");
  });

  it("a notice the client owes: the organization's setting, over the year end", () => {
    // discovery 2026-12-31 20:00 UTC + 48 h = 2027-01-02 20:00 UTC
    const o = one(rule({}), facts("2026-12-31T20:00:00Z"), terms({ workingTargetHours: 48 }));
    expect(o.dueAt?.toISOString()).toBe("2027-01-02T20:00:00.000Z");
    expect(o.basis).toContain("48 h from discovery 2026-12-31 20:00 UTC");
    expect(workingTargetOf(o.basis)).toBe("organization setting");
  });

  it("without a setting: the rule's own figure, in its zone, across the autumn DST change", () => {
    // discovery 2026-10-24 22:30 UTC = 25 October 00:30 CEST; Zurich returns to CET (UTC+1) on
    // 25 October; 5 calendar days: the end of 30 October CET = 22:59:59.999 UTC
    const o = one(rule({}), facts("2026-10-24T22:30:00Z"), terms());
    expect(o.dueAt?.toISOString()).toBe("2026-10-30T22:59:59.999Z");
    expect(workingTargetOf(o.basis)).toBe("rule default");
  });

  it("a setting of zero hours is no setting: the rule's figure applies", () => {
    const o = one(rule({}), facts("2026-10-24T22:30:00Z"), terms({ workingTargetHours: 0 }));
    expect(o.dueAt?.toISOString()).toBe("2026-10-30T22:59:59.999Z");
  });

  it("a law with a figure is not a working target, whatever the setting", () => {
    const fixed = rule({ clock: { start: "DISCOVERY", amount: 72, unit: "HOURS" } });
    const o = one(fixed, facts("2026-06-10T14:00:00Z"), terms({ workingTargetHours: 12 }));
    expect(o.dueAt?.toISOString()).toBe("2026-06-13T14:00:00.000Z");
    expect(workingTargetOf(o.basis)).toBeNull();
  });

  it("before and after the rule's date in force, at midnight in its zone", () => {
    const seoul = rule({
      inForce: { from: "2027-01-01", zone: "Asia/Seoul" },
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", noStatutoryLimit: true },
    });
    // 2026-12-31 14:59:59 UTC = 23:59:59 KST on 31 December: not yet in force
    const before = one(seoul, facts("2026-12-31T14:59:59Z"), terms({ workingTargetHours: 24 }));
    expect(before.applicability).toBe("NOT_APPLICABLE");
    expect(before.explanation).toContain("not in force");
    expect(before.dueAt).toBeNull();
    // 2026-12-31 15:00 UTC = 00:00 KST on 1 January 2027: in force; + 24 h working target
    const after = one(seoul, facts("2026-12-31T15:00:00Z"), terms({ workingTargetHours: 24 }));
    expect(after.applicability).toBe("APPLIES");
    expect(after.dueAt?.toISOString()).toBe("2027-01-01T15:00:00.000Z");
  });

  it("reads the mark back only from a basis that carries it", () => {
    expect(workingTargetOf(null)).toBeNull();
    expect(workingTargetOf("")).toBeNull();
    expect(workingTargetOf("72 h from awareness 2026-03-29 01:30 UTC")).toBeNull();
    expect(workingTargetLine("72 h from awareness 2026-03-29 01:30 UTC")).toBeNull();
    expect(workingTargetLine("24 h from discovery; no time fixed by law — working target from the contract")).toBe(
      "No time fixed by law — working target from the contract",
    );
    expect(workingTargetNote("organization setting")).toBe(
      "No time fixed by law — working target from the organization setting",
    );
  });
});
