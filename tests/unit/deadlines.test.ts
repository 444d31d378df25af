import { describe, expect, it } from "vitest";
import { obligationsFor } from "@/domain/deadlines/obligations";
import { RULES, ruleById } from "@/domain/deadlines/rules";
import { defineRules, ruleDataProblems } from "@/domain/deadlines/in-force";
import { withOverrides } from "@/domain/deadlines/overrides";
import { addBusinessHours, endOfBusinessDays, usFederalHolidays } from "@/domain/deadlines/calendar";
import type { ClientTerms, IncidentFacts, Rule } from "@/domain/deadlines/types";

// Every expected instant below was worked out by hand (time zone offsets, DST dates, holiday
// calendars), not by running the code under test.

const AWARE = new Date("2026-03-29T01:30:00Z"); // Sunday; Europe switches to summer time at 01:00 UTC this day
const DETECTED = new Date("2026-03-28T20:00:00Z");

const facts = (patch: Partial<IncidentFacts> = {}): IncidentFacts => ({
  occurredAt: null,
  detectedAt: DETECTED,
  awareAt: AWARE,
  dataCategories: ["PERSONAL"],
  jurisdictions: ["DE"],
  dataSubjectsCount: 100,
  dataEncrypted: false,
  risk: "RISK",
  riskAssessedAt: null,
  nis2Significant: null,
  doraMajor: null,
  doraClassifiedAt: null,
  secMaterial: null,
  secDeterminedAt: null,
  ...patch,
});

const client = (patch: Partial<ClientTerms> = {}): ClientTerms => ({
  timeZone: "Europe/Berlin",
  noticeHours: 24,
  noticeBusinessHoursOnly: false,
  hipaaCoveredEntity: false,
  doraFinancialEntity: false,
  nis2Entity: false,
  secRegistrant: false,
  handlesCardData: false,
  ...patch,
});

function find(id: string, f: IncidentFacts, c: ClientTerms, filings: Record<string, Date> = {}) {
  const { obligations, notApplicable } = obligationsFor(f, c, RULES, filings);
  const o = [...obligations, ...notApplicable].find((x) => x.ruleId === id);
  if (!o) throw new Error(`rule ${id} missing`);
  return o;
}

const due = (id: string, f: IncidentFacts, c: ClientTerms, filings: Record<string, Date> = {}) =>
  find(id, f, c, filings).dueAt?.toISOString() ?? null;

