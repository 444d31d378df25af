import type { InForce, RuleGroup } from "../types";

// The contract clock: the BPO's notice to its client, with the figures recorded on the client.

const IN_FORCE_CONTRACT: InForce = {
  from: "1970-01-01",
  zone: "UTC",
  note: "The contract's terms as recorded on the client.",
};

export const CONTRACT_RULES: RuleGroup = {
  group: "contract",
  version: "2026-12-02.1",
  rules: [
    {
      id: "contract",
      regime: "Contract",
      citation: "Client contract notice clause",
      title: "Notice to the client under the contract",
      party: "BPO",
      recipient: "The client",
      when: [],
      contract: true,
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS" },
      inForce: IN_FORCE_CONTRACT,
      content: [
        { key: "summary", label: "What happened and when we became aware" },
        { key: "dataAffected", label: "Data and systems affected, numbers so far" },
        { key: "measures", label: "Containment and next steps" },
        { key: "contact", label: "Our incident contact" },
      ],
      sources: [
        {
          url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
          retrieved: "2026-12-02",
          title: "GDPR Art. 28(3)(f): the processor contract binds the processor to assist with Arts. 32\u201336",
        },
        {
          url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.504",
          retrieved: "2026-12-02",
          title: "45 CFR 164.504(e)(2)(ii)(C): the business associate contract requires breach reporting",
        },
      ],
    },
  ],
};
