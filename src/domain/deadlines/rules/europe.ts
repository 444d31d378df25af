import type { InForce, RuleGroup } from "../types";

// GDPR, UK GDPR, NIS2 and DORA.

const GDPR_33_3 = [
  {
    key: "nature",
    label: "Nature of the breach, categories and approximate number of data subjects and records (Art. 33(3)(a))",
  },
  { key: "contact", label: "Name and contact details of the DPO or other contact point (Art. 33(3)(b))" },
  { key: "consequences", label: "Likely consequences of the breach (Art. 33(3)(c))" },
  { key: "measures", label: "Measures taken or proposed, including to mitigate its effects (Art. 33(3)(d))" },
] as const;

const EEA_AND_UK = ["GB"];

const GDPR_IN_FORCE: InForce = { from: "2018-05-25", zone: "Europe/Brussels" };
const UK_GDPR_IN_FORCE: InForce = {
  from: "2018-05-25",
  zone: "Europe/London",
  note: "The GDPR applied in the UK from 25 May 2018; the UK GDPR continues it from 1 January 2021.",
};
const NIS2_IN_FORCE: InForce = {
  from: "2024-10-18",
  zone: "Europe/Brussels",
  note: "Member states apply NIS2 from 18 October 2024 (Art. 41); the national transposition decides in practice.",
};
const DORA_IN_FORCE: InForce = { from: "2025-01-17", zone: "Europe/Brussels" };

