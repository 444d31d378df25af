import { describe, expect, it } from "vitest";
import { obligationsFor } from "@/domain/deadlines/obligations";
import { RULES, RULE_GROUPS } from "@/domain/deadlines/rules";
import { endOfBusinessDays, holidaysOf } from "@/domain/deadlines/calendar";
import { brNationalHolidays, easterSunday, jpNationalHolidays } from "@/domain/deadlines/holidays";
import type { ClientTerms, Condition, IncidentFacts } from "@/domain/deadlines/types";
import { REGIME_FLAG_KEYS } from "@/domain/clients";

// US sector rules (FTC Safeguards, NYDFS 500.17, SEC Regulation S-P, FCC CPNI), American Express
// and Discover, Brazil, Japan, South Korea, China, the Philippines, Switzerland, Québec, New
// Zealand and South Africa, and the Brazilian and Japanese holiday calendars.
//
// Every expected instant below was worked out by hand (zone offsets, DST dates, holiday lists:
// Brazil's from its holiday statutes, Japan's from the Cabinet Office's published lists), never by
// running the code under test. Offsets used: São Paulo UTC−3 all year (no DST since 2019); Tokyo
// UTC+9; Seoul UTC+9; Shanghai UTC+8; Manila UTC+8; Zurich UTC+1 / +2 from the last Sunday of
// March; Toronto and New York UTC−5 / −4 from the second Sunday of March to the first Sunday of
// November; Chicago UTC−6 / −5 on the same days; Auckland UTC+13 in summer; Johannesburg UTC+2.

const AWARE = new Date("2026-03-29T01:30:00Z");
const DETECTED = new Date("2026-03-28T20:00:00Z");

const facts = (patch: Partial<IncidentFacts> = {}): IncidentFacts => ({
  occurredAt: null,
  detectedAt: DETECTED,
  awareAt: AWARE,
  dataCategories: ["PERSONAL"],
  jurisdictions: [],
  dataSubjectsCount: 100,
  dataEncrypted: false,
  risk: "RISK",
  riskAssessedAt: null,
  nis2Significant: null,
  doraMajor: null,
  doraClassifiedAt: null,
  secMaterial: null,
  secDeterminedAt: null,
  incidentType: "DATA_BREACH",
  ...patch,
});

/** Facts where detection and awareness are the same instant (discovery = awareness). */
const at = (iso: string, patch: Partial<IncidentFacts> = {}) =>
  facts({ detectedAt: new Date(iso), awareAt: new Date(iso), ...patch });

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

function find(id: string, f: IncidentFacts, c: ClientTerms, filings: Record<string, Date> = {}) {
  const { obligations, notApplicable } = obligationsFor(f, c, RULES, filings);
  const o = [...obligations, ...notApplicable].find((x) => x.ruleId === id);
  if (!o) throw new Error(`rule ${id} missing`);
  return o;
}

const due = (id: string, f: IncidentFacts, c: ClientTerms, filings: Record<string, Date> = {}) =>
  find(id, f, c, filings).dueAt?.toISOString() ?? null;
const applies = (id: string, f: IncidentFacts, c: ClientTerms) => find(id, f, c).applicability;