describe("due times, hand-computed", () => {
  const US = (codes: string[], extra: Partial<IncidentFacts> = {}) => facts({ jurisdictions: codes, ...extra });
  const hipaa = client({ timeZone: "America/Chicago", hipaaCoveredEntity: true });

  it.each([
    // contract clock
    ["contract", facts(), client(), "2026-03-30T01:30:00.000Z"],
    ["contract", facts(), client({ noticeHours: 12 }), "2026-03-29T13:30:00.000Z"],
    // 24 business hours in London from Friday 16:00 GMT: 1 h Fri, 8 h Mon, 8 h Tue (BST from Sunday), 7 h Wed → 16:00 BST
    [
      "contract",
      facts({ awareAt: new Date("2026-03-27T16:00:00Z") }),
      client({ timeZone: "Europe/London", noticeBusinessHoursOnly: true }),
      "2026-04-01T15:00:00.000Z",
    ],
    [
      "contract",
      facts({ dataCategories: ["OPERATIONAL_ONLY"] }),
      client({ noticeHours: 48 }),
      "2026-03-31T01:30:00.000Z",
    ],
    // GDPR
    ["gdpr-33-2", facts(), client(), "2026-03-30T01:30:00.000Z"],
    ["gdpr-33", facts(), client(), "2026-04-01T01:30:00.000Z"],
    ["gdpr-33", facts({ risk: "UNASSESSED" }), client(), "2026-04-01T01:30:00.000Z"],
    ["gdpr-34", facts({ risk: "HIGH_RISK" }), client(), "2026-04-01T01:30:00.000Z"],
    ["uk-gdpr-33", facts({ jurisdictions: ["GB"] }), client({ timeZone: "Europe/London" }), "2026-04-01T01:30:00.000Z"],
    // HIPAA: discovery = detection (earlier than awareness) 2026-03-28 15:00 CDT; +60 days = 27 May, end of day CDT
    ["hipaa-410", US(["US-IL"], { dataCategories: ["HEALTH"] }), hipaa, "2026-05-28T04:59:59.999Z"],
    ["hipaa-404", US(["US-IL"], { dataCategories: ["HEALTH"] }), hipaa, "2026-05-28T04:59:59.999Z"],
    [
      "hipaa-406",
      US(["US-IL"], { dataCategories: ["HEALTH"], dataSubjectsCount: 600 }),
      hipaa,
      "2026-05-28T04:59:59.999Z",
    ],
    [
      "hipaa-408",
      US(["US-IL"], { dataCategories: ["HEALTH"], dataSubjectsCount: 500 }),
      hipaa,
      "2026-05-28T04:59:59.999Z",
    ],
    // PCI: aware 2026-03-28 20:30 CDT; 3 calendar days → end of 31 March CDT
    [
      "pci-visa",
      US(["US-IL"], { dataCategories: ["PAYMENT_CARD"] }),
      client({ timeZone: "America/Chicago", handlesCardData: true }),
      "2026-04-01T04:59:59.999Z",
    ],
    [
      "pci-mastercard",
      US(["US-IL"], { dataCategories: ["PAYMENT_CARD"] }),
      client({ handlesCardData: true }),
      "2026-03-30T01:30:00.000Z",
    ],
    // NIS2: 24 h, 72 h, and 1 month after the 72 h notification (projected: 1 April 03:30 CEST → 1 May 03:30 CEST)
    ["nis2-23-early", facts({ nis2Significant: true }), client({ nis2Entity: true }), "2026-03-30T01:30:00.000Z"],
    [
      "nis2-23-notification",
      facts({ nis2Significant: true }),
      client({ nis2Entity: true }),
      "2026-04-01T01:30:00.000Z",
    ],
    ["nis2-23-final", facts({ nis2Significant: true }), client({ nis2Entity: true }), "2026-05-01T01:30:00.000Z"],
    // DORA initial: the earlier of 4 h from classification and 24 h from awareness
    [
      "dora-19-initial",
      facts({ doraMajor: true, doraClassifiedAt: new Date("2026-03-29T10:00:00Z") }),
      client({ doraFinancialEntity: true }),
      "2026-03-29T14:00:00.000Z",
    ],
    [
      "dora-19-initial",
      facts({ doraMajor: true, doraClassifiedAt: new Date("2026-03-30T00:00:00Z") }),
      client({ doraFinancialEntity: true }),
      "2026-03-30T01:30:00.000Z",
    ],
    ["dora-19-initial", facts({ doraMajor: null }), client({ doraFinancialEntity: true }), "2026-03-30T01:30:00.000Z"],
    // SEC: 4 business days, New York time, skipping weekends and federal holidays
    // determined Wed 25 Nov 2026; Thu 26 Thanksgiving; Fri 27, Mon 30, Tue 1, Wed 2 Dec → end of 2 Dec EST
    [
      "sec-8k-105",
      facts({ secMaterial: true, secDeterminedAt: new Date("2026-11-25T20:00:00Z") }),
      client({ secRegistrant: true }),
      "2026-12-03T04:59:59.999Z",
    ],
    // determined Thu 2 Jul 2026; Fri 3 Jul is Independence Day observed; Mon 6 … Thu 9 → end of 9 Jul EDT
    [
      "sec-8k-105",
      facts({ secMaterial: true, secDeterminedAt: new Date("2026-07-02T14:00:00Z") }),
      client({ secRegistrant: true }),
      "2026-07-10T03:59:59.999Z",
    ],
    // determined Fri 13 Mar 2026 (after US DST began 8 Mar): Mon 16 … Thu 19 → end of 19 Mar EDT
    [
      "sec-8k-105",
      facts({ secMaterial: true, secDeterminedAt: new Date("2026-03-13T15:00:00Z") }),
      client({ secRegistrant: true }),
      "2026-03-20T03:59:59.999Z",
    ],
    // US states
    ["us-ca", US(["US-CA"]), client(), "2026-04-28T06:59:59.999Z"],
    ["us-ca-ag", US(["US-CA"], { dataSubjectsCount: 600 }), client(), "2026-05-13T06:59:59.999Z"],
    // discovery Sat 7 Mar 07:00 EST; +30 days crosses US DST → end of 6 Apr EDT
    [
      "us-ny",
      US(["US-NY"], { detectedAt: new Date("2026-03-07T12:00:00Z"), awareAt: new Date("2026-03-07T14:00:00Z") }),
      client(),
      "2026-04-07T03:59:59.999Z",
    ],
    [
      "us-co",
      US(["US-CO"], { riskAssessedAt: new Date("2026-04-01T15:00:00Z") }),
      client(),
      "2026-05-02T05:59:59.999Z",
    ],
    [
      "us-fl",
      US(["US-FL"], { riskAssessedAt: new Date("2026-04-01T15:00:00Z") }),
      client(),
      "2026-05-02T03:59:59.999Z",
    ],
    [
      "us-fl-vendor",
      US(["US-FL"], { riskAssessedAt: new Date("2026-04-01T15:00:00Z") }),
      client(),
      "2026-04-12T03:59:59.999Z",
    ],
    [
      "us-tx",
      US(["US-TX"], { riskAssessedAt: new Date("2026-04-01T15:00:00Z") }),
      client(),
      "2026-06-01T04:59:59.999Z",
    ],
    [
      "us-tx-ag",
      US(["US-TX"], { dataSubjectsCount: 250, riskAssessedAt: new Date("2026-04-01T15:00:00Z") }),
      client(),
      "2026-05-02T04:59:59.999Z",
    ],
    ["us-wa", US(["US-WA"]), client(), "2026-04-28T06:59:59.999Z"],
    // elsewhere
    [
      "ca-pipeda",
      facts({ jurisdictions: ["CA"], risk: "HIGH_RISK", riskAssessedAt: new Date("2026-04-01T15:00:00Z") }),
      client(),
      "2026-04-04T15:00:00.000Z",
    ],
    // aware 12:30 AEDT; +30 days, Sydney leaves summer time on 5 April → end of 28 April AEST (UTC+10)
    ["au-ndb", facts({ jurisdictions: ["AU"] }), client(), "2026-04-28T13:59:59.999Z"],
    [
      "sg-pdpa",
      facts({ jurisdictions: ["SG"], dataSubjectsCount: 600, riskAssessedAt: new Date("2026-03-30T02:00:00Z") }),
      client(),
      "2026-04-02T15:59:59.999Z",
    ],
    ["sg-pdpa-intermediary", facts({ jurisdictions: ["SG"] }), client(), "2026-03-30T01:30:00.000Z"],
    // DPDP Rule 7 in force from 13 May 2027 (IST): aware at 00:00 IST that day = 12 May 18:30 UTC; +72 h
    [
      "in-dpdp",
      facts({ jurisdictions: ["IN"], awareAt: new Date("2027-05-12T18:30:00Z") }),
      client(),
      "2027-05-15T18:30:00.000Z",
    ],
  ] as const)("%s → %s", (id, f, c, expected) => {
    const o = find(id, f, c);
    expect(o.applicability).not.toBe("NOT_APPLICABLE");
    expect(o.dueAt?.toISOString()).toBe(expected);
  });

  it("a chain counts from the actual filing when there is one (NIS2 final: 1 month after the 72 h notification)", () => {
    expect(
      due("nis2-23-final", facts({ nis2Significant: true }), client({ nis2Entity: true }), {
        "nis2-23-notification": new Date("2026-03-31T10:00:00Z"),
      }),
    ).toBe("2026-04-30T10:00:00.000Z");
  });

  it("DORA chain: intermediate 72 h after the initial filing, final 1 month after the intermediate", () => {
    const f = facts({ doraMajor: true, doraClassifiedAt: new Date("2026-03-29T10:00:00Z") });
    const c = client({ doraFinancialEntity: true });
    expect(due("dora-19-intermediate", f, c, { "dora-19-initial": new Date("2026-03-29T12:00:00Z") })).toBe(
      "2026-04-01T12:00:00.000Z",
    );
    // 31 Jan 10:00 CET + 1 month = 28 Feb 10:00 CET
    expect(due("dora-19-final", f, c, { "dora-19-intermediate": new Date("2026-01-31T09:00:00Z") })).toBe(
      "2026-02-28T09:00:00.000Z",
    );
    // a leap year: 31 Jan 2028 + 1 month = 29 Feb 2028
    expect(due("dora-19-final", f, c, { "dora-19-intermediate": new Date("2028-01-31T09:00:00Z") })).toBe(
      "2028-02-29T09:00:00.000Z",
    );
    // nothing filed yet: projected from the initial's due time (14:00Z) + 72 h
    expect(due("dora-19-intermediate", f, c)).toBe("2026-04-01T14:00:00.000Z");
    expect(find("dora-19-intermediate", f, c).basis).toContain("projected");
  });

  it("the basis says what the clock counts from", () => {
    expect(find("gdpr-33", facts(), client()).basis).toBe("72 h from awareness 2026-03-29 01:30 UTC");
    expect(find("gdpr-33-2", facts(), client()).basis).toBe(
      "24 h from awareness 2026-03-29 01:30 UTC; no time fixed by law — working target from the contract",
    );
  });
});

