import type { Condition, InForce, RuleGroup } from "../types";

// Japan, South Korea, China and the Philippines. Sources read 2026-12-02.

const RETRIEVED = "2026-12-02";

// APPI as amended in 2020 (Act No. 44 of 2020): leak reports mandatory from 1 April 2022.
const APPI_2022: InForce = {
  from: "2022-04-01",
  zone: "Asia/Tokyo",
  note: "Reports to the PPC mandatory under the 2020 amendment from 1 April 2022.",
};

const APPI_SOURCES = [
  {
    url: "https://www.ppc.go.jp/en/legal/",
    retrieved: RETRIEVED,
    title: "Act on the Protection of Personal Information and its Enforcement Rules (PPC, English)",
  },
  {
    url: "https://www.ppc.go.jp/personalinfo/legal/leakAction/",
    retrieved: RETRIEVED,
    title: "PPC: 漏えい等の対応とお役立ち資料 (reporting a leak)",
  },
] as const;

const JP = { kind: "jurisdictionAny", codes: ["JP"] } as const;

// None is owed where the data was protected by advanced encryption (Enforcement Rules Art. 7, the
// PPC's guidelines): Warden's "encrypted". Enforcement Rules Art. 7: (i) special care-required personal information; (ii) data whose
// misuse may cause financial loss (card numbers, bank log-ins); (iii) a leak possibly caused by an
// act with a wrongful purpose (unauthorised access, theft); (iv) more than 1,000 persons.
const APPI_ART_7: Condition = {
  kind: "anyOf",
  conditions: [
    { kind: "categoryAny", categories: ["HEALTH", "LEGAL_PRIVILEGED"] },
    { kind: "categoryAny", categories: ["PAYMENT_CARD", "FINANCIAL", "CREDENTIALS"] },
    { kind: "incidentTypeAny", types: ["CYBERATTACK", "INTERNAL_FRAUD"] },
    { kind: "subjectsAtLeast", count: 1001 },
  ],
};
// Art. 7(iii) alone (and not (i), (ii) or (iv)) gives the final report 60 days (Art. 8(2)).
const APPI_ART_7_III: Condition = { kind: "incidentTypeAny", types: ["CYBERATTACK", "INTERNAL_FRAUD"] };

// Enforcement Rules Art. 8(1): the items of a report, given as far as known in the preliminary one.
const APPI_ART_8 = [
  { key: "overview", label: "Overview of the situation" },
  { key: "items", label: "Items of personal data leaked, lost or damaged (or possibly so)" },
  { key: "number", label: "Number of persons whose data is concerned" },
  { key: "cause", label: "Cause" },
  { key: "secondaryDamage", label: "Whether there is secondary damage or a risk of it, and what" },
  { key: "persons", label: "Response to the persons concerned" },
  { key: "publication", label: "Whether and how the matter has been made public" },
  { key: "prevention", label: "Measures to prevent recurrence" },
  { key: "other", label: "Other matters for reference" },
] as const;

const PIPA_2023: InForce = {
  from: "2023-09-15",
  zone: "Asia/Seoul",
  note: "PIPA as amended by Act No. 19234 and its Enforcement Decree, in force 15 September 2023 (one rule for online and offline controllers).",
};

const PIPA_SOURCES = [
  {
    url: "https://www.law.go.kr/LSW/eng/engLsSc.do?menuId=2&query=PERSONAL%20INFORMATION%20PROTECTION%20ACT",
    retrieved: RETRIEVED,
    title: "Personal Information Protection Act (Korea Legislation Research Institute, English)",
  },
  { url: "https://www.pipc.go.kr/eng/", retrieved: RETRIEVED, title: "Personal Information Protection Commission" },
] as const;

const KR = { kind: "jurisdictionAny", codes: ["KR"] } as const;

const PIPA_34_1 = [
  { key: "items", label: "Items of personal information leaked" },
  { key: "when", label: "When and how the leak occurred" },
  { key: "minimise", label: "What the data subject can do to minimise damage" },
  { key: "measures", label: "The controller's response and remedial measures" },
  { key: "helpdesk", label: "Help desk and contact for reporting damage" },
] as const;

