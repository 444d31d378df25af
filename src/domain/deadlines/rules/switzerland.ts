import type { InForce, RuleGroup } from "../types";

// Switzerland: the revised Federal Act on Data Protection (revFADP), in force 1 September 2023.
// Art. 24 says "as soon as possible" and gives no figure. Sources read 2026-12-02.

const RETRIEVED = "2026-12-02";

const REV_FADP: InForce = {
  from: "2023-09-01",
  zone: "Europe/Zurich",
  note: "The revised FADP (SR 235.1) in force 1 September 2023; the former Act had no breach notification duty.",
};

const SOURCES = [
  {
    url: "https://www.fedlex.admin.ch/eli/cc/2022/491/en",
    retrieved: RETRIEVED,
    title: "Federal Act on Data Protection (FADP), SR 235.1, Art. 24",
  },
  {
    url: "https://www.edoeb.admin.ch/en/data-security-breach-reporting",
    retrieved: RETRIEVED,
    title: "FDPIC: reporting a data security breach",
  },
] as const;

const CH = { kind: "jurisdictionAny", codes: ["CH"] } as const;

export const SWITZERLAND_RULES: RuleGroup = {
  group: "switzerland",
  version: "2026-12-02.1",
  rules: [
    {
      id: "ch-fadp-24-processor",
      regime: "Switzerland (revFADP)",
      citation: "FADP Art. 24(3)",
      title: "Processor's report of a data security breach to the controller",
      party: "BPO",
      recipient: "The client (controller)",
      when: [{ kind: "personalData" }, CH],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS", noStatutoryLimit: true },
      inForce: REV_FADP,
      content: [
        { key: "nature", label: "Nature of the breach, as far as possible" },
        { key: "consequences", label: "Its consequences" },
        { key: "measures", label: "Measures taken or planned" },
      ],
      sources: [...SOURCES],
      note: '"As soon as possible" and without a risk threshold: every breach. No figure in law; the contract\'s notice hours are the working target.',
    },
    {
      id: "ch-fadp-24",
      regime: "Switzerland (revFADP)",
      citation: "FADP Art. 24(1)–(2); Data Protection Ordinance Art. 15",
      title: "Report of a data security breach to the FDPIC (by the controller)",
      party: "CLIENT",
      recipient: "Federal Data Protection and Information Commissioner (FDPIC)",
      when: [{ kind: "personalData" }, CH, { kind: "risk", atLeast: "HIGH_RISK" }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", noStatutoryLimit: true },
      inForce: REV_FADP,
      content: [
        { key: "nature", label: "Nature of the breach, categories and approximate number of persons and data" },
        { key: "consequences", label: "Consequences, including the risks for the persons concerned" },
        { key: "measures", label: "Measures taken or planned to remedy the breach and mitigate its consequences" },
        { key: "contact", label: "Name and contact details of a contact person" },
      ],
      sources: [...SOURCES],
      note: '"As soon as possible" when the breach is likely to result in a high risk to the personality or fundamental rights of the persons concerned. No figure in law: 72 hours (the GDPR\'s) is the working target unless your organization sets one. Persons concerned are told when necessary for their protection or the FDPIC requires it (Art. 24(4)).',
    },
  ],
};