describe("applicability, with reasons", () => {
  it.each([
    ["gdpr-33", facts({ risk: "UNLIKELY" }), client(), "NOT_APPLICABLE", "assessed as unlikely to result in a risk"],
    ["gdpr-33", facts({ risk: "UNASSESSED" }), client(), "TO_ASSESS", "the risk to individuals is not assessed yet"],
    [
      "gdpr-34",
      facts({ risk: "HIGH_RISK", dataEncrypted: true }),
      client(),
      "NOT_APPLICABLE",
      "the data was encrypted",
    ],
    ["gdpr-33-2", facts({ jurisdictions: ["US-CA"] }), client(), "NOT_APPLICABLE", "no data subjects in the EU"],
    [
      "gdpr-33-2",
      facts({ dataCategories: ["OPERATIONAL_ONLY"] }),
      client(),
      "NOT_APPLICABLE",
      "no personal data involved",
    ],
    ["gdpr-33-2", facts({ dataCategories: [] }), client(), "TO_ASSESS", "the data categories are not recorded yet"],
    [
      "hipaa-410",
      facts({ dataCategories: ["HEALTH"], dataEncrypted: true }),
      client({ hipaaCoveredEntity: true }),
      "NOT_APPLICABLE",
      "encrypted",
    ],
    [
      "hipaa-410",
      facts({ dataCategories: ["HEALTH"] }),
      client(),
      "NOT_APPLICABLE",
      "the client is not a HIPAA covered entity",
    ],
    [
      "hipaa-406",
      facts({ dataCategories: ["HEALTH"], jurisdictions: ["US-IL"], dataSubjectsCount: 400 }),
      client({ hipaaCoveredEntity: true }),
      "NOT_APPLICABLE",
      "no more than 500 residents",
    ],
    [
      "hipaa-406",
      facts({ dataCategories: ["HEALTH"], jurisdictions: ["US-IL", "US-WI"], dataSubjectsCount: 900 }),
      client({ hipaaCoveredEntity: true }),
      "TO_ASSESS",
      "number of residents per jurisdiction is not recorded",
    ],
    [
      "hipaa-406",
      facts({
        dataCategories: ["HEALTH"],
        jurisdictions: ["US-IL", "US-WI"],
        subjectsByJurisdiction: { "US-IL": 300, "US-WI": 520 },
      }),
      client({ hipaaCoveredEntity: true }),
      "APPLIES",
      "520 residents of Wisconsin (US)",
    ],
    [
      "hipaa-408",
      facts({ dataCategories: ["HEALTH"], jurisdictions: ["US-IL"], dataSubjectsCount: 499 }),
      client({ hipaaCoveredEntity: true }),
      "NOT_APPLICABLE",
      "499 individuals affected in total",
    ],
    [
      "us-tx-ag",
      facts({ jurisdictions: ["US-TX"], dataSubjectsCount: 249 }),
      client(),
      "NOT_APPLICABLE",
      "no more than 249",
    ],
    [
      "nis2-23-early",
      facts({ nis2Significant: false }),
      client({ nis2Entity: true }),
      "NOT_APPLICABLE",
      "determined not significant",
    ],
    [
      "nis2-23-early",
      facts(),
      client({ nis2Entity: true }),
      "TO_ASSESS",
      "not yet determined whether this is a significant incident",
    ],
    [
      "sec-8k-105",
      facts({ secMaterial: false }),
      client({ secRegistrant: true }),
      "NOT_APPLICABLE",
      "determined not material",
    ],
    [
      "sg-pdpa",
      facts({ jurisdictions: ["SG"], dataSubjectsCount: 20, risk: "RISK" }),
      client(),
      "NOT_APPLICABLE",
      "assessed as a risk to individuals",
    ],
    [
      "pci-visa",
      facts({ dataCategories: ["PAYMENT_CARD"] }),
      client(),
      "NOT_APPLICABLE",
      "no card data of the client is in scope",
    ],
  ] as const)("%s → %s", (id, f, c, applicability, reason) => {
    const o = find(id, f, c);
    expect(o.applicability).toBe(applicability);
    expect(o.explanation).toContain(reason);
  });

  it("a clock that has not started has no due time, and says what it awaits", () => {
    const o = find("sec-8k-105", facts({ secMaterial: true, secDeterminedAt: null }), client({ secRegistrant: true }));
    expect(o.dueAt).toBeNull();
    expect(o.basis).toBe("Clock not started: awaiting materiality determination");
  });

  it("marks figures the reference could not confirm", () => {
    expect(
      find("pci-visa", facts({ dataCategories: ["PAYMENT_CARD"] }), client({ handlesCardData: true })).unconfirmed,
    ).toMatch(/not confirmed/);
    expect(find("gdpr-33", facts(), client()).unconfirmed).toBeNull();
  });

  it("lists obligations soonest first, and every rule once", () => {
    const { obligations, notApplicable } = obligationsFor(facts({ jurisdictions: ["DE", "US-CA"] }), client(), RULES);
    expect(obligations.length + notApplicable.length).toBe(new Set(RULES.map((r) => r.id)).size);
    const dues = obligations.map((o) => o.dueAt?.getTime() ?? Infinity);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    // California's service provider notice counts the contract hours from discovery (detection,
    // 28 March 20:00 UTC), so it comes before the contract and GDPR clocks counted from awareness
    expect(
      obligations
        .map((o) => o.ruleId)
        .slice(0, 3)
        .sort(),
    ).toEqual(["contract", "gdpr-33-2", "us-ca-vendor"]);
    expect(obligations[0]?.ruleId).toBe("us-ca-vendor");
  });
});

