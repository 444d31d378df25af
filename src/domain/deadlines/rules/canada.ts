import type { RuleGroup } from "../types";

// Canada: PIPEDA (federal private sector).

export const CANADA_RULES: RuleGroup = {
  group: "canada",
  version: "2026-12-02.2",
  rules: [
    {
      id: "ca-pipeda",
      regime: "Canada (PIPEDA)",
      citation: "PIPEDA s. 10.1",
      title: "Report to the Privacy Commissioner and notice to individuals (by the client)",
      party: "CLIENT",
      recipient: "Office of the Privacy Commissioner; individuals",
      when: [
        { kind: "personalData" },
        { kind: "jurisdictionAny", codes: ["CA"] },
        { kind: "risk", atLeast: "HIGH_RISK" },
      ],
      clock: { start: "DETERMINATION", amount: 72, unit: "HOURS", noStatutoryLimit: true },
      inForce: { from: "2018-11-01", zone: "America/Toronto" },
      content: [
        { key: "circumstances", label: "Circumstances of the breach" },
        { key: "period", label: "Date or period of the breach" },
        { key: "information", label: "Personal information involved" },
        { key: "number", label: "Number of individuals affected" },
        { key: "steps", label: "Steps taken to reduce the risk of harm" },
        { key: "contact", label: "Contact person" },
      ],
      note: '"As soon as feasible" after determining a real risk of significant harm; every breach must be recorded.',
      sources: [
        {
          url: "https://laws-lois.justice.gc.ca/eng/acts/P-8.6/page-2.html",
          retrieved: "2026-12-02",
          title: "PIPEDA s. 10.1",
        },
        {
          url: "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2018-64/FullText.html",
          retrieved: "2026-12-02",
          title: "Breach of Security Safeguards Regulations, SOR/2018-64",
        },
      ],
    },
  ],
};