describe("Brazil's national holidays (BR_NATIONAL), as the statutes list them", () => {
  it.each([
    // 2025: Good Friday 18 April (Easter 20 April); 7 Sep, 12 Oct, 2 Nov Sundays, 15 Nov Saturday: no moving in Brazil
    [
      2025,
      [
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-01",
        "2025-09-07",
        "2025-10-12",
        "2025-11-02",
        "2025-11-15",
        "2025-11-20",
        "2025-12-25",
      ],
    ],
    // 2026: Good Friday 3 April (Easter 5 April)
    [
      2026,
      [
        "2026-01-01",
        "2026-04-03",
        "2026-04-21",
        "2026-05-01",
        "2026-09-07",
        "2026-10-12",
        "2026-11-02",
        "2026-11-15",
        "2026-11-20",
        "2026-12-25",
      ],
    ],
    // 2027: Good Friday 26 March (Easter 28 March)
    [
      2027,
      [
        "2027-01-01",
        "2027-03-26",
        "2027-04-21",
        "2027-05-01",
        "2027-09-07",
        "2027-10-12",
        "2027-11-02",
        "2027-11-15",
        "2027-11-20",
        "2027-12-25",
      ],
    ],
  ])("%i", (year, days) => {
    expect([...brNationalHolidays(year)].sort()).toEqual(days);
    expect(holidaysOf("BR_NATIONAL", year)).toEqual(new Set(days));
  });

  it("20 November is a national holiday from 2024 (Law 14.759/2023), not before", () => {
    expect(brNationalHolidays(2023).has("2023-11-20")).toBe(false);
    expect(brNationalHolidays(2024).has("2024-11-20")).toBe(true);
  });

  it("Carnival Monday and Tuesday and Corpus Christi are not holidays (pontos facultativos)", () => {
    // Carnival 2026: 16–17 February; Corpus Christi 2026: 4 June
    for (const d of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-06-04"])
      expect(brNationalHolidays(2026).has(d)).toBe(false);
  });

  it.each([
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
  ])("Easter Sunday %i is %s", (year, day) => {
    expect(easterSunday(year).toISODate()).toBe(day);
  });
});

describe("Japan's national holidays (JP_NATIONAL), as the Cabinet Office publishes them", () => {
  it.each([
    // 2025: 23 Feb and 23 Nov on Sundays → substitute 24 Feb and 24 Nov; 4 May Sunday → 6 May
    [
      2025,
      [
        "2025-01-01",
        "2025-01-13",
        "2025-02-11",
        "2025-02-23",
        "2025-02-24",
        "2025-03-20",
        "2025-04-29",
        "2025-05-03",
        "2025-05-04",
        "2025-05-05",
        "2025-05-06",
        "2025-07-21",
        "2025-08-11",
        "2025-09-15",
        "2025-09-23",
        "2025-10-13",
        "2025-11-03",
        "2025-11-23",
        "2025-11-24",
      ],
    ],
    // 2026: 3 May Sunday → substitute 6 May (4 and 5 May are holidays already); 22 Sep between
    // Respect for the Aged Day (21) and the autumnal equinox (23): a citizens' holiday
    [
      2026,
      [
        "2026-01-01",
        "2026-01-12",
        "2026-02-11",
        "2026-02-23",
        "2026-03-20",
        "2026-04-29",
        "2026-05-03",
        "2026-05-04",
        "2026-05-05",
        "2026-05-06",
        "2026-07-20",
        "2026-08-11",
        "2026-09-21",
        "2026-09-22",
        "2026-09-23",
        "2026-10-12",
        "2026-11-03",
        "2026-11-23",
      ],
    ],
    // 2027: vernal equinox 21 March, a Sunday → substitute 22 March
    [
      2027,
      [
        "2027-01-01",
        "2027-01-11",
        "2027-02-11",
        "2027-02-23",
        "2027-03-21",
        "2027-03-22",
        "2027-04-29",
        "2027-05-03",
        "2027-05-04",
        "2027-05-05",
        "2027-07-19",
        "2027-08-11",
        "2027-09-20",
        "2027-09-23",
        "2027-10-11",
        "2027-11-03",
        "2027-11-23",
      ],
    ],
  ])("%i", (year, days) => {
    expect([...jpNationalHolidays(year)].sort()).toEqual(days);
    expect(holidaysOf("JP_NATIONAL", year)).toEqual(new Set(days));
  });

  it("the year-end closure (29 December–3 January) is not a national holiday, 1 January is", () => {
    const y2026 = jpNationalHolidays(2026);
    const y2027 = jpNationalHolidays(2027);
    for (const d of ["2026-12-29", "2026-12-30", "2026-12-31"]) expect(y2026.has(d)).toBe(false);
    expect(y2027.has("2027-01-01")).toBe(true);
    expect(y2027.has("2027-01-04")).toBe(false);
  });

  it("refuses a year it was not written for rather than guess", () => {
    expect(() => jpNationalHolidays(2019)).toThrow(/2020–2099/);
  });
});

describe("business days counted with the local holidays", () => {
  it.each([
    // São Paulo: from Fri 13 Feb 2026, Carnival Mon 16 and Tue 17 count: 16, 17, 18 → end Wed 18 (−03:00)
    ["BR_NATIONAL", "America/Sao_Paulo", "2026-02-13T15:00:00Z", 3, "2026-02-19T02:59:59.999Z"],
    // São Paulo: from Thu 2 Apr 2026: Good Friday 3 Apr skipped: Mon 6, Tue 7, Wed 8
    ["BR_NATIONAL", "America/Sao_Paulo", "2026-04-02T13:00:00Z", 3, "2026-04-09T02:59:59.999Z"],
    // Tokyo: from Thu 30 Apr 2026: Fri 1 May, then 3–6 May holidays: Thu 7, Fri 8 → end Fri 8 May (+09:00)
    ["JP_NATIONAL", "Asia/Tokyo", "2026-04-30T01:00:00Z", 3, "2026-05-08T14:59:59.999Z"],
    // Tokyo: from Fri 18 Sep 2026: 21, 22 (citizens'), 23 Sep holidays: Thu 24, Fri 25, Mon 28
    ["JP_NATIONAL", "Asia/Tokyo", "2026-09-18T01:00:00Z", 3, "2026-09-28T14:59:59.999Z"],
  ] as const)("%s in %s from %s, %i days → %s", (calendar, zone, start, days, expected) => {
    expect(endOfBusinessDays(new Date(start), days, zone, calendar).toISOString()).toBe(expected);
  });
});

describe("Brazil: LGPD Art. 48 and Resolution CD/ANPD 15/2024 (3 business days)", () => {
  const br = (iso: string, patch: Partial<IncidentFacts> = {}) => at(iso, { jurisdictions: ["BR"], ...patch });
  const c = client({ timeZone: "Europe/Lisbon" }); // the client's zone does not matter: the rule counts in Brasília time

  it.each([
    // aware Mon 20 Apr 2026 14:00 (−03:00); Tue 21 Tiradentes: Wed 22, Thu 23, Fri 24 → end Fri 24 Apr
    ["br-lgpd-48-anpd", "2026-04-20T17:00:00Z", "2026-04-25T02:59:59.999Z"],
    ["br-lgpd-48-titulares", "2026-04-20T17:00:00Z", "2026-04-25T02:59:59.999Z"],
    // 02:30 UTC Tue 21 Apr is still Mon 20 Apr 23:30 in Brasília: the same day counts from
    ["br-lgpd-48-anpd", "2026-04-21T02:30:00Z", "2026-04-25T02:59:59.999Z"],
    // aware Thu 2 Apr 2026 10:00; Good Friday 3 Apr: Mon 6, Tue 7, Wed 8
    ["br-lgpd-48-anpd", "2026-04-02T13:00:00Z", "2026-04-09T02:59:59.999Z"],
    // aware Wed 23 Dec 2026 12:00: Thu 24 (Christmas Eve is a working day), Fri 25 Christmas, Mon 28, Tue 29
    ["br-lgpd-48-anpd", "2026-12-23T15:00:00Z", "2026-12-30T02:59:59.999Z"],
    // year end: aware Wed 30 Dec 2026 10:00: Thu 31, Fri 1 Jan holiday, Mon 4, Tue 5 Jan 2027
    ["br-lgpd-48-anpd", "2026-12-30T13:00:00Z", "2027-01-06T02:59:59.999Z"],
    // Carnival counts: aware Fri 5 Feb 2027 09:00: Mon 8 (Carnival), Tue 9 (Carnival), Wed 10
    ["br-lgpd-48-anpd", "2027-02-05T12:00:00Z", "2027-02-11T02:59:59.999Z"],
    // aware Wed 18 Nov 2026 10:00: Thu 19, Fri 20 Black Consciousness Day, Mon 23, Tue 24
    ["br-lgpd-48-anpd", "2026-11-18T13:00:00Z", "2026-11-25T02:59:59.999Z"],
    // aware Sat 14 Nov 2026 12:00: Sun 15 (a holiday on a Sunday moves nothing), Mon 16, Tue 17, Wed 18
    ["br-lgpd-48-anpd", "2026-11-14T15:00:00Z", "2026-11-19T02:59:59.999Z"],
    // first day of Resolution 15: aware Fri 26 Apr 2024 09:00: Mon 29, Tue 30, Wed 1 May holiday, Thu 2 May
    ["br-lgpd-48-anpd", "2024-04-26T12:00:00Z", "2024-05-03T02:59:59.999Z"],
    // the day before, in Brasília (Thu 25 Apr 2024 23:30): the former "prazo razoável", working target
    // 2 business days: Fri 26, Mon 29 → end Mon 29 Apr
    ["br-lgpd-48-anpd", "2024-04-26T02:30:00Z", "2024-04-30T02:59:59.999Z"],
    ["br-lgpd-48-titulares", "2024-04-25T15:00:00Z", "2024-04-30T02:59:59.999Z"],
  ])("%s, aware %s → %s", (id, aware, expected) => {
    expect(due(id, br(aware), c)).toBe(expected);
  });

  it("before Resolution 15 the law fixed no time: the figure is shown as a working target", () => {
    const o = find("br-lgpd-48-anpd", br("2024-04-25T15:00:00Z"), c);
    expect(o.basis).toContain("2 business days");
    expect(o.basis).toContain("working target from the rule default");
    expect(find("br-lgpd-48-anpd", br("2024-04-26T12:00:00Z"), c).basis).not.toContain("working target");
  });

  it("complementary information: 20 business days after the communication, projected or filed", () => {
    // projected from the due time, end of Fri 24 Apr 2026: 27–30 Apr (4), 1 May holiday, 4–8 (9),
    // 11–15 (14), 18–22 (19), Mon 25 May (20)
    expect(due("br-lgpd-48-complement", br("2026-04-20T17:00:00Z"), c)).toBe("2026-05-26T02:59:59.999Z");
    // filed Wed 22 Apr 12:00: Thu 23, Fri 24 (2), 27–30 (6), 4–8 May (11), 11–15 (16), 18–21 (20) → Thu 21 May
    expect(
      due("br-lgpd-48-complement", br("2026-04-20T17:00:00Z"), c, {
        "br-lgpd-48-anpd": new Date("2026-04-22T15:00:00Z"),
      }),
    ).toBe("2026-05-22T02:59:59.999Z");
  });

  it("owed only for a relevant risk to Brazilian data subjects", () => {
    expect(applies("br-lgpd-48-anpd", br("2026-04-20T17:00:00Z", { risk: "UNLIKELY" }), c)).toBe("NOT_APPLICABLE");
    expect(applies("br-lgpd-48-anpd", br("2026-04-20T17:00:00Z", { risk: "UNASSESSED" }), c)).toBe("TO_ASSESS");
    expect(applies("br-lgpd-48-anpd", at("2026-04-20T17:00:00Z", { jurisdictions: ["PT"] }), c)).toBe("NOT_APPLICABLE");
    // before the LGPD's Art. 48 (18 September 2020) nothing is owed
    expect(find("br-lgpd-48-anpd", br("2020-09-17T15:00:00Z"), c).explanation).toContain("not in force");
  });
});

describe("Japan: APPI Art. 26 and Enforcement Rules Art. 7–8", () => {
  const jp = (iso: string, patch: Partial<IncidentFacts> = {}) =>
    at(iso, { jurisdictions: ["JP"], dataCategories: ["HEALTH"], ...patch });
  const c = client({ timeZone: "Asia/Tokyo" });

  it.each([
    // preliminary, working target 3 business days in Japan. Golden Week 2026: aware Thu 30 Apr 10:00
    // JST: Fri 1 May (1), 3–6 May holidays (6 May substitute), Thu 7 (2), Fri 8 (3) → end Fri 8 May JST
    ["jp-appi-26-preliminary", "2026-04-30T01:00:00Z", "2026-05-08T14:59:59.999Z"],
    // 15:30 UTC 30 Apr is 00:30 Fri 1 May in Tokyo: counting starts after 1 May: Thu 7, Fri 8, Mon 11
    ["jp-appi-26-preliminary", "2026-04-30T15:30:00Z", "2026-05-11T14:59:59.999Z"],
    // Golden Week 2027: aware Fri 30 Apr: 3–5 May holidays: Thu 6, Fri 7, Mon 10 May
    ["jp-appi-26-preliminary", "2027-04-30T01:00:00Z", "2027-05-10T14:59:59.999Z"],
    // year end: aware Mon 28 Dec 2026 15:00 JST: Tue 29, Wed 30, Thu 31 (the offices' closure is no holiday)
    ["jp-appi-26-preliminary", "2026-12-28T06:00:00Z", "2026-12-31T14:59:59.999Z"],
    // New Year: aware Wed 30 Dec 2026: Thu 31, Fri 1 Jan holiday, Mon 4, Tue 5 Jan 2027
    ["jp-appi-26-preliminary", "2026-12-30T01:00:00Z", "2027-01-05T14:59:59.999Z"],
    // Silver Week 2026: aware Fri 18 Sep: 21, 22 (citizens' holiday), 23 Sep: Thu 24, Fri 25, Mon 28
    ["jp-appi-26-preliminary", "2026-09-18T01:00:00Z", "2026-09-28T14:59:59.999Z"],
    // final: 30 calendar days from 30 Apr 2026 (JST) → 30 May, end of day JST
    ["jp-appi-26-final", "2026-04-30T01:00:00Z", "2026-05-30T14:59:59.999Z"],
    // final: from Wed 30 Dec 2026 → 29 Jan 2027
    ["jp-appi-26-final", "2026-12-30T01:00:00Z", "2027-01-29T14:59:59.999Z"],
    // first day of the reporting duty: 15:30 UTC 31 Mar 2022 = 00:30 Fri 1 Apr 2022 JST: Mon 4, Tue 5, Wed 6
    ["jp-appi-26-preliminary", "2022-03-31T15:30:00Z", "2022-04-06T14:59:59.999Z"],
    // one hour earlier it is still 31 March 2022 in Tokyo: not yet in force
    ["jp-appi-26-preliminary", "2022-03-31T14:30:00Z", null],
  ])("%s, aware %s → %s", (id, aware, expected) => {
    expect(due(id, jp(aware), c)).toBe(expected);
  });

  it("a leak that may come from an act with a wrongful purpose: final report within 60 days (Art. 7(iii))", () => {
    const f = jp("2026-04-30T01:00:00Z", {
      dataCategories: ["PERSONAL"],
      dataSubjectsCount: 10,
      incidentType: "CYBERATTACK",
    });
    // 30 Apr + 60 days: 1 May is day 1, 31 May day 31, 29 June day 60
    expect(due("jp-appi-26-final-wrongful", f, c)).toBe("2026-06-29T14:59:59.999Z");
    expect(applies("jp-appi-26-final", f, c)).toBe("NOT_APPLICABLE");
    expect(applies("jp-appi-26-preliminary", f, c)).toBe("APPLIES");
    expect(applies("jp-appi-26-final-wrongful", jp("2026-04-30T01:00:00Z"), c)).toBe("NOT_APPLICABLE");
  });

  it.each([
    // Art. 7(iv): more than 1,000 persons; plain personal data, an accidental leak
    [1000, "NOT_APPLICABLE"],
    [1001, "APPLIES"],
    [1002, "APPLIES"],
  ] as const)("%i persons, no other trigger → %s", (count, expected) => {
    const f = jp("2026-04-30T01:00:00Z", {
      dataCategories: ["PERSONAL"],
      dataSubjectsCount: count,
      incidentType: "ACCIDENTAL_LEAK",
    });
    expect(applies("jp-appi-26-preliminary", f, c)).toBe(expected);
    expect(applies("jp-appi-26-final", f, c)).toBe(expected);
  });

  it("nothing is reported for data protected by encryption", () => {
    const f = jp("2026-04-30T01:00:00Z", { dataEncrypted: true });
    for (const id of ["jp-appi-26-preliminary", "jp-appi-26-final", "jp-appi-26-trustee"])
      expect(applies(id, f, c), id).toBe("NOT_APPLICABLE");
    expect(applies("jp-appi-26-final-wrongful", { ...f, incidentType: "CYBERATTACK" }, c)).toBe("NOT_APPLICABLE");
  });

  it("without the incident's type a small leak of plain data is still to assess", () => {
    const f = jp("2026-04-30T01:00:00Z", {
      dataCategories: ["PERSONAL"],
      dataSubjectsCount: 10,
      incidentType: undefined,
    });
    expect(applies("jp-appi-26-preliminary", f, c)).toBe("TO_ASSESS");
  });

  it("the working target: the organization's setting for the client's report, the contract for the BPO's", () => {
    // organization setting 48 h: 30 Apr 01:00 UTC + 48 h
    expect(due("jp-appi-26-preliminary", jp("2026-04-30T01:00:00Z"), client({ workingTargetHours: 48 }))).toBe(
      "2026-05-02T01:00:00.000Z",
    );
    // entrusted party (the BPO): the contract's 24 h, then 12 h
    expect(due("jp-appi-26-trustee", jp("2026-04-30T01:00:00Z"), c)).toBe("2026-05-01T01:00:00.000Z");
    expect(due("jp-appi-26-trustee", jp("2026-04-30T01:00:00Z"), client({ noticeHours: 12 }))).toBe(
      "2026-04-30T13:00:00.000Z",
    );
    expect(find("jp-appi-26-trustee", jp("2026-04-30T01:00:00Z"), c).party).toBe("BPO");
  });
});

describe("South Korea: PIPA Art. 34 (72 hours)", () => {
  const kr = (iso: string, patch: Partial<IncidentFacts> = {}) => at(iso, { jurisdictions: ["KR"], ...patch });
  const c = client();

  it("72 hours from awareness to the data subjects", () => {
    // 29 Mar 2026 01:30 UTC + 72 h
    expect(due("kr-pipa-34-subjects", kr("2026-03-29T01:30:00Z"), c)).toBe("2026-04-01T01:30:00.000Z");
    // year end: 30 Dec 2026 20:00 UTC + 72 h = 2 Jan 2027 20:00 UTC
    expect(due("kr-pipa-34-subjects", kr("2026-12-30T20:00:00Z"), c)).toBe("2027-01-02T20:00:00.000Z");
  });

  it.each([
    [999, "DATA_BREACH", "NOT_APPLICABLE"],
    [1000, "DATA_BREACH", "APPLIES"],
    [1001, "DATA_BREACH", "APPLIES"],
    [5, "CYBERATTACK", "APPLIES"],
  ] as const)("report to the PIPC: %i subjects, %s → %s", (count, type, expected) => {
    expect(
      applies("kr-pipa-34-pipc", kr("2026-03-29T01:30:00Z", { dataSubjectsCount: count, incidentType: type }), c),
    ).toBe(expected);
  });

  it("in force from 15 September 2023 in Seoul", () => {
    // 14:30 UTC 14 Sep = 23:30 KST 14 Sep: not yet; 15:30 UTC = 00:30 KST 15 Sep: + 72 h
    expect(due("kr-pipa-34-subjects", kr("2023-09-14T14:30:00Z"), c)).toBeNull();
    expect(due("kr-pipa-34-subjects", kr("2023-09-14T15:30:00Z"), c)).toBe("2023-09-17T15:30:00.000Z");
  });
});

describe("China: PIPL Art. 57 (immediately: no figure in law)", () => {
  const cn = (iso: string) => at(iso, { jurisdictions: ["CN"] });

  it("the rule's working target of 24 hours, or the organization's", () => {
    const o = find("cn-pipl-57", cn("2026-03-29T01:30:00Z"), client());
    expect(o.dueAt?.toISOString()).toBe("2026-03-30T01:30:00.000Z");
    expect(o.basis).toContain("no time fixed by law");
    // organization setting 12 h
    expect(due("cn-pipl-57", cn("2026-03-29T01:30:00Z"), client({ workingTargetHours: 12 }))).toBe(
      "2026-03-29T13:30:00.000Z",
    );
  });

  it("in force from 1 November 2021 in Beijing time", () => {
    // 15:30 UTC 31 Oct = 23:30 CST: not yet; 16:30 UTC = 00:30 CST 1 Nov: + 24 h
    expect(due("cn-pipl-57", cn("2021-10-31T15:30:00Z"), client())).toBeNull();
    expect(due("cn-pipl-57", cn("2021-10-31T16:30:00Z"), client())).toBe("2021-11-01T16:30:00.000Z");
  });
});

describe("the Philippines: NPC Circular 16-03 (72 hours)", () => {
  it("72 hours from knowledge, when a real risk of serious harm", () => {
    const f = at("2026-03-29T01:30:00Z", { jurisdictions: ["PH"], risk: "HIGH_RISK" });
    expect(due("ph-dpa-npc-16-03", f, client())).toBe("2026-04-01T01:30:00.000Z");
    expect(applies("ph-dpa-npc-16-03", { ...f, risk: "RISK" }, client())).toBe("NOT_APPLICABLE");
  });
});

describe("Switzerland: revFADP Art. 24 (as soon as possible), in force 1 September 2023", () => {
  const ch = (iso: string, patch: Partial<IncidentFacts> = {}) =>
    at(iso, { jurisdictions: ["CH"], risk: "HIGH_RISK", ...patch });
  const c = client({ timeZone: "Europe/Zurich" });

  it("before and after 1 September 2023 (Zurich time, CEST +02:00)", () => {
    // 21:30 UTC 31 Aug = 23:30 CEST 31 Aug: not in force
    expect(due("ch-fadp-24", ch("2023-08-31T21:30:00Z"), c)).toBeNull();
    expect(find("ch-fadp-24", ch("2023-08-31T21:30:00Z"), c).explanation).toContain("in force from 2023-09-01");
    // 22:30 UTC 31 Aug = 00:30 CEST 1 Sep: working target 72 h
    expect(due("ch-fadp-24", ch("2023-08-31T22:30:00Z"), c)).toBe("2023-09-03T22:30:00.000Z");
  });

  it("the FDPIC only for a likely high risk; the processor tells the controller of every breach", () => {
    expect(applies("ch-fadp-24", ch("2026-03-29T01:30:00Z", { risk: "RISK" }), c)).toBe("NOT_APPLICABLE");
    expect(applies("ch-fadp-24-processor", ch("2026-03-29T01:30:00Z", { risk: "UNLIKELY" }), c)).toBe("APPLIES");
  });

  it("the processor's notice counts the contract's business hours across the switch to summer time", () => {
    // aware Fri 27 Mar 2026 16:00 CET (15:00 UTC); 8 business hours: 1 h Fri (16–17), 7 h Mon 30 Mar
    // (09–16 CEST, summer time from Sun 29) → Mon 16:00 CEST = 14:00 UTC
    const f = ch("2026-03-27T15:00:00Z");
    expect(
      due(
        "ch-fadp-24-processor",
        f,
        client({ timeZone: "Europe/Zurich", noticeHours: 8, noticeBusinessHoursOnly: true }),
      ),
    ).toBe("2026-03-30T14:00:00.000Z");
  });
});

describe("Québec: Law 25, s. 3.5 (promptly), in force 22 September 2022", () => {
  const qc = (iso: string, patch: Partial<IncidentFacts> = {}) =>
    at(iso, { jurisdictions: ["CA-QC"], risk: "HIGH_RISK", ...patch });

  it("working target 72 hours from awareness; not before 22 September 2022 (Toronto time)", () => {
    expect(due("ca-qc-law25", qc("2026-03-29T01:30:00Z"), client())).toBe("2026-04-01T01:30:00.000Z");
    // 03:30 UTC 22 Sep 2022 = 23:30 EDT 21 Sep: not in force; 04:30 UTC = 00:30 EDT 22 Sep: + 72 h
    expect(due("ca-qc-law25", qc("2022-09-22T03:30:00Z"), client())).toBeNull();
    expect(due("ca-qc-law25", qc("2022-09-22T04:30:00Z"), client())).toBe("2022-09-25T04:30:00.000Z");
  });

  it("only with a risk of serious injury", () => {
    expect(applies("ca-qc-law25", qc("2026-03-29T01:30:00Z", { risk: "RISK" }), client())).toBe("NOT_APPLICABLE");
  });
});

describe("New Zealand and South Africa: no figure in law", () => {
  it("New Zealand: 72 hours as the working target, the organization's when set; serious harm only", () => {
    const f = at("2026-03-29T01:30:00Z", { jurisdictions: ["NZ"], risk: "HIGH_RISK" });
    expect(due("nz-privacy-114", f, client())).toBe("2026-04-01T01:30:00.000Z");
    expect(due("nz-privacy-114", f, client({ workingTargetHours: 24 }))).toBe("2026-03-30T01:30:00.000Z");
    expect(applies("nz-privacy-114", { ...f, risk: "RISK" }, client())).toBe("NOT_APPLICABLE");
  });

  it("South Africa: every compromise, risk assessed or not; the operator on the contract's hours", () => {
    const f = at("2026-03-29T01:30:00Z", { jurisdictions: ["ZA"], risk: "UNASSESSED" });
    expect(due("za-popia-22", f, client())).toBe("2026-04-01T01:30:00.000Z");
    expect(due("za-popia-21", f, client())).toBe("2026-03-30T01:30:00.000Z");
    // 21:30 UTC 30 Jun 2021 = 23:30 SAST: before enforcement; 22:30 UTC = 00:30 SAST 1 Jul: + 72 h
    expect(due("za-popia-22", at("2021-06-30T21:30:00Z", { jurisdictions: ["ZA"] }), client())).toBeNull();
    expect(due("za-popia-22", at("2021-06-30T22:30:00Z", { jurisdictions: ["ZA"] }), client())).toBe(
      "2021-07-03T22:30:00.000Z",
    );
  });
});

describe("FTC Safeguards Rule, 16 CFR 314.4(j): 500 or more consumers, 30 days from discovery", () => {
  const glba = client({ timeZone: "America/Chicago", glbaFinancialInstitution: true });

  it.each([
    [499, "NOT_APPLICABLE"],
    [500, "APPLIES"],
    [501, "APPLIES"],
  ] as const)("%i consumers → %s", (count, expected) => {
    expect(applies("ftc-safeguards-314-4j", facts({ dataSubjectsCount: count }), glba)).toBe(expected);
  });

  it.each([
    // discovery = detection 28 Mar 2026 15:00 CDT (earlier than awareness); + 30 days = 27 Apr, end of day CDT
    [facts({ dataSubjectsCount: 500 }), "2026-04-28T04:59:59.999Z"],
    // discovery Sat 7 Mar 2026 06:00 CST; + 30 days = 6 Apr, in summer time (CDT −05:00)
    [at("2026-03-07T12:00:00Z", { dataSubjectsCount: 800 }), "2026-04-07T04:59:59.999Z"],
    // year end: discovery 10 Dec 2026 12:00 CST; + 30 days = 9 Jan 2027 (CST −06:00)
    [at("2026-12-10T18:00:00Z", { dataSubjectsCount: 800 }), "2027-01-10T05:59:59.999Z"],
    // first day in force: 04:30 UTC 13 May 2024 = 00:30 EDT 13 May in New York (in force), but still
    // 23:30 CDT 12 May in the client's Chicago: days count from 12 May → 11 June, end of day CDT
    [at("2024-05-13T04:30:00Z", { dataSubjectsCount: 800 }), "2024-06-12T04:59:59.999Z"],
    // 03:30 UTC 13 May 2024 = 23:30 EDT 12 May: not yet in force
    [at("2024-05-13T03:30:00Z", { dataSubjectsCount: 800 }), null],
  ])("due %#", (f, expected) => {
    expect(due("ftc-safeguards-314-4j", f, glba)).toBe(expected);
  });

  it("not for encrypted data, nor a client outside the rule; to assess while the count is unknown", () => {
    expect(applies("ftc-safeguards-314-4j", facts({ dataSubjectsCount: 800, dataEncrypted: true }), glba)).toBe(
      "NOT_APPLICABLE",
    );
    expect(applies("ftc-safeguards-314-4j", facts({ dataSubjectsCount: 800 }), client())).toBe("NOT_APPLICABLE");
    expect(applies("ftc-safeguards-314-4j", facts({ dataSubjectsCount: null }), glba)).toBe("TO_ASSESS");
  });
});

describe("NYDFS 23 NYCRR 500.17(a): 72 hours", () => {
  const dfs = client({ nydfsCoveredEntity: true });

  it("72 hours from the determination (awareness), whatever the data, across the end of summer time", () => {
    expect(due("nydfs-500-17", facts(), dfs)).toBe("2026-04-01T01:30:00.000Z");
    expect(applies("nydfs-500-17", facts({ dataCategories: ["OPERATIONAL_ONLY"] }), dfs)).toBe("APPLIES");
    // 1 Nov 2026 05:30 UTC (01:30 EDT, the hour before clocks go back) + 72 h: absolute hours
    expect(due("nydfs-500-17", at("2026-11-01T05:30:00Z"), dfs)).toBe("2026-11-04T05:30:00.000Z");
    expect(applies("nydfs-500-17", facts(), client())).toBe("NOT_APPLICABLE");
  });
});

describe("SEC Regulation S-P, 17 CFR 248.30 as amended in 2024", () => {
  const sp = client({ regSpCoveredInstitution: true });

  it("individuals within 30 days of awareness; the service provider (the BPO) within 72 hours", () => {
    // aware 28 Mar 2026 21:30 EDT; + 30 days = 27 Apr, end of day EDT
    expect(due("sec-regsp-individuals", facts(), sp)).toBe("2026-04-28T03:59:59.999Z");
    const o = find("sec-regsp-service-provider", facts(), sp);
    expect(o.party).toBe("BPO");
    expect(o.dueAt?.toISOString()).toBe("2026-04-01T01:30:00.000Z");
    // year end: aware 15 Dec 2026 12:00 EST; + 30 days = 14 Jan 2027, end of day EST
    expect(due("sec-regsp-individuals", at("2026-12-15T17:00:00Z"), sp)).toBe("2027-01-15T04:59:59.999Z");
  });

  it("from the larger entities' compliance date, 3 December 2025 (New York time)", () => {
    // 04:30 UTC 3 Dec = 23:30 EST 2 Dec: not yet; 05:30 UTC = 00:30 EST 3 Dec: + 72 h
    expect(due("sec-regsp-service-provider", at("2025-12-03T04:30:00Z"), sp)).toBeNull();
    expect(find("sec-regsp-individuals", at("2025-12-03T04:30:00Z"), sp).explanation).toContain(
      "in force from 2025-12-03",
    );
    expect(due("sec-regsp-service-provider", at("2025-12-03T05:30:00Z"), sp)).toBe("2025-12-06T05:30:00.000Z");
  });

  it("not for a client outside the rule", () => {
    expect(applies("sec-regsp-service-provider", facts(), client({ secRegistrant: true }))).toBe("NOT_APPLICABLE");
  });
});

describe("FCC CPNI rule, 47 CFR 64.2011(b): 7 business days to the Secret Service and FBI", () => {
  const carrier = client({ telecomCarrier: true });

  it.each([
    // determined Wed 25 Nov 2026 15:00 EST; Thu 26 Thanksgiving; Fri 27 (1), Mon 30 (2), 1–4 Dec (6), Mon 7 (7)
    ["2026-11-25T20:00:00Z", "2026-12-08T04:59:59.999Z"],
    // determined Tue 22 Dec 2026: Wed 23 (1), Thu 24 (2), Fri 25 Christmas, 28–31 Dec (6), Fri 1 Jan holiday, Mon 4 Jan (7)
    ["2026-12-22T15:00:00Z", "2027-01-05T04:59:59.999Z"],
    // determined Fri 6 Mar 2026: 9–13 Mar (5), Mon 16 (6), Tue 17 (7), summer time from 8 Mar → end of 17 Mar EDT
    ["2026-03-06T18:00:00Z", "2026-03-18T03:59:59.999Z"],
  ])("determined %s → %s", (determined, expected) => {
    expect(due("fcc-cpni-64-2011", facts({ riskAssessedAt: new Date(determined) }), carrier)).toBe(expected);
  });

  it("the clock waits for the determination; carriers only", () => {
    const o = find("fcc-cpni-64-2011", facts(), carrier);
    expect(o.applicability).toBe("APPLIES");
    expect(o.dueAt).toBeNull();
    expect(o.unconfirmed).toContain("2023 amendments");
    expect(applies("fcc-cpni-64-2011", facts(), client())).toBe("NOT_APPLICABLE");
  });
});

describe("American Express and Discover", () => {
  const cards = client({ handlesCardData: true });
  const card = facts({ dataCategories: ["PAYMENT_CARD"] });

  it("American Express: 72 hours from discovery; Discover: 48 hours, unconfirmed", () => {
    // discovery = detection 28 Mar 2026 20:00 UTC
    expect(due("pci-amex", card, cards)).toBe("2026-03-31T20:00:00.000Z");
    expect(due("pci-discover", card, cards)).toBe("2026-03-30T20:00:00.000Z");
    expect(find("pci-discover", card, cards).unconfirmed).toContain("48 hours");
  });

  it("only card data of a client in scope of PCI DSS", () => {
    expect(applies("pci-amex", facts(), cards)).toBe("NOT_APPLICABLE");
    expect(applies("pci-discover", card, client())).toBe("NOT_APPLICABLE");
  });
});

describe("client flags", () => {
  it("every flag a rule asks about can be set on the client form", () => {
    const flags = new Set<string>();
    const walk = (c: Condition): void => {
      if (c.kind === "clientFlag") flags.add(c.flag);
      if (c.kind === "anyOf") c.conditions.forEach(walk);
    };
    RULES.forEach((r) => r.when.forEach(walk));
    for (const f of ["glbaFinancialInstitution", "nydfsCoveredEntity", "regSpCoveredInstitution", "telecomCarrier"])
      expect(flags.has(f), f).toBe(true);
    for (const f of flags) expect(REGIME_FLAG_KEYS as readonly string[], f).toContain(f);
  });
});

describe("the rule data of these groups", () => {
  const mine = [
    "us-sector",
    "card-brands-more",
    "latin-america",
    "asia",
    "switzerland",
    "canada-quebec",
    "oceania-africa",
  ];

  it("every rule cites its law and names an official source read on 2026-12-02", () => {
    const groups = RULE_GROUPS.filter((g) => mine.includes(g.group));
    expect(groups.map((g) => g.group).sort()).toEqual([...mine].sort());
    for (const g of groups) {
      expect(g.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
      for (const r of g.rules) {
        expect(r.citation.length, r.id).toBeGreaterThan(3);
        expect(r.sources.length, r.id).toBeGreaterThan(0);
        for (const s of r.sources) expect(s.retrieved, r.id).toBe("2026-12-02");
        // a figure the law does not fix is never also called the law's outer limit
        expect(r.clock.noStatutoryLimit && r.clock.outerLimit, r.id).toBeFalsy();
      }
    }
  });
});