describe("calendars", () => {
  it("knows the 2026 and 2027 US federal holidays as observed", () => {
    const h2026 = usFederalHolidays(2026);
    for (const d of [
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]) {
      expect(h2026.has(d)).toBe(true);
    }
    expect(h2026.has("2026-07-04")).toBe(false); // a Saturday: observed on Friday 3 July
    const h2027 = usFederalHolidays(2027);
    expect(h2027.has("2027-12-24")).toBe(true); // Christmas 2027 is a Saturday
    expect(h2027.has("2027-06-18")).toBe(true); // Juneteenth 2027 is a Saturday
    expect(usFederalHolidays(2021).has("2021-12-31")).toBe(true); // New Year 2022 is a Saturday
  });

  it("counts business days over a weekend and a holiday", () => {
    // Fri 22 May 2026 + 1 business day: Mon 25 is Memorial Day → Tue 26
    expect(endOfBusinessDays(new Date("2026-05-22T16:00:00Z"), 1, "America/New_York", "US_FEDERAL").toISOString()).toBe(
      "2026-05-27T03:59:59.999Z",
    );
    expect(endOfBusinessDays(new Date("2026-05-22T16:00:00Z"), 1, "America/New_York", "NONE").toISOString()).toBe(
      "2026-05-26T03:59:59.999Z",
    );
  });

  it("counts business hours from before opening and over a weekend", () => {
    // Saturday → starts Monday 09:00 Berlin (CEST, UTC+2); 10 h = Mon 8 h + Tue 2 h → Tue 11:00
    expect(addBusinessHours(new Date("2026-04-04T10:00:00Z"), 10, "Europe/Berlin").toISOString()).toBe(
      "2026-04-07T09:00:00.000Z",
    );
  });
});

