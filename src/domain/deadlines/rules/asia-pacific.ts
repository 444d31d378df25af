import type { InForce, RuleGroup } from "../types";

// Australia, Singapore and India.

const SG_IN_FORCE: InForce = { from: "2021-02-01", zone: "Asia/Singapore" };
// DPDP Rules 2025 published in the Gazette on 13 November 2025 (G.S.R. 846(E)); rule 1(3): rules
// 3, 5–16, 22 and 23 (Rule 7, breach intimation, among them) come into force 18 months later.
const DPDP_RULE_7: InForce = {
  from: "2027-05-13",
  zone: "Asia/Kolkata",
  note: "18 months after publication on 13 November 2025; some read the first day as 14 May 2027.",
};

export const ASIA_PACIFIC_RULES: RuleGroup = {
  group: "asia-pacific",
  version: "2026-12-02.2",
  rules: [
    {
      id: "au-ndb",
      regime: "Australia (NDB)",
      citation: "Privacy Act 1988 Part IIIC",
      title: "Assessment of a suspected eligible data breach (by the client)",
      party: "CLIENT",
      recipient: "Office of the Australian Information Commissioner; individuals",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["AU"] }],
      clock: { start: "AWARENESS", amount: 30, unit: "CALENDAR_DAYS", zone: "Australia/Sydney" },
      inForce: { from: "2018-02-22", zone: "Australia/Sydney" },
      content: [
        { key: "identity", label: "Identity and contact details of the entity" },
        { key: "description", label: "Description of the breach" },
        { key: "kinds", label: "Kinds of information concerned" },
        { key: "steps", label: "Recommended steps for individuals" },
      ],
      note: "Assess within 30 days of suspecting; if serious harm is likely, notify as soon as practicable.",
      sources: [
        {
          url: "https://www.legislation.gov.au/C2004A03712/latest/text",
          retrieved: "2026-12-02",
          title: "Privacy Act 1988 (Cth), Part IIIC",
        },
        {
          url: "https://www.oaic.gov.au/privacy/notifiable-data-breaches",
          retrieved: "2026-12-02",
          title: "OAIC, Notifiable data breaches",
        },
      ],
    },
    {
      id: "sg-pdpa-intermediary",
      regime: "Singapore (PDPA)",
      citation: "PDPA s. 26C(3)",
      title: "Data intermediary notice to the organisation",
      party: "BPO",
      recipient: "The client (organisation)",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["SG"] }],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS", noStatutoryLimit: true },
      inForce: SG_IN_FORCE,
      content: [{ key: "facts", label: "Facts of the breach known so far" }],
      sources: [
        {
          url: "https://sso.agc.gov.sg/Act/PDPA2012",
          retrieved: "2026-12-02",
          title: "Personal Data Protection Act 2012, s. 26C",
        },
      ],
    },
    {
      id: "sg-pdpa",
      regime: "Singapore (PDPA)",
      citation: "PDPA ss. 26B–26D",
      title: "Notification to the PDPC (by the client)",
      party: "CLIENT",
      recipient: "Personal Data Protection Commission; individuals",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: ["SG"] },
        // "significant scale": 500 or more individuals affected in total, not per jurisdiction
        {
          kind: "anyOf",
          conditions: [
            { kind: "risk", atLeast: "HIGH_RISK" },
            { kind: "subjectsAtLeast", count: 500 },
          ],
        },
      ],
      clock: { start: "DETERMINATION", amount: 3, unit: "CALENDAR_DAYS", zone: "Asia/Singapore" },
      inForce: SG_IN_FORCE,
      content: [
        { key: "facts", label: "Facts of the breach" },
        { key: "number", label: "Number of individuals affected" },
        { key: "categories", label: "Categories of personal data" },
        { key: "harm", label: "Potential harm" },
      ],
      unconfirmed: "Required content fields partly not confirmed in a primary text.",
      note: "Notifiable when significant harm is likely or 500 or more individuals are affected.",
      sources: [
        {
          url: "https://sso.agc.gov.sg/Act/PDPA2012",
          retrieved: "2026-12-02",
          title: "Personal Data Protection Act 2012, ss. 26B\u201326D",
        },
        {
          url: "https://sso.agc.gov.sg/SL/PDPA2012-S64-2021",
          retrieved: "2026-12-02",
          title: "Personal Data Protection (Notification of Data Breaches) Regulations 2021",
        },
      ],
    },
    {
      id: "in-dpdp",
      regime: "India (DPDP)",
      citation: "DPDP Rules 2025, Rule 7",
      title: "Detailed report to the Data Protection Board (by the client)",
      party: "CLIENT",
      recipient: "Data Protection Board of India; each person affected",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["IN"] }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
      inForce: DPDP_RULE_7,
      content: [
        { key: "description", label: "Description of the breach" },
        { key: "facts", label: "Facts and causes" },
        { key: "mitigation", label: "Mitigation and remedial measures" },
        { key: "notices", label: "Notices sent to persons affected" },
      ],
      note: "Rule 7 is in force from 13 May 2027 (18 months after the Rules were published).",
      sources: [
        {
          url: "https://www.meity.gov.in/data-protection-framework",
          retrieved: "2026-12-02",
          title: "MeitY, Digital Personal Data Protection Act 2023 and DPDP Rules 2025",
        },
      ],
    },
  ],
};
