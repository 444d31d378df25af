import type { InForce, RuleGroup } from "../types";

// US federal rules: HIPAA breach notification and SEC Form 8-K Item 1.05.

const HIPAA_404C = [
  { key: "whatHappened", label: "What happened, with the date of the breach and the date of discovery" },
  { key: "phiTypes", label: "Types of unsecured PHI involved" },
  { key: "stepsIndividuals", label: "Steps individuals should take to protect themselves" },
  { key: "entityActions", label: "What is being done to investigate, mitigate harm and prevent recurrence" },
  { key: "contact", label: "Contact procedures (toll-free number, e-mail, web site or postal address)" },
] as const;

const HIPAA_IN_FORCE: InForce = {
  from: "2009-09-23",
  zone: "America/New_York",
  note: "Breach Notification Rule (interim final rule, 74 FR 42740), effective 23 September 2009.",
};

export const US_FEDERAL_RULES: RuleGroup = {
  group: "us-federal",
  version: "2026-12-02.1",
  rules: [
    {
      id: "hipaa-410",
      regime: "HIPAA",
      citation: "45 CFR 164.410",
      title: "Business associate notice to the covered entity",
      party: "BPO",
      recipient: "Covered entity (the client)",
      when: [
        { kind: "clientFlag", flag: "hipaaCoveredEntity" },
        { kind: "categoryAny", categories: ["HEALTH"] },
        { kind: "notEncrypted" },
      ],
      clock: { start: "DISCOVERY", amount: 60, unit: "CALENDAR_DAYS", outerLimit: true },
      inForce: HIPAA_IN_FORCE,
      content: [{ key: "individuals", label: "Identity of each individual affected, where possible" }, ...HIPAA_404C],
      note: "Without unreasonable delay and no later than 60 calendar days from discovery; the contract figure is usually much shorter.",
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D/section-164.410",
          retrieved: "2026-12-02",
          title: "45 CFR 164.410",
        },
      ],
    },
    {
      id: "hipaa-404",
      regime: "HIPAA",
      citation: "45 CFR 164.404",
      title: "Notice to individuals (by the covered entity)",
      party: "CLIENT",
      recipient: "Individuals",
      when: [
        { kind: "clientFlag", flag: "hipaaCoveredEntity" },
        { kind: "categoryAny", categories: ["HEALTH"] },
        { kind: "notEncrypted" },
      ],
      clock: { start: "DISCOVERY", amount: 60, unit: "CALENDAR_DAYS", outerLimit: true },
      inForce: HIPAA_IN_FORCE,
      content: HIPAA_404C,
      note: "A breach of unsecured PHI is presumed unless a four-factor assessment shows a low probability of compromise (164.402).",
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D/section-164.404",
          retrieved: "2026-12-02",
          title: "45 CFR 164.404",
        },
      ],
    },
    {
      id: "hipaa-406",
      regime: "HIPAA",
      citation: "45 CFR 164.406",
      title: "Notice to prominent media (by the covered entity)",
      party: "CLIENT",
      recipient: "Prominent media outlets of the state",
      when: [
        { kind: "clientFlag", flag: "hipaaCoveredEntity" },
        { kind: "categoryAny", categories: ["HEALTH"] },
        { kind: "notEncrypted" },
        { kind: "residentsOver", codes: "ANY_US_STATE", over: 500 },
      ],
      clock: { start: "DISCOVERY", amount: 60, unit: "CALENDAR_DAYS" },
      inForce: HIPAA_IN_FORCE,
      content: HIPAA_404C,
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D/section-164.406",
          retrieved: "2026-12-02",
          title: "45 CFR 164.406",
        },
      ],
    },
    {
      // 164.408(b) counts the individuals affected in total, wherever they live; only the media
      // notice (164.406) counts residents per State.
      id: "hipaa-408",
      regime: "HIPAA",
      citation: "45 CFR 164.408(b)",
      title: "Notice to HHS, 500 or more individuals (by the covered entity)",
      party: "CLIENT",
      recipient: "U.S. Department of Health and Human Services",
      when: [
        { kind: "clientFlag", flag: "hipaaCoveredEntity" },
        { kind: "categoryAny", categories: ["HEALTH"] },
        { kind: "notEncrypted" },
        { kind: "subjectsAtLeast", count: 500 },
      ],
      clock: { start: "DISCOVERY", amount: 60, unit: "CALENDAR_DAYS", outerLimit: true },
      inForce: HIPAA_IN_FORCE,
      content: [{ key: "hhsForm", label: "HHS breach portal form" }],
      note: "Contemporaneously with the notice to individuals (164.404): without unreasonable delay, at the latest 60 calendar days from discovery.",
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D/section-164.408",
          retrieved: "2026-12-02",
          title: "45 CFR 164.408",
        },
      ],
    },
    {
      // 164.408(c): "not later than 60 days after the end of each calendar year" for the breaches
      // discovered in it. Read: day 1 is 1 January, day 60 is 1 March (29 February when the year
      // after discovery is a leap year); due at the end of that day in the covered entity's zone.
      id: "hipaa-408-log",
      regime: "HIPAA",
      citation: "45 CFR 164.408(c)",
      title: "Annual log entry to HHS, fewer than 500 individuals (by the covered entity)",
      party: "CLIENT",
      recipient: "U.S. Department of Health and Human Services",
      when: [
        { kind: "clientFlag", flag: "hipaaCoveredEntity" },
        { kind: "categoryAny", categories: ["HEALTH"] },
        { kind: "notEncrypted" },
        { kind: "subjectsFewerThan", count: 500 },
      ],
      clock: { start: "DISCOVERY", amount: 60, unit: "CALENDAR_DAYS", countFrom: "END_OF_YEAR" },
      inForce: HIPAA_IN_FORCE,
      content: [{ key: "hhsForm", label: "HHS breach portal form, one per breach logged in the calendar year" }],
      note: "Logged, and reported to the Secretary within 60 days after the end of the calendar year of discovery.",
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D/section-164.408",
          retrieved: "2026-12-02",
          title: "45 CFR 164.408",
        },
      ],
    },
    {
      id: "sec-8k-105",
      regime: "SEC",
      citation: "Form 8-K Item 1.05",
      title: "Disclosure of a material cybersecurity incident (by the client)",
      party: "CLIENT",
      recipient: "SEC / the public",
      when: [{ kind: "clientFlag", flag: "secRegistrant" }, { kind: "secMaterial" }],
      clock: {
        start: "DETERMINATION",
        amount: 4,
        unit: "BUSINESS_DAYS",
        zone: "America/New_York",
        holidays: "US_FEDERAL",
      },
      inForce: {
        from: "2023-12-18",
        zone: "America/New_York",
        note: "Item 1.05 effective 18 December 2023 (smaller reporting companies from 15 June 2024).",
      },
      content: [
        { key: "nature", label: "Material aspects of the nature, scope and timing" },
        { key: "impact", label: "Material impact or reasonably likely material impact" },
      ],
      sources: [
        {
          url: "https://www.sec.gov/files/form8-k.pdf",
          retrieved: "2026-12-02",
          title: "Form 8-K, General Instructions and Item 1.05",
        },
        {
          url: "https://www.sec.gov/files/rules/final/2023/33-11216.pdf",
          retrieved: "2026-12-02",
          title: "Release 33-11216, Cybersecurity Risk Management, Strategy, Governance, and Incident Disclosure",
        },
      ],
    },
  ],
};