import { parseThresholds, reminderKindsDue } from "@/domain/deadlines/reminders";

describe("reminder timing", () => {
  const startsAt = new Date("2026-03-29T00:00:00Z");
  const dueAt = new Date("2026-03-30T00:00:00Z"); // a 24 h window
  it.each([
    ["2026-03-29T11:00:00Z", []],
    ["2026-03-29T12:00:00Z", ["50%"]],
    ["2026-03-29T21:36:00Z", ["90%"]],
    ["2026-03-30T00:00:00Z", ["overdue"]],
    ["2026-04-02T00:00:00Z", ["overdue"]],
  ])("at %s → %j", (at, kinds) => {
    expect(reminderKindsDue({ startsAt, dueAt }, new Date(at))).toEqual(kinds);
  });
  it("has nothing to say without a due time", () => {
    expect(reminderKindsDue({ startsAt, dueAt: null }, new Date())).toEqual([]);
  });
  it("reads thresholds from configuration, refusing nonsense", () => {
    expect(parseThresholds("0.25, 0.75")).toEqual([0.25, 0.75]);
    expect(parseThresholds(undefined)).toEqual([0.5, 0.9]);
    expect(() => parseThresholds("50,90")).toThrow(/REMINDER_THRESHOLDS must be fractions/);
  });
});

