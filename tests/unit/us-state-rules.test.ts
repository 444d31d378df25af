import { describe, expect, it } from "vitest";
import { obligationsFor } from "@/domain/deadlines/obligations";
import { RULES } from "@/domain/deadlines/rules";
import { US_STATE_RULES } from "@/domain/deadlines/rules/us-states";
import type { ClientTerms, IncidentFacts } from "@/domain/deadlines/types";

// US state and territory breach rules. Every expected instant below was worked out by hand from
// the statute's clock (days counted in the state's zone, due at the end of the last day), the
// offsets of the zone on that day and the US daylight-saving dates (2026: from 8 March to
// 1 November; 2022: to 6 November; 2021: to 7 November; 2020: from 8 March; 2017: from 12 March),
// never by running the engine.

type Case = {
  discovered: string;
  determined?: string;
  aware?: string;
  /** Residents of the one jurisdiction (the total); 20,000 unless said. */
  n?: number | null;
  encrypted?: boolean;
};

function incident(codes: string[], c: Case, patch: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    occurredAt: null,
    detectedAt: new Date(c.discovered),
    awareAt: new Date(c.aware ?? c.discovered),
    dataCategories: ["PERSONAL"],
    jurisdictions: codes,
    dataSubjectsCount: c.n === undefined ? 20000 : c.n,
    dataEncrypted: c.encrypted ?? false,
    risk: "RISK",
    riskAssessedAt: c.determined ? new Date(c.determined) : null,
    nis2Significant: null,
    doraMajor: null,
    doraClassifiedAt: null,
    secMaterial: null,
    secDeterminedAt: null,
    ...patch,
  };
}