export const EUROPE_RULES: RuleGroup = {
  group: "europe",
  version: "2026-12-02.2",
  rules: [
    {
      id: "gdpr-33-2",
      regime: "GDPR",
      citation: "GDPR Art. 33(2)",
      title: "Processor notice to the controller",
      party: "BPO",
      recipient: "Controller (the client)",
      when: [{ kind: "personalData" }, { kind: "jurisdictionEU" }],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS", noStatutoryLimit: true },
      inForce: GDPR_IN_FORCE,
      content: GDPR_33_3,
      note: 'No risk threshold: every personal data breach. "Without undue delay", no time fixed: counted against the client\'s contract notice window.',
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
          retrieved: "2026-12-02",
          title: "Regulation (EU) 2016/679 (GDPR), Art. 33",
        },
      ],
    },
    {
      id: "gdpr-33",
      regime: "GDPR",
      citation: "GDPR Art. 33(1)",
      title: "Notification to the supervisory authority (filed by the client)",
      party: "CLIENT",
      recipient: "Supervisory authority",
      when: [{ kind: "personalData" }, { kind: "jurisdictionEU" }, { kind: "risk", atLeast: "RISK" }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
      inForce: GDPR_IN_FORCE,
      content: GDPR_33_3,
      note: "Not needed when the breach is unlikely to result in a risk; late notice must give reasons; may be given in phases (33(4)).",
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
          retrieved: "2026-12-02",
          title: "Regulation (EU) 2016/679 (GDPR), Art. 33",
        },
      ],
    },
    {
      id: "gdpr-34",
      regime: "GDPR",
      citation: "GDPR Art. 34",
      title: "Communication to the data subjects (by the client)",
      party: "CLIENT",
      recipient: "Data subjects",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionEU" },
        { kind: "risk", atLeast: "HIGH_RISK" },
        { kind: "notEncrypted" },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", noStatutoryLimit: true },
      inForce: GDPR_IN_FORCE,
      content: [
        { key: "nature", label: "Nature of the breach, in plain language" },
        { key: "contact", label: "Contact point (Art. 33(3)(b))" },
        { key: "consequences", label: "Likely consequences (Art. 33(3)(c))" },
        { key: "measures", label: "Measures taken or proposed (Art. 33(3)(d))" },
      ],
      note: "Exempt under 34(3) when the data was unintelligible (encrypted), later measures remove the high risk, or effort is disproportionate (then a public notice).",
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
          retrieved: "2026-12-02",
          title: "Regulation (EU) 2016/679 (GDPR), Art. 34",
        },
      ],
    },
    {
      id: "uk-gdpr-33",
      regime: "UK GDPR",
      citation: "UK GDPR Art. 33",
      title: "Notification to the ICO (filed by the client)",
      party: "CLIENT",
      recipient: "Information Commissioner's Office",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: EEA_AND_UK },
        { kind: "risk", atLeast: "RISK" },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
      inForce: UK_GDPR_IN_FORCE,
      content: GDPR_33_3,
      note: "Telecoms providers under PECR: 24 hours.",
      sources: [
        {
          url: "https://www.legislation.gov.uk/eur/2016/679/article/33",
          retrieved: "2026-12-02",
          title: "UK GDPR Art. 33",
        },
      ],
    },
    {
      id: "uk-gdpr-34",
      regime: "UK GDPR",
      citation: "UK GDPR Art. 34",
      title: "Communication to individuals in the UK (by the client)",
      party: "CLIENT",
      recipient: "Data subjects",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: EEA_AND_UK },
        { kind: "risk", atLeast: "HIGH_RISK" },
        { kind: "notEncrypted" },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", noStatutoryLimit: true },
      inForce: UK_GDPR_IN_FORCE,
      content: GDPR_33_3,
      sources: [
        {
          url: "https://www.legislation.gov.uk/eur/2016/679/article/34",
          retrieved: "2026-12-02",
          title: "UK GDPR Art. 34",
        },
      ],
    },
    {
      id: "nis2-23-early",
      regime: "NIS2",
      citation: "NIS2 Art. 23(4)(a)",
      title: "Early warning to the CSIRT (by the client)",
      party: "CLIENT",
      recipient: "CSIRT / competent authority",
      when: [{ kind: "clientFlag", flag: "nis2Entity" }, { kind: "nis2Significant" }],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS" },
      inForce: NIS2_IN_FORCE,
      content: [
        { key: "malicious", label: "Whether the incident is suspected of being caused by unlawful or malicious acts" },
        { key: "crossBorder", label: "Whether it could have a cross-border impact" },
      ],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
          retrieved: "2026-12-02",
          title: "Directive (EU) 2022/2555 (NIS2), Art. 23",
        },
      ],
    },
    {
      id: "nis2-23-notification",
      regime: "NIS2",
      citation: "NIS2 Art. 23(4)(b)",
      title: "Incident notification to the CSIRT (by the client)",
      party: "CLIENT",
      recipient: "CSIRT / competent authority",
      when: [{ kind: "clientFlag", flag: "nis2Entity" }, { kind: "nis2Significant" }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
      inForce: NIS2_IN_FORCE,
      content: [
        { key: "assessment", label: "Initial assessment: severity and impact" },
        { key: "iocs", label: "Indicators of compromise, where available" },
      ],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
          retrieved: "2026-12-02",
          title: "Directive (EU) 2022/2555 (NIS2), Art. 23",
        },
      ],
    },
    {
      id: "nis2-23-final",
      regime: "NIS2",
      citation: "NIS2 Art. 23(4)(d)",
      title: "Final report to the CSIRT (by the client)",
      party: "CLIENT",
      recipient: "CSIRT / competent authority",
      when: [{ kind: "clientFlag", flag: "nis2Entity" }, { kind: "nis2Significant" }],
      clock: { start: "PREVIOUS_FILING", after: "nis2-23-notification", amount: 1, unit: "MONTHS" },
      inForce: NIS2_IN_FORCE,
      content: [
        { key: "description", label: "Detailed description, severity and impact" },
        { key: "rootCause", label: "Type of threat or root cause" },
        { key: "mitigation", label: "Mitigation measures applied and ongoing" },
        { key: "crossBorder", label: "Cross-border impact, if any" },
      ],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
          retrieved: "2026-12-02",
          title: "Directive (EU) 2022/2555 (NIS2), Art. 23",
        },
      ],
    },
    {
      id: "dora-19-initial",
      regime: "DORA",
      citation: "DORA Art. 19; RTS 2025/301",
      title: "Initial notification of a major ICT incident (by the client)",
      party: "CLIENT",
      recipient: "Competent authority",
      when: [{ kind: "clientFlag", flag: "doraFinancialEntity" }, { kind: "doraMajor" }],
      clock: {
        start: "CLASSIFICATION",
        amount: 4,
        unit: "HOURS",
        noLaterThan: { start: "AWARENESS", amount: 24, unit: "HOURS" },
      },
      inForce: DORA_IN_FORCE,
      content: [
        { key: "reference", label: "Incident reference; detection and classification times" },
        { key: "description", label: "Description of the incident and classification criteria met" },
        { key: "memberStates", label: "Member states affected" },
        { key: "origin", label: "How it was discovered and its origin" },
        { key: "continuity", label: "Whether the business continuity plan was activated" },
      ],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj",
          retrieved: "2026-12-02",
          title: "Regulation (EU) 2022/2554 (DORA), Art. 19",
        },
        {
          url: "https://eur-lex.europa.eu/eli/reg_del/2025/301/oj",
          retrieved: "2026-12-02",
          title: "Delegated Regulation (EU) 2025/301, Art. 5",
        },
      ],
    },
    {
      id: "dora-19-intermediate",
      regime: "DORA",
      citation: "DORA Art. 19(4)(b)",
      title: "Intermediate report (by the client)",
      party: "CLIENT",
      recipient: "Competent authority",
      when: [{ kind: "clientFlag", flag: "doraFinancialEntity" }, { kind: "doraMajor" }],
      clock: { start: "PREVIOUS_FILING", after: "dora-19-initial", amount: 72, unit: "HOURS" },
      inForce: DORA_IN_FORCE,
      content: [{ key: "update", label: "Status update, impact and measures" }],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj",
          retrieved: "2026-12-02",
          title: "Regulation (EU) 2022/2554 (DORA), Art. 19",
        },
        {
          url: "https://eur-lex.europa.eu/eli/reg_del/2025/301/oj",
          retrieved: "2026-12-02",
          title: "Delegated Regulation (EU) 2025/301, Art. 5",
        },
      ],
    },
    {
      id: "dora-19-final",
      regime: "DORA",
      citation: "DORA Art. 19(4)(c)",
      title: "Final report (by the client)",
      party: "CLIENT",
      recipient: "Competent authority",
      when: [{ kind: "clientFlag", flag: "doraFinancialEntity" }, { kind: "doraMajor" }],
      clock: { start: "PREVIOUS_FILING", after: "dora-19-intermediate", amount: 1, unit: "MONTHS" },
      inForce: DORA_IN_FORCE,
      content: [
        { key: "rootCause", label: "Root cause analysis" },
        { key: "measures", label: "Measures taken and lessons learned" },
      ],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj",
          retrieved: "2026-12-02",
          title: "Regulation (EU) 2022/2554 (DORA), Art. 19",
        },
        {
          url: "https://eur-lex.europa.eu/eli/reg_del/2025/301/oj",
          retrieved: "2026-12-02",
          title: "Delegated Regulation (EU) 2025/301, Art. 5",
        },
      ],
    },
  ],
};