describe("HIPAA counts individuals in total for HHS and per State for the media", () => {
  // Covered entity in Chicago; discovery = detection 2026-03-28 15:00 CDT; +60 days → end of 27 May CDT
  const hipaa = client({ timeZone: "America/Chicago", hipaaCoveredEntity: true });
  const SIXTY_DAYS = "2026-05-28T04:59:59.999Z";
  const health = (patch: Partial<IncidentFacts>) => facts({ dataCategories: ["HEALTH"], ...patch });
  const fourStates = { "US-CA": 400, "US-TX": 350, "US-FL": 300, "US-NY": 200 }; // 1,250, each under 500

  it("600 over two states: notice to the Secretary within 60 days of discovery; no media notice", () => {
    const f = health({
      jurisdictions: ["US-IL", "US-WI"],
      dataSubjectsCount: 600,
      subjectsByJurisdiction: { "US-IL": 350, "US-WI": 250 },
    });
    expect(find("hipaa-408", f, hipaa)).toMatchObject({ applicability: "APPLIES", party: "CLIENT" });
    expect(due("hipaa-408", f, hipaa)).toBe(SIXTY_DAYS);
    expect(find("hipaa-408", f, hipaa).explanation).toContain("600 individuals affected in total");
    expect(find("hipaa-406", f, hipaa).applicability).toBe("NOT_APPLICABLE");
    expect(find("hipaa-408-log", f, hipaa).applicability).toBe("NOT_APPLICABLE");
  });

  it("1,250 over four states, each under 500: the Secretary is owed, the media is not", () => {
    const f = health({
      jurisdictions: Object.keys(fourStates),
      dataSubjectsCount: 1250,
      subjectsByJurisdiction: fourStates,
    });
    expect(find("hipaa-408", f, hipaa).applicability).toBe("APPLIES");
    expect(find("hipaa-408", f, hipaa).explanation).toContain("1,250 individuals affected in total");
    expect(due("hipaa-408", f, hipaa)).toBe(SIXTY_DAYS);
    expect(find("hipaa-406", f, hipaa)).toMatchObject({ applicability: "NOT_APPLICABLE" });
    expect(find("hipaa-406", f, hipaa).explanation).toContain("no more than 500 residents in one US state");
    expect(find("hipaa-408-log", f, hipaa).applicability).toBe("NOT_APPLICABLE");
  });

  it.each([
    // the per-state counts alone add up to the total
    [
      "per-state counts, no total",
      "APPLIES",
      "NOT_APPLICABLE",
      { dataSubjectsCount: null, subjectsByJurisdiction: fourStates },
    ],
    // two of four counted (400 + 350): at least 750, so the Secretary is owed whatever the rest
    [
      "two states counted, 750",
      "APPLIES",
      "TO_ASSESS",
      { dataSubjectsCount: null, subjectsByJurisdiction: { "US-CA": 400, "US-TX": 350 } },
    ],
    // two counted (300 + 100): under 500 so far, the rest unknown
    [
      "two states counted, 400",
      "TO_ASSESS",
      "TO_ASSESS",
      { dataSubjectsCount: null, subjectsByJurisdiction: { "US-CA": 300, "US-TX": 100 } },
    ],
    // a total and no split: the Secretary is owed; a state could hold more than 500
    ["total only", "APPLIES", "TO_ASSESS", { dataSubjectsCount: 1250 }],
    // 1,250 with three counted (1,050): New York holds the other 200
    [
      "three counted of 1,250",
      "APPLIES",
      "NOT_APPLICABLE",
      { dataSubjectsCount: 1250, subjectsByJurisdiction: { "US-CA": 400, "US-TX": 350, "US-FL": 300 } },
    ],
    // 1,600 with three counted (1,050): New York holds 550, more than 500
    [
      "three counted of 1,600",
      "APPLIES",
      "APPLIES",
      { dataSubjectsCount: 1600, subjectsByJurisdiction: { "US-CA": 400, "US-TX": 350, "US-FL": 300 } },
    ],
    // 800 over four, two counted (400): the other two share at most 400
    [
      "two counted of 800",
      "APPLIES",
      "NOT_APPLICABLE",
      { dataSubjectsCount: 800, subjectsByJurisdiction: { "US-CA": 300, "US-TX": 100 } },
    ],
  ] as const)("%s → Secretary %s, media %s", (_label, secretary, media, patch) => {
    const f = health({ jurisdictions: Object.keys(fourStates), ...patch });
    expect(find("hipaa-408", f, hipaa).applicability).toBe(secretary);
    expect(find("hipaa-406", f, hipaa).applicability).toBe(media);
  });

  it("media: more than 500 residents of one State — 501 is, 500 is not", () => {
    expect(find("hipaa-406", health({ jurisdictions: ["US-IL"], dataSubjectsCount: 501 }), hipaa)).toMatchObject({
      applicability: "APPLIES",
      dueAt: new Date(SIXTY_DAYS),
    });
    expect(
      find("hipaa-406", health({ jurisdictions: ["US-IL"], dataSubjectsCount: 501 }), hipaa).explanation,
    ).toContain("501 residents of Illinois");
    expect(find("hipaa-406", health({ jurisdictions: ["US-IL"], dataSubjectsCount: 500 }), hipaa).applicability).toBe(
      "NOT_APPLICABLE",
    );
    const split = health({
      jurisdictions: ["US-IL", "US-WI"],
      dataSubjectsCount: 511,
      subjectsByJurisdiction: { "US-IL": 501, "US-WI": 10 },
    });
    expect(find("hipaa-406", split, hipaa).applicability).toBe("APPLIES");
    expect(
      find("hipaa-406", health({ ...split, subjectsByJurisdiction: { "US-IL": 500, "US-WI": 11 } }), hipaa)
        .applicability,
    ).toBe("NOT_APPLICABLE");
  });

  // 164.408(c): "not later than 60 days after the end of each calendar year". Read: the calendar
  // year ends at the end of 31 December in the covered entity's zone; day 1 after it is 1 January,
  // day 60 is 1 March (29 February when that year is a leap year); the log is due by the end of
  // that day, like every "n calendar days" clock here.
  it.each([
    // discovered Tue 10 Mar 2026 10:00 CDT → due end of Mon 1 Mar 2027 CST (UTC-6; DST begins 14 Mar 2027)
    ["2026-03-10T15:00:00Z", "2027-03-02T05:59:59.999Z"],
    // discovered 1 Jun 2027 → 2028 is a leap year: day 60 is 29 Feb 2028, CST
    ["2027-06-01T15:00:00Z", "2028-03-01T05:59:59.999Z"],
    // 31 Dec 2026 23:30 CST is already 2027 in UTC; the year of discovery is the client's: 2026
    ["2027-01-01T05:30:00Z", "2027-03-02T05:59:59.999Z"],
  ])("fewer than 500: an annual log entry, discovered %s → due %s", (discovered, expected) => {
    const at = new Date(discovered);
    const f = health({ jurisdictions: ["US-IL"], dataSubjectsCount: 499, detectedAt: at, awareAt: at });
    const log = find("hipaa-408-log", f, hipaa);
    expect(log).toMatchObject({ applicability: "APPLIES", party: "CLIENT", citation: "45 CFR 164.408(c)" });
    expect(log.dueAt?.toISOString()).toBe(expected);
    expect(find("hipaa-408", f, hipaa).applicability).toBe("NOT_APPLICABLE");
  });

  it("the annual log says which year it counts from; unknown totals are to assess, not dropped", () => {
    const at = new Date("2026-03-10T15:00:00Z");
    const f = health({ jurisdictions: ["US-IL"], dataSubjectsCount: 12, detectedAt: at, awareAt: at });
    expect(find("hipaa-408-log", f, hipaa).basis).toBe(
      "60 calendar days after the end of 2026, the calendar year of discovery 2026-03-10 10:00 CDT",
    );
    const unknown = health({ jurisdictions: ["US-IL", "US-WI"], dataSubjectsCount: null });
    expect(find("hipaa-408", unknown, hipaa).applicability).toBe("TO_ASSESS");
    expect(find("hipaa-408-log", unknown, hipaa).applicability).toBe("TO_ASSESS");
    expect(find("hipaa-408-log", unknown, hipaa).explanation).toContain(
      "the number of individuals affected is not recorded yet",
    );
  });

  it("keeps the party: the business associate owes the covered entity; the rest are the covered entity's", () => {
    const f = health({ jurisdictions: ["US-IL"], dataSubjectsCount: 600 });
    expect(find("hipaa-410", f, hipaa).party).toBe("BPO");
    for (const id of ["hipaa-404", "hipaa-406", "hipaa-408", "hipaa-408-log"])
      expect(find(id, f, hipaa).party).toBe("CLIENT");
    expect(find("hipaa-410", f, hipaa).basis).toContain("without unreasonable delay: this is the latest");
  });

  it("Singapore's significant scale counts individuals in total", () => {
    const f = facts({
      jurisdictions: ["SG", "MY"],
      dataSubjectsCount: 520,
      subjectsByJurisdiction: { SG: 300, MY: 220 },
      risk: "RISK",
    });
    expect(find("sg-pdpa", f, client()).applicability).toBe("APPLIES");
  });
});