export const ASIA_RULES: RuleGroup = {
  group: "asia",
  version: "2026-12-02.2",
  rules: [
    {
      // Art. 26(1) proviso: an entrusted party (the BPO) that tells the entrusting business
      // operator is freed from its own report; "promptly", no figure: the contract's hours.
      id: "jp-appi-26-trustee",
      regime: "Japan (APPI)",
      citation: "APPI Art. 26(1) proviso; Enforcement Rules Art. 9",
      title: "Entrusted party's notice to the entrusting business operator",
      party: "BPO",
      recipient: "The client (entrusting business operator)",
      when: [{ kind: "personalData" }, JP, { kind: "notEncrypted" }, APPI_ART_7],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS", noStatutoryLimit: true },
      inForce: APPI_2022,
      content: APPI_ART_8,
      sources: [...APPI_SOURCES],
      note: '"Promptly" (速やかに): no figure in law; the contract\'s notice hours are the working target.',
    },
    {
      // Art. 8(1): the preliminary report "promptly"; the PPC's guidelines read that as about 3–5
      // days from knowing. Working target: 3 business days in Japan (3 to 5 calendar days across a
      // weekend, longer across Golden Week or New Year).
      id: "jp-appi-26-preliminary",
      regime: "Japan (APPI)",
      citation: "APPI Art. 26(1); Enforcement Rules Art. 7, 8(1)",
      title: "Preliminary report to the Personal Information Protection Commission (by the business operator)",
      party: "CLIENT",
      recipient: "Personal Information Protection Commission (PPC), online form",
      when: [{ kind: "personalData" }, JP, { kind: "notEncrypted" }, APPI_ART_7],
      clock: {
        start: "AWARENESS",
        amount: 3,
        unit: "BUSINESS_DAYS",
        zone: "Asia/Tokyo",
        holidays: "JP_NATIONAL",
        noStatutoryLimit: true,
      },
      inForce: APPI_2022,
      content: APPI_ART_8,
      sources: [...APPI_SOURCES],
      note: "The persons concerned must also be told promptly (Art. 26(2)). Only the items known so far go in the preliminary report.",
    },
    {
      id: "jp-appi-26-final",
      regime: "Japan (APPI)",
      citation: "APPI Art. 26(1); Enforcement Rules Art. 8(2)",
      title: "Final report to the Personal Information Protection Commission (by the business operator)",
      party: "CLIENT",
      recipient: "Personal Information Protection Commission (PPC), online form",
      when: [
        { kind: "personalData" },
        JP,
        { kind: "notEncrypted" },
        {
          kind: "anyOf",
          conditions: [
            { kind: "categoryAny", categories: ["HEALTH", "LEGAL_PRIVILEGED"] },
            { kind: "categoryAny", categories: ["PAYMENT_CARD", "FINANCIAL", "CREDENTIALS"] },
            { kind: "subjectsAtLeast", count: 1001 },
          ],
        },
      ],
      clock: { start: "AWARENESS", amount: 30, unit: "CALENDAR_DAYS", zone: "Asia/Tokyo" },
      inForce: APPI_2022,
      content: APPI_ART_8,
      sources: [...APPI_SOURCES],
      note: "Within 30 days of knowing (Art. 7(i), (ii) or (iv)); 60 days where the leak may come from an act with a wrongful purpose (jp-appi-26-final-wrongful). When both apply the PPC allows 60 days; this 30-day clock is then the safe one.",
    },
    {
      id: "jp-appi-26-final-wrongful",
      regime: "Japan (APPI)",
      citation: "APPI Art. 26(1); Enforcement Rules Art. 7(iii), 8(2)",
      title: "Final report to the PPC, leak by an act with a wrongful purpose (by the business operator)",
      party: "CLIENT",
      recipient: "Personal Information Protection Commission (PPC), online form",
      when: [{ kind: "personalData" }, JP, { kind: "notEncrypted" }, APPI_ART_7_III],
      clock: { start: "AWARENESS", amount: 60, unit: "CALENDAR_DAYS", zone: "Asia/Tokyo" },
      inForce: APPI_2022,
      content: APPI_ART_8,
      sources: [...APPI_SOURCES],
      note: "Warden reads a cyberattack or internal fraud as a possible act with a wrongful purpose (unauthorised access, theft, taking out by an employee).",
    },
    {
      id: "kr-pipa-34-subjects",
      regime: "South Korea (PIPA)",
      citation: "PIPA Art. 34(1); Enforcement Decree Art. 39",
      title: "Notice to the data subjects of a leak (by the controller)",
      party: "CLIENT",
      recipient: "Data subjects affected",
      when: [{ kind: "personalData" }, KR],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", zone: "Asia/Seoul" },
      inForce: PIPA_2023,
      content: PIPA_34_1,
      unconfirmed:
        "72 hours read from the Enforcement Decree as amended in 2023 (Art. 39) in an English summary, not the Korean text.",
      sources: [...PIPA_SOURCES],
      note: "Where contact details are unknown, a posting on the website for at least 30 days.",
    },
    {
      id: "kr-pipa-34-pipc",
      regime: "South Korea (PIPA)",
      citation: "PIPA Art. 34(3); Enforcement Decree Art. 40",
      title: "Report of a leak to the PIPC or KISA (by the controller)",
      party: "CLIENT",
      recipient: "Personal Information Protection Commission or Korea Internet & Security Agency",
      when: [
        { kind: "personalData" },
        KR,
        {
          kind: "anyOf",
          conditions: [
            { kind: "subjectsAtLeast", count: 1000 },
            { kind: "categoryAny", categories: ["HEALTH"] },
            { kind: "incidentTypeAny", types: ["CYBERATTACK"] },
          ],
        },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", zone: "Asia/Seoul" },
      inForce: PIPA_2023,
      content: PIPA_34_1,
      unconfirmed:
        "Thresholds (1,000 or more subjects; sensitive or unique identifying information; unlawful external access) and 72 hours read from an English summary of Enforcement Decree Art. 40.",
      sources: [...PIPA_SOURCES],
      note: "Unique identifying information (resident registration numbers etc.) also triggers the report; Warden has no category for it. Not needed where measures (retrieval, deletion) remove the risk. A 2026 amendment (notice on becoming aware of a possible breach; remedies in the content) is not encoded: its date in force is not confirmed.",
    },
    {
      id: "cn-pipl-57",
      regime: "China (PIPL)",
      citation: "PIPL Art. 57",
      title: "Notice to the authorities and the individuals of a leak (by the personal information handler)",
      party: "CLIENT",
      recipient: "Departments fulfilling personal information protection duties; individuals",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["CN"] }],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS", noStatutoryLimit: true },
      inForce: { from: "2021-11-01", zone: "Asia/Shanghai" },
      content: [
        { key: "categories", label: "Categories of personal information involved, cause and possible harm" },
        { key: "remedial", label: "Remedial measures taken by the handler" },
        { key: "individuals", label: "Measures individuals can take to mitigate harm" },
        { key: "contact", label: "Contact method of the handler" },
      ],
      sources: [
        {
          url: "http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml",
          retrieved: RETRIEVED,
          title: "中华人民共和国个人信息保护法 (PIPL), Art. 57",
        },
      ],
      note: '"Immediately" (立即): no figure in law; 24 hours is the working target unless your organization sets one. Individuals need not be told where measures avoid harm, unless the authorities require it. Network operators may also owe the CAC\'s incident reports (hours), not modelled here.',
    },
    {
      id: "ph-dpa-npc-16-03",
      regime: "Philippines (DPA)",
      citation: "Data Privacy Act s. 20(f); NPC Circular 16-03 ss. 11, 17",
      title: "Notification of a personal data breach to the NPC and the data subjects (by the controller)",
      party: "CLIENT",
      recipient: "National Privacy Commission; data subjects affected",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: ["PH"] },
        { kind: "risk", atLeast: "HIGH_RISK" },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", zone: "Asia/Manila" },
      inForce: {
        from: "2016-12-15",
        zone: "Asia/Manila",
        note: "NPC Circular 16-03 dated 15 December 2016.",
      },
      content: [
        { key: "nature", label: "Nature of the breach and the personal data involved" },
        { key: "subjects", label: "Data subjects affected, approximately" },
        { key: "measures", label: "Measures taken to address the breach and reduce harm" },
        { key: "contact", label: "Name and contact details of the data protection officer" },
      ],
      unconfirmed:
        "The Circular is dated 15 December 2016 and takes effect 15 days after publication (one secondary source dates that 5 October 2018); encoded from its date, the earlier reading.",
      sources: [
        {
          url: "https://privacy.gov.ph/memorandum-circulars/npc-circular-16-03-personal-data-breach-management/",
          retrieved: RETRIEVED,
          title: "NPC Circular 16-03: Personal Data Breach Management",
        },
        { url: "https://privacy.gov.ph/data-privacy-act/", retrieved: RETRIEVED, title: "Data Privacy Act of 2012" },
      ],
      note: "Notifiable when sensitive personal information, or information that may enable identity fraud, is reasonably believed acquired by an unauthorised person and the breach is likely to give rise to a real risk of serious harm: Warden's 'high risk'. Within 72 hours of knowledge or reasonable belief.",
    },
  ],
};
