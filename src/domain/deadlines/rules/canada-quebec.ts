import type { RuleGroup } from "../types";

// Québec: the Act respecting the protection of personal information in the private sector as
// amended by Law 25 (Act 64 of 2021); confidentiality incidents from 22 September 2022. Sources
// read 2026-12-02.

const RETRIEVED = "2026-12-02";

export const CANADA_QUEBEC_RULES: RuleGroup = {
  group: "canada-quebec",
  version: "2026-12-02.1",
  rules: [
    {
      id: "ca-qc-law25",
      regime: "Québec (Law 25)",
      citation: "Act respecting the protection of personal information in the private sector (CQLR c. P-39.1), s. 3.5",
      title: "Notice of a confidentiality incident to the CAI and the persons concerned (by the enterprise)",
      party: "CLIENT",
      recipient: "Commission d'accès à l'information; persons whose information is concerned",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: ["CA-QC"] },
        { kind: "risk", atLeast: "HIGH_RISK" },
      ],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", zone: "America/Toronto", noStatutoryLimit: true },
      inForce: {
        from: "2022-09-22",
        zone: "America/Toronto",
        note: "Section 3.5 in force 22 September 2022 (Law 25, first stage).",
      },
      content: [
        { key: "description", label: "Description of the personal information involved" },
        { key: "circumstances", label: "Brief description of the circumstances of the incident" },
        { key: "date", label: "Date or period of the incident, or an approximation" },
        { key: "number", label: "Number of persons concerned (and in Québec), or an approximation" },
        { key: "measures", label: "Measures taken or planned to reduce the risk of injury" },
        { key: "contact", label: "Contact person for the incident" },
      ],
      unconfirmed:
        "Content fields from the Regulation respecting confidentiality incidents (s. 3) as summarised by the CAI.",
      sources: [
        {
          url: "https://www.legisquebec.gouv.qc.ca/en/document/cs/P-39.1",
          retrieved: RETRIEVED,
          title: "CQLR c. P-39.1, s. 3.5",
        },
        {
          url: "https://www.legisquebec.gouv.qc.ca/en/document/cr/P-39.1,%20r.%203.1",
          retrieved: RETRIEVED,
          title: "Regulation respecting confidentiality incidents (CQLR c. P-39.1, r. 3.1)",
        },
      ],
      note: '"Promptly" where the incident presents a risk of serious injury (Warden\'s high risk); no figure in law: 72 hours is the working target unless your organization sets one. Every incident must be entered in the register (s. 3.8). A person in Québec is recorded as CA-QC; add CA too for PIPEDA.',
    },
  ],
};