describe("dates in force", () => {
  it.each([
    // before 13 May 2027 00:00 IST (= 12 May 18:30 UTC) Rule 7 is not law
    ["2026-03-29T01:30:00Z", "NOT_APPLICABLE"],
    ["2027-05-12T18:29:00Z", "NOT_APPLICABLE"],
    ["2027-05-12T18:30:00Z", "APPLIES"],
  ])("DPDP Rule 7, aware %s → %s", (aware, applicability) => {
    const o = find("in-dpdp", facts({ jurisdictions: ["IN"], awareAt: new Date(aware) }), client());
    expect(o.applicability).toBe(applicability);
    if (applicability === "NOT_APPLICABLE") {
      expect(o.dueAt).toBeNull();
      expect(o.explanation).toContain("in force from 2027-05-13");
    }
  });

  it("an amended rule applies as it stood at awareness (Texas AG: 60 days, then 30 from 1 September 2023)", () => {
    const f = (aware: string) =>
      facts({
        jurisdictions: ["US-TX"],
        dataSubjectsCount: 250,
        awareAt: new Date(aware),
        detectedAt: new Date(aware),
        riskAssessedAt: new Date("2023-09-10T15:00:00Z"),
      });
    // determined 10 Sep 2023 10:00 CDT; +30 days → end of 10 Oct CDT
    expect(due("us-tx-ag", f("2023-09-05T15:00:00Z"), client())).toBe("2023-10-11T04:59:59.999Z");
    // +60 days → 9 Nov, after DST ended on 5 Nov: end of 9 Nov CST
    expect(due("us-tx-ag", f("2023-08-20T15:00:00Z"), client())).toBe("2023-11-10T05:59:59.999Z");
  });

  it("California before its 2026 amendment had no fixed period: the figure is a default, and says so", () => {
    const before = find(
      "us-ca",
      facts({ jurisdictions: ["US-CA"], awareAt: new Date("2025-12-31T20:00:00Z") }),
      client(),
    );
    expect(before.applicability).toBe("APPLIES");
    expect(before.basis).toContain("without undue delay: this figure is the default");
    expect(find("us-ca", facts({ jurisdictions: ["US-CA"] }), client()).basis).not.toContain("default");
  });

  it("finds the version of a rule in force at an instant", () => {
    expect(ruleById("us-tx-ag", new Date("2023-08-31T12:00:00Z"))?.clock.amount).toBe(60);
    expect(ruleById("us-tx-ag", new Date("2023-09-01T12:00:00Z"))?.clock.amount).toBe(30);
    expect(ruleById("us-tx-ag")?.clock.amount).toBe(30);
    expect(ruleById("in-dpdp", new Date("2026-12-01T00:00:00Z"))).toBeUndefined();
  });
});

