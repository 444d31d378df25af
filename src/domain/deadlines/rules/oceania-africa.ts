import type { RuleGroup } from "../types";

// New Zealand (Privacy Act 2020) and South Africa (POPIA). Neither law gives a figure: "as soon as
// practicable" and "as soon as reasonably possible". Sources read 2026-12-02.

const RETRIEVED = "2026-12-02";

const NZ_SOURCES = [
  {
    url: "https://www.legislation.govt.nz/act/public/2020/0031/latest/LMS23342.html",
    retrieved: RETRIEVED,
    title: "Privacy Act 2020, s. 114 (notification to the Commissioner)",
  },
  {
    url: "https://www.privacy.org.nz/responsibilities/privacy-breaches/",
    retrieved: RETRIEVED,
    title: "Office of the Privacy Commissioner: privacy breaches",
  },
] as const;

const ZA_SOURCES = [
  {
    url: "https://www.gov.za/documents/protection-personal-information-act",
    retrieved: RETRIEVED,
    title: "Protection of Personal Information Act 4 of 2013, ss. 21–22",
  },
  { url: "https://inforegulator.org.za/", retrieved: RETRIEVED, title: "Information Regulator (South Africa)" },
] as const;

const POPIA_IN_FORCE = {
  from: "2021-07-01",
  zone: "Africa/Johannesburg",
  note: "Sections 21–22 commenced 1 July 2020 with a year's grace: enforced from 1 July 2021.",
};

export const OCEANIA_AFRICA_RULES: RuleGroup = {
  group: "oceania-africa",
  version: "2026-12-02.1",
  rules: [
    {
      id: "nz-privacy-114",
      regime: "New Zealand (Privacy Act 2020)",
      citation: "Privacy Act 2020 ss. 114–115, 117",
      title: "Notification of a notifiable privacy breach to the Commissioner and the individuals (by the agency)",
      party: "CLIENT",
      recipient: "Privacy Commissioner (NotifyUs); affected individuals",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: ["NZ"] },
        { kind: "risk", atLeast: "HIGH_RISK" },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", zone: "Pacific/Auckland", noStatutoryLimit: true },
      inForce: { from: "2020-12-01", zone: "Pacific/Auckland", note: "Privacy Act 2020 in force 1 December 2020." },
      content: [
        { key: "description", label: "Description of the breach and the personal information involved" },
        { key: "number", label: "Number of individuals affected, if known" },
        { key: "cause", label: "Identity of any person believed to have obtained the information, if known" },
        { key: "steps", label: "Steps taken or intended in response, and what individuals can do" },
        { key: "contact", label: "Contact details for inquiries" },
      ],
      sources: [...NZ_SOURCES],
      note: "\"As soon as practicable\" after becoming aware of a breach that has caused or is likely to cause serious harm (Warden's high risk); the Commissioner's guidance expects notice within 72 hours, the working target here. An agency holding information for another (s. 11) — the BPO — is not the one that notifies.",
    },
    {
      id: "za-popia-21",
      regime: "South Africa (POPIA)",
      citation: "POPIA s. 21(2)",
      title: "Operator's notice to the responsible party",
      party: "BPO",
      recipient: "The client (responsible party)",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["ZA"] }],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS", noStatutoryLimit: true },
      inForce: POPIA_IN_FORCE,
      content: [{ key: "grounds", label: "The grounds to believe personal information was accessed or acquired" }],
      sources: [...ZA_SOURCES],
      note: '"Immediately" where there are reasonable grounds to believe personal information was accessed or acquired by an unauthorised person; no figure in law: the contract\'s notice hours are the working target.',
    },
    {
      id: "za-popia-22",
      regime: "South Africa (POPIA)",
      citation: "POPIA s. 22",
      title:
        "Notification of a security compromise to the Information Regulator and the data subjects (by the responsible party)",
      party: "CLIENT",
      recipient: "Information Regulator (eServices portal, form SCN1); data subjects",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["ZA"] }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", zone: "Africa/Johannesburg", noStatutoryLimit: true },
      inForce: POPIA_IN_FORCE,
      content: [
        { key: "consequences", label: "Possible consequences of the security compromise" },
        { key: "measures", label: "Measures the responsible party intends to take or has taken" },
        { key: "recommendation", label: "What the data subject can do to mitigate adverse effects" },
        { key: "identity", label: "Identity of the unauthorised person, if known" },
      ],
      sources: [...ZA_SOURCES],
      note: '"As soon as reasonably possible after the discovery", for any access or acquisition by an unauthorised person (no risk threshold); delay allowed only for law enforcement or to restore integrity. No figure in law: 72 hours is the working target unless your organization sets one.',
    },
  ],
};