const client = (patch: Partial<ClientTerms> = {}): ClientTerms => ({
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

function find(id: string, f: IncidentFacts, c: ClientTerms = client(), filings: Record<string, Date> = {}) {
  const { obligations, notApplicable } = obligationsFor(f, c, RULES, filings);
  const o = [...obligations, ...notApplicable].find((x) => x.ruleId === id);
  if (!o) throw new Error(`rule ${id} missing`);
  return o;
}

const stateOf = (id: string) => `US-${id.split("-")[1]?.toUpperCase() ?? ""}`;

describe("due times of the state notices, hand-computed", () => {
  it.each([
    // Alabama: 45 days from determination, 1 Apr 10:00 CDT → end of 16 May CDT (UTC-5)
    ["us-al", { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" }, "2026-05-17T04:59:59.999Z"],
    [
      "us-al-ag",
      { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" },
      "2026-05-17T04:59:59.999Z",
    ],
    // Arizona keeps MST all year: determined 7 Mar 13:00 MST + 45 days → end of 21 Apr MST (UTC-7)
    ["us-az", { discovered: "2026-03-06T20:00:00Z", determined: "2026-03-07T20:00:00Z" }, "2026-04-22T06:59:59.999Z"],
    [
      "us-az-ag",
      { discovered: "2026-03-06T20:00:00Z", determined: "2026-03-07T20:00:00Z" },
      "2026-04-22T06:59:59.999Z",
    ],
    [
      "us-az-cra",
      { discovered: "2026-03-06T20:00:00Z", determined: "2026-03-07T20:00:00Z" },
      "2026-04-22T06:59:59.999Z",
    ],
    // Connecticut, 60 days from discovery 7 Mar 10:00 EST, across the DST start → end of 6 May EDT
    ["us-ct", { discovered: "2026-03-07T15:00:00Z" }, "2026-05-07T03:59:59.999Z"],
    ["us-ct-ag", { discovered: "2026-03-07T15:00:00Z" }, "2026-05-07T03:59:59.999Z"],
    // Connecticut's 90-day version: discovered 15 Sep 2021 10:00 EDT → end of 14 Dec 2021 EST
    ["us-ct", { discovered: "2021-09-15T14:00:00Z" }, "2021-12-15T04:59:59.999Z"],
    // first instant of the 60-day version (1 Oct 2021 00:00 EDT) → end of 30 Nov 2021 EST
    ["us-ct", { discovered: "2021-10-01T04:00:00Z" }, "2021-12-01T04:59:59.999Z"],
    // last second of the 90-day version (30 Sep 2021 23:59:59 EDT) → end of 29 Dec 2021 EST
    ["us-ct", { discovered: "2021-10-01T03:59:59Z" }, "2021-12-30T04:59:59.999Z"],
    // Delaware, 60 days from determination 20 Oct 10:00 EDT, across the DST end → end of 19 Dec EST
    ["us-de", { discovered: "2026-10-19T14:00:00Z", determined: "2026-10-20T14:00:00Z" }, "2026-12-20T04:59:59.999Z"],
    [
      "us-de-ag",
      { discovered: "2026-10-19T14:00:00Z", determined: "2026-10-20T14:00:00Z" },
      "2026-12-20T04:59:59.999Z",
    ],
    // Colorado and Florida regulators: 30 days from determination 1 Apr → end of 1 May, MDT and EDT
    [
      "us-co-ag",
      { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" },
      "2026-05-02T05:59:59.999Z",
    ],
    [
      "us-co-cra",
      { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" },
      "2026-05-02T05:59:59.999Z",
    ],
    [
      "us-fl-ag",
      { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" },
      "2026-05-02T03:59:59.999Z",
    ],
    [
      "us-fl-cra",
      { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" },
      "2026-05-02T03:59:59.999Z",
    ],
    // Indiana, year end: discovered 20 Dec 10:00 EST + 45 days → end of 3 Feb 2027 EST
    ["us-in", { discovered: "2026-12-20T15:00:00Z" }, "2027-02-04T04:59:59.999Z"],
    ["us-in-ag", { discovered: "2026-12-20T15:00:00Z" }, "2027-02-04T04:59:59.999Z"],
    ["us-in-cra", { discovered: "2026-12-20T15:00:00Z" }, "2027-02-04T04:59:59.999Z"],
    // Indiana before 1 July 2022 fixed no time: the rule's 30-day working target, 30 Jun + 30 → end of 30 Jul EDT
    ["us-in", { discovered: "2022-06-30T15:00:00Z" }, "2022-07-31T03:59:59.999Z"],
    // Louisiana: discovered 1 Nov 01:30 CDT, the hour before clocks go back; + 60 days → end of 31 Dec CST
    ["us-la", { discovered: "2026-11-01T06:30:00Z" }, "2027-01-01T05:59:59.999Z"],
    // Maine: 30 days from identifying the scope, 27 Feb 12:00 EST → end of 29 Mar EDT
    ["us-me", { discovered: "2026-02-20T17:00:00Z", determined: "2026-02-27T17:00:00Z" }, "2026-03-30T03:59:59.999Z"],
    // Maine before 19 Sep 2019: working target, 18 Sep 2019 11:00 EDT + 30 → end of 18 Oct EDT
    ["us-me", { discovered: "2019-09-18T15:00:00Z" }, "2019-10-19T03:59:59.999Z"],
    // Maryland since 1 Oct 2022: 45 days from discovery, 1 Mar 10:00 EST → end of 15 Apr EDT
    ["us-md", { discovered: "2026-03-01T15:00:00Z" }, "2026-04-16T03:59:59.999Z"],
    ["us-md-ag", { discovered: "2026-03-01T15:00:00Z" }, "2026-04-16T03:59:59.999Z"],
    // Maryland before: 45 days from the end of the investigation, 25 Sep 2022 10:00 EDT → end of 9 Nov EST
    ["us-md", { discovered: "2022-09-20T14:00:00Z", determined: "2022-09-25T14:00:00Z" }, "2022-11-10T04:59:59.999Z"],
    // New Mexico: 45 days from discovery, 20 Mar 12:00 MDT → end of 4 May MDT (UTC-6)
    ["us-nm", { discovered: "2026-03-20T18:00:00Z" }, "2026-05-05T05:59:59.999Z"],
    ["us-nm-ag", { discovered: "2026-03-20T18:00:00Z" }, "2026-05-05T05:59:59.999Z"],
    ["us-nm-cra", { discovered: "2026-03-20T18:00:00Z" }, "2026-05-05T05:59:59.999Z"],
    // Ohio: 45 days from discovery 15 Oct 12:00 EDT → end of 29 Nov EST
    ["us-oh", { discovered: "2026-10-15T16:00:00Z" }, "2026-11-30T04:59:59.999Z"],
    // Oregon: discovered 30 Dec 23:30 PST (31 Dec in UTC) + 45 days → end of 13 Feb 2027 PST
    ["us-or", { discovered: "2026-12-31T07:30:00Z" }, "2027-02-14T07:59:59.999Z"],
    ["us-or-ag", { discovered: "2026-12-31T07:30:00Z" }, "2027-02-14T07:59:59.999Z"],
    // Oregon, last day without a limit: 31 Dec 2018 12:00 PST + 30-day target → end of 30 Jan 2019 PST
    ["us-or", { discovered: "2018-12-31T20:00:00Z" }, "2019-01-31T07:59:59.999Z"],
    // Oregon, first instant of the 45 days (1 Jan 2019 00:00 PST) → end of 15 Feb 2019 PST
    ["us-or", { discovered: "2019-01-01T08:00:00Z" }, "2019-02-16T07:59:59.999Z"],
    // Rhode Island: 45 days from confirmation 20 Nov 10:00 EST → end of 4 Jan 2027 EST
    ["us-ri", { discovered: "2026-11-18T15:00:00Z", determined: "2026-11-20T15:00:00Z" }, "2027-01-05T04:59:59.999Z"],
    // South Dakota: 60 days from discovery 15 Jan 12:00 CST → end of 16 Mar CDT
    ["us-sd", { discovered: "2026-01-15T18:00:00Z" }, "2026-03-17T04:59:59.999Z"],
    ["us-sd-cra", { discovered: "2026-01-15T18:00:00Z", n: 1 }, "2026-03-17T04:59:59.999Z"],
    // Tennessee: 45 days from discovery 10 Jun 10:00 CDT → end of 25 Jul CDT
    ["us-tn", { discovered: "2026-06-10T15:00:00Z" }, "2026-07-26T04:59:59.999Z"],
    // Tennessee in March 2017, encrypted data not yet spared: 1 Mar 10:00 CST + 45 → end of 15 Apr CDT
    ["us-tn", { discovered: "2017-03-01T16:00:00Z", encrypted: true }, "2017-04-16T04:59:59.999Z"],
    // Texas agencies: the residents' 60 days from determination 1 Apr → end of 31 May CDT
    [
      "us-tx-cra",
      { discovered: "2026-03-30T15:00:00Z", determined: "2026-04-01T15:00:00Z" },
      "2026-06-01T04:59:59.999Z",
    ],
    // Vermont: 45 days from discovery 10 Nov 10:00 EST → end of 25 Dec EST
    ["us-vt", { discovered: "2026-11-10T15:00:00Z" }, "2026-12-26T04:59:59.999Z"],
    // Vermont AG: 14 business days from Tue 10 Nov, weekends skipped, Thanksgiving (26 Nov) counted → end of Mon 30 Nov EST
    ["us-vt-ag", { discovered: "2026-11-10T15:00:00Z" }, "2026-12-01T04:59:59.999Z"],
    // Wisconsin: 45 days from discovery 7 Mar 12:00 CST → end of 21 Apr CDT
    ["us-wi", { discovered: "2026-03-07T18:00:00Z" }, "2026-04-22T04:59:59.999Z"],
    // Washington before March 2020: 45 days, 20 Feb 2020 12:00 PST, leap day counted → end of 5 Apr PDT
    ["us-wa", { discovered: "2020-02-20T20:00:00Z" }, "2020-04-06T06:59:59.999Z"],
    ["us-wa-ag", { discovered: "2020-02-20T20:00:00Z" }, "2020-04-06T06:59:59.999Z"],
    // Washington AG now: 30 days from discovery 7 Mar 12:00 PST → end of 6 Apr PDT
    ["us-wa-ag", { discovered: "2026-03-07T20:00:00Z" }, "2026-04-07T06:59:59.999Z"],
    // New York: 30 days from discovery 7 Mar 07:00 EST → end of 6 Apr EDT, for the AG and the agencies too
    ["us-ny-ag", { discovered: "2026-03-07T12:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    ["us-ny-cra", { discovered: "2026-03-07T12:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    // Minnesota agencies: 48 hours from discovery
    ["us-mn-cra", { discovered: "2026-03-07T18:00:00Z" }, "2026-03-09T18:00:00.000Z"],
    // Puerto Rico's DACO: 10 days from detection, AST (UTC-4) all year: 7 Mar 11:00 → end of 17 Mar AST
    ["us-pr-ag", { discovered: "2026-03-07T15:00:00Z" }, "2026-03-18T03:59:59.999Z"],
    // … detected 27 Dec 22:00 AST (28 Dec in UTC) → end of 6 Jan 2027 AST
    ["us-pr-ag", { discovered: "2026-12-28T02:00:00Z" }, "2027-01-07T03:59:59.999Z"],
    // working targets (30 days, the law fixing none) in zones without US daylight saving or far from it
    // Guam (UTC+10): 7 Mar 15:00 UTC is 8 Mar 01:00 ChST → end of 7 Apr ChST
    ["us-gu", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T13:59:59.999Z"],
    // US Virgin Islands (UTC-4): 7 Mar 11:00 AST → end of 6 Apr AST
    ["us-vi", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    // Hawaii (UTC-10): 7 Mar 05:00 HST → end of 6 Apr HST
    ["us-hi", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T09:59:59.999Z"],
    // Alaska: 7 Mar 11:00 AKST (UTC-9) → end of 6 Apr AKDT (UTC-8)
    ["us-ak", { discovered: "2026-03-07T20:00:00Z" }, "2026-04-07T07:59:59.999Z"],
    // District of Columbia: 7 Mar 10:00 EST → end of 6 Apr EDT (the AG with it)
    ["us-dc", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    ["us-dc-ag", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    // Illinois: 7 Mar 12:00 CST → end of 6 Apr CDT
    ["us-il", { discovered: "2026-03-07T18:00:00Z" }, "2026-04-07T04:59:59.999Z"],
    ["us-il-ag", { discovered: "2026-03-07T18:00:00Z" }, "2026-04-07T04:59:59.999Z"],
    // Pennsylvania: 7 Mar 10:00 EST → end of 6 Apr EDT
    ["us-pa", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    ["us-pa-ag", { discovered: "2026-03-07T15:00:00Z" }, "2026-04-07T03:59:59.999Z"],
    // Idaho (Boise, mountain time): 31 Oct 12:00 MDT + 30 → end of 30 Nov MST (UTC-7)
    ["us-id", { discovered: "2026-10-31T18:00:00Z" }, "2026-12-01T06:59:59.999Z"],
    // Michigan (Detroit): discovered 2 Dec 23:30 EST (3 Dec in UTC) → end of 1 Jan 2027 EST
    ["us-mi", { discovered: "2026-12-03T04:30:00Z" }, "2027-01-02T04:59:59.999Z"],
  ] as const)("%s, %j → %s", (id, c, expected) => {
    const o = find(id, incident([stateOf(id)], c));
    expect(o.applicability).toBe("APPLIES");
    expect(o.dueAt?.toISOString()).toBe(expected);
  });

  it("says when the figure is a working target and not the law, and takes the organization's figure", () => {
    const f = incident(["US-AK"], { discovered: "2026-03-07T20:00:00Z" });
    expect(find("us-ak", f).basis).toContain("working target from the rule default");
    // an organization setting of 72 hours replaces the rule's 30 days: 7 Mar 20:00 UTC + 72 h
    const o = find("us-ak", f, client({ workingTargetHours: 72 }));
    expect(o.dueAt?.toISOString()).toBe("2026-03-10T20:00:00.000Z");
    expect(o.basis).toContain("working target from the organization setting");
    // a statute with an outer limit is no working target: Connecticut's 60 days stay
    expect(find("us-ct", incident(["US-CT"], { discovered: "2026-03-07T15:00:00Z" })).basis).toContain(
      "this is the latest",
    );
  });
});

describe("regulator and agency notices counted from the residents' notice", () => {
  it("Iowa: 5 business days after the notice to consumers, Christmas counted → end of Thu 31 Dec CST", () => {
    const f = incident(["US-IA"], { discovered: "2026-12-01T16:00:00Z", n: 501 });
    const filed = { "us-ia": new Date("2026-12-24T16:00:00Z") }; // Thu 24 Dec 10:00 CST
    expect(find("us-ia-ag", f, client(), filed).dueAt?.toISOString()).toBe("2027-01-01T05:59:59.999Z");
  });

  it("Louisiana: 10 days after the notice to residents, filed or projected", () => {
    const f = incident(["US-LA"], { discovered: "2026-11-01T06:30:00Z" });
    // filed 20 Nov 10:00 CST → end of 30 Nov CST
    expect(find("us-la-ag", f, client(), { "us-la": new Date("2026-11-20T16:00:00Z") }).dueAt?.toISOString()).toBe(
      "2026-12-01T05:59:59.999Z",
    );
    // not filed: from the residents' due time, the end of 31 Dec CST → end of 10 Jan 2027 CST
    const projected = find("us-la-ag", f);
    expect(projected.dueAt?.toISOString()).toBe("2027-01-11T05:59:59.999Z");
    expect(projected.basis).toContain("projected");
  });

  it("Oklahoma from 2026: 60 days after the notice to residents (filed 20 Mar 10:00 CDT → end of 19 May CDT)", () => {
    const f = incident(["US-OK"], { discovered: "2026-03-01T16:00:00Z", n: 500 });
    const o = find("us-ok-ag", f, client(), { "us-ok": new Date("2026-03-20T15:00:00Z") });
    expect(o.applicability).toBe("APPLIES");
    expect(o.dueAt?.toISOString()).toBe("2026-05-20T04:59:59.999Z");
  });
});

describe("thresholds at the boundary", () => {
  // [rule, residents, owed?] — "more than N" statutes owe at N + 1, "N or more" ones at N
  it.each([
    ["us-al-ag", 1000, false],
    ["us-al-ag", 1001, true],
    ["us-al-cra", 1000, false],
    ["us-al-cra", 1001, true],
    ["us-az-ag", 1000, false],
    ["us-az-ag", 1001, true],
    ["us-ar-ag", 1000, false],
    ["us-ar-ag", 1001, true],
    ["us-ca-ag", 500, false],
    ["us-ca-ag", 501, true],
    ["us-co-ag", 499, false],
    ["us-co-ag", 500, true],
    ["us-co-ag", 501, true],
    ["us-co-cra", 1000, false],
    ["us-co-cra", 1001, true],
    ["us-dc-ag", 49, false],
    ["us-dc-ag", 50, true],
    ["us-dc-ag", 51, true],
    ["us-de-ag", 500, false],
    ["us-de-ag", 501, true],
    ["us-fl-ag", 499, false],
    ["us-fl-ag", 500, true],
    ["us-fl-ag", 501, true],
    ["us-fl-cra", 1000, false],
    ["us-fl-cra", 1001, true],
    ["us-ga-cra", 10000, false],
    ["us-ga-cra", 10001, true],
    ["us-hi-ag", 1000, false],
    ["us-hi-ag", 1001, true],
    ["us-ia-ag", 500, false],
    ["us-ia-ag", 501, true],
    ["us-il-ag", 500, false],
    ["us-il-ag", 501, true],
    ["us-md-cra", 999, false],
    ["us-md-cra", 1000, true],
    ["us-mn-cra", 500, false],
    ["us-mn-cra", 501, true],
    ["us-mo-ag", 1000, false],
    ["us-mo-ag", 1001, true],
    ["us-nd-ag", 249, false],
    ["us-nd-ag", 250, false],
    ["us-nd-ag", 251, true],
    ["us-nm-ag", 1000, false],
    ["us-nm-ag", 1001, true],
    ["us-ny-cra", 5000, false],
    ["us-ny-cra", 5001, true],
    ["us-ok-ag", 499, false],
    ["us-ok-ag", 500, true],
    ["us-or-ag", 250, false],
    ["us-or-ag", 251, true],
    ["us-pa-ag", 500, false],
    ["us-pa-ag", 501, true],
    ["us-pa-cra", 499, false],
    ["us-pa-cra", 500, true],
    ["us-ri-ag", 500, false],
    ["us-ri-ag", 501, true],
    ["us-sc-ag", 1000, false],
    ["us-sc-ag", 1001, true],
    ["us-sd-ag", 250, false],
    ["us-sd-ag", 251, true],
    ["us-tx-ag", 249, false],
    ["us-tx-ag", 250, true],
    ["us-tx-cra", 10000, false],
    ["us-tx-cra", 10001, true],
    ["us-ut-ag", 499, false],
    ["us-ut-ag", 500, true],
    ["us-ut-cra", 999, false],
    ["us-ut-cra", 1000, true],
    ["us-wa-ag", 500, false],
    ["us-wa-ag", 501, true],
  ] as const)("%s with %i residents → owed %s", (id, residents, owed) => {
    const o = find(
      id,
      incident([stateOf(id)], { discovered: "2026-03-07T15:00:00Z", determined: "2026-03-09T15:00:00Z", n: residents }),
    );
    expect(o.applicability).toBe(owed ? "APPLIES" : "NOT_APPLICABLE");
    if (!owed) expect(o.explanation).toContain("no more than");
  });

  it("counts residents per state, not in total", () => {
    const f = incident(
      ["US-FL", "US-GA"],
      { discovered: "2026-03-07T15:00:00Z", n: null },
      {
        subjectsByJurisdiction: { "US-FL": 500, "US-GA": 10 },
      },
    );
    expect(find("us-fl-ag", f).applicability).toBe("APPLIES");
    expect(find("us-ga-cra", f).applicability).toBe("NOT_APPLICABLE");
    expect(find("us-de-ag", f).explanation).toContain("no data subjects in Delaware");
  });

  it("words the threshold as the statute does", () => {
    const title = (id: string) => RULES.find((r) => r.id === id)?.title ?? "";
    expect(title("us-fl-ag")).toContain("500 or more residents");
    expect(title("us-de-ag")).toContain("more than 500 residents");
    expect(title("us-dc-ag")).toContain("50 or more residents");
  });

  it("regulators told of every breach need no count, only a resident", () => {
    for (const id of [
      "us-ct-ag",
      "us-in-ag",
      "us-ma-ag",
      "us-me-ag",
      "us-md-ag",
      "us-nh-ag",
      "us-nj-ag",
      "us-ny-ag",
      "us-va-ag",
      "us-pr-ag",
    ]) {
      const o = find(id, incident([stateOf(id)], { discovered: "2026-03-07T15:00:00Z", n: 1 }));
      expect(o.applicability, id).toBe("APPLIES");
    }
  });
});

describe("encryption safe harbour", () => {
  it.each(["us-ca", "us-ny-ag", "us-co-cra", "us-md-vendor", "us-tx", "us-pr-ag", "us-gu", "us-vt-ag"])(
    "%s does not apply to encrypted data",
    (id) => {
      const o = find(id, incident([stateOf(id)], { discovered: "2026-03-07T15:00:00Z", encrypted: true }));
      expect(o.applicability).toBe("NOT_APPLICABLE");
      expect(o.explanation).toContain("encrypted");
    },
  );

  it("Tennessee spared encrypted data again from 4 April 2017 00:00 CDT (05:00 UTC)", () => {
    const at = (iso: string) => incident(["US-TN"], { discovered: iso, encrypted: true });
    expect(find("us-tn", at("2017-04-04T04:59:00Z")).applicability).toBe("APPLIES");
    expect(find("us-tn", at("2017-04-04T05:00:00Z")).applicability).toBe("NOT_APPLICABLE");
  });

  it("unconfirmed encryption is treated as unsecured", () => {
    const f = incident(["US-VT"], { discovered: "2026-11-10T15:00:00Z" }, { dataEncrypted: null });
    expect(find("us-vt", f).applicability).toBe("APPLIES");
  });
});

describe("the service provider's own notice to the data owner", () => {
  it.each([
    // fixed: Georgia 24 h from discovery whatever the contract says
    ["us-ga-vendor", "2026-03-07T18:00:00Z", "2026-03-08T18:00:00.000Z"],
    // fixed: Alabama 10 days from discovery, 25 Dec 10:00 CST → end of 4 Jan 2027 CST
    ["us-al-vendor", "2026-12-25T16:00:00Z", "2027-01-05T05:59:59.999Z"],
    // fixed: Maryland 10 days from discovery, 1 Mar 10:00 EST → end of 11 Mar EDT
    ["us-md-vendor", "2026-03-01T15:00:00Z", "2026-03-12T03:59:59.999Z"],
    // fixed: Oregon 10 days from 5 Mar 12:00 PST → end of 15 Mar PDT
    ["us-or-vendor", "2026-03-05T20:00:00Z", "2026-03-16T06:59:59.999Z"],
    // fixed: New Mexico 45 days from 20 Mar 12:00 MDT → end of 4 May MDT
    ["us-nm-vendor", "2026-03-20T18:00:00Z", "2026-05-05T05:59:59.999Z"],
    // fixed: Tennessee at the latest 45 days from 10 Jun 10:00 CDT → end of 25 Jul CDT
    ["us-tn-vendor", "2026-06-10T15:00:00Z", "2026-07-26T04:59:59.999Z"],
    // "immediately": the contract's 48 hours from discovery
    ["us-ny-vendor", "2026-03-07T12:00:00Z", "2026-03-09T12:00:00.000Z"],
    ["us-ca-vendor", "2026-03-07T12:00:00Z", "2026-03-09T12:00:00.000Z"],
    ["us-vi-vendor", "2026-12-31T20:00:00Z", "2027-01-02T20:00:00.000Z"],
    // Oregon before 2020 ("as soon as practicable"): the contract's 48 hours
    ["us-or-vendor", "2019-12-31T20:00:00Z", "2020-01-02T20:00:00.000Z"],
    // Maryland before October 2022: 45 days, 20 Sep 2022 10:00 EDT → end of 4 Nov EDT
    ["us-md-vendor", "2022-09-20T14:00:00Z", "2022-11-05T03:59:59.999Z"],
  ] as const)("%s, discovered %s → %s", (id, discovered, expected) => {
    const o = find(id, incident([stateOf(id)], { discovered }), client({ noticeHours: 48 }));
    expect(o).toMatchObject({ applicability: "APPLIES", party: "BPO" });
    expect(o.recipient).toContain("client");
    expect(o.dueAt?.toISOString()).toBe(expected);
  });

  it("counts contract business hours when the contract does: Fri 16:00 EST + 8 h → Mon 16:00 EDT", () => {
    const o = find(
      "us-nj-vendor",
      incident(["US-NJ"], { discovered: "2026-03-06T21:00:00Z" }),
      client({ noticeHours: 8, noticeBusinessHoursOnly: true }),
    );
    expect(o.dueAt?.toISOString()).toBe("2026-03-09T20:00:00.000Z");
    expect(o.basis).toContain("working target from the contract");
  });

  it("South Dakota and Rhode Island have no service-provider clause; Puerto Rico's binds resellers of data banks", () => {
    expect(RULES.some((r) => r.id === "us-sd-vendor" || r.id === "us-ri-vendor")).toBe(false);
    // no time fixed: the contract's 24 hours from detection, 7 Mar 15:00 UTC
    const o = find("us-pr-vendor", incident(["US-PR"], { discovered: "2026-03-07T15:00:00Z" }));
    expect(o).toMatchObject({ applicability: "APPLIES", party: "BPO" });
    expect(o.dueAt?.toISOString()).toBe("2026-03-08T15:00:00.000Z");
  });
});

describe("dates in force", () => {
  it.each([
    // Oklahoma's Attorney General notice from 1 Jan 2026 00:00 CST (06:00 UTC)
    ["us-ok-ag", "US-OK", "2025-12-31T20:00:00Z", "NOT_APPLICABLE"],
    ["us-ok-ag", "US-OK", "2026-01-01T06:00:00Z", "APPLIES"],
    // Pennsylvania's Attorney General notice from 26 Sep 2024 00:00 EDT (04:00 UTC)
    ["us-pa-ag", "US-PA", "2024-09-26T03:59:00Z", "NOT_APPLICABLE"],
    ["us-pa-ag", "US-PA", "2024-09-26T04:00:00Z", "APPLIES"],
    // Utah's Attorney General and Cyber Center from 3 May 2023 00:00 MDT (06:00 UTC)
    ["us-ut-ag", "US-UT", "2023-05-02T12:00:00Z", "NOT_APPLICABLE"],
    ["us-ut-ag", "US-UT", "2023-05-03T06:00:00Z", "APPLIES"],
    // Connecticut's AG rule is encoded from its 60-day version (1 Oct 2021)
    ["us-ct-ag", "US-CT", "2021-09-15T14:00:00Z", "NOT_APPLICABLE"],
  ] as const)("%s, aware %s → %s", (id, code, aware, applicability) => {
    const o = find(id, incident([code], { discovered: aware, n: 600 }));
    expect(o.applicability).toBe(applicability);
    if (applicability === "NOT_APPLICABLE") expect(o.explanation).toContain("not in force");
  });

  it("Pennsylvania's agencies: more than 1,000 before Act 33, 500 or more after", () => {
    const pa = (aware: string, n: number) =>
      find("us-pa-cra", incident(["US-PA"], { discovered: aware, n })).applicability;
    expect(pa("2024-09-20T15:00:00Z", 1000)).toBe("NOT_APPLICABLE");
    expect(pa("2024-09-20T15:00:00Z", 1001)).toBe("APPLIES");
    expect(pa("2024-09-30T15:00:00Z", 500)).toBe("APPLIES");
  });
});

const CODES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "DC",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
  "PR",
  "GU",
  "VI",
];

describe("coverage", () => {
  it("every state, DC, Puerto Rico, Guam and the US Virgin Islands has a notice to residents with a citation and a source", () => {
    expect(CODES).toHaveLength(54);
    for (const code of CODES) {
      const id = `us-${code.toLowerCase()}`;
      const versions = US_STATE_RULES.rules.filter((r) => r.id === id);
      expect(versions.length, id).toBeGreaterThan(0);
      for (const r of versions) {
        expect(r.citation.trim(), id).not.toBe("");
        expect(r.sources.length, id).toBeGreaterThan(0);
        for (const s of r.sources) expect(s.url, id).toMatch(/^https?:\/\//);
        expect(r.party, id).toBe("CLIENT");
        expect(r.when, id).toContainEqual({ kind: "jurisdictionAny", codes: [`US-${code}`] });
      }
      // one version in force now
      expect(versions.filter((r) => !r.inForce.until).length, id).toBe(1);
    }
  });

  it("every rule of the group is a residents', regulator, agency or service-provider notice of a known state", () => {
    for (const r of US_STATE_RULES.rules) {
      const m = /^us-([a-z]{2})(-ag|-cra|-vendor)?$/.exec(r.id);
      expect(m, r.id).not.toBeNull();
      expect(CODES, r.id).toContain(m?.[1]?.toUpperCase());
      expect(r.party, r.id).toBe(m?.[2] === "-vendor" ? "BPO" : "CLIENT");
      // a clock the law leaves open is never also said to be the law's outer limit
      expect(r.clock.noStatutoryLimit && r.clock.outerLimit, r.id).toBeFalsy();
    }
  });

  it("flags figures that rest on secondary sources only", () => {
    const rule = (id: string) => US_STATE_RULES.rules.find((r) => r.id === id);
    expect(rule("us-ok-ag")?.unconfirmed).toMatch(/secondary/);
    // quoted from the statute's own text: Arizona's 45 days, Pennsylvania's AG threshold
    // figures confirmed against the statute's text (or, for Connecticut, the Attorney General's own
    // page): at most the content list is left unconfirmed
    for (const id of ["us-az", "us-in", "us-in-ag", "us-ct", "us-de", "us-sd", "us-ak", "us-pr-ag"])
      expect(rule(id)?.unconfirmed, id).toBe("Required content fields not confirmed in a primary text.");
    // content read in the text as well
    for (const id of ["us-pa-ag", "us-ct-ag"]) expect(rule(id)?.unconfirmed, id).toBeUndefined();
  });
});