describe("rule data is refused when its dates are wrong", () => {
  const base = RULES.find((r) => r.id === "gdpr-33")!;
  const version = (id: string, from: string, until?: string): Rule => ({
    ...base,
    id,
    inForce: { from, ...(until ? { until } : {}), zone: "UTC" },
  });

  it("accepts the rules Warden ships", () => {
    expect(ruleDataProblems(RULES)).toEqual([]);
  });

  it.each([
    [
      "an inverted period",
      [version("x", "2026-05-01", "2026-04-01")],
      "x: in force until 2026-04-01, before it is in force from 2026-05-01",
    ],
    [
      "overlapping versions",
      [version("x", "2020-01-01", "2023-12-31"), version("x", "2023-06-01")],
      "x: versions overlap (2020-01-01–2023-12-31 and 2023-06-01–open)",
    ],
    [
      "a version that never ends, then another",
      [version("x", "2020-01-01"), version("x", "2023-06-01")],
      "x: versions overlap (2020-01-01–open and 2023-06-01–open)",
    ],
    ["a shared day", [version("x", "2020-01-01", "2023-06-01"), version("x", "2023-06-01")], "x: versions overlap"],
    ["a date that is not a day", [version("x", "2026-13-01")], 'x: in force from "2026-13-01" is not a day'],
    [
      "an unknown zone",
      [{ ...version("x", "2026-01-01"), inForce: { from: "2026-01-01", zone: "Mars/Olympus" } }],
      "x: unknown time zone",
    ],
  ] as const)("refuses %s", (_label, rules, problem) => {
    expect(ruleDataProblems(rules).join("\n")).toContain(problem);
    expect(() => defineRules(rules)).toThrow(/Deadline rules refused/);
  });

  it("accepts versions that follow each other day to day", () => {
    expect(ruleDataProblems([version("x", "2020-01-01", "2023-08-31"), version("x", "2023-09-01")])).toEqual([]);
  });
});

describe("an administrator's figure for an unconfirmed rule", () => {
  it("changes the current version only; an earlier version keeps the law as it stood", () => {
    const rules = withOverrides(RULES, [
      { ruleId: "us-tx-ag", amount: 20, unit: "CALENDAR_DAYS", note: "counsel, 2026" },
    ]);
    const versions = rules.filter((r) => r.id === "us-tx-ag").map((r) => [r.inForce.from, r.clock.amount]);
    expect(versions.sort()).toEqual([
      ["2020-01-01", 60],
      ["2023-09-01", 20],
    ]);
  });
});
