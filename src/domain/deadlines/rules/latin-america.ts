import type { InForce, RuleGroup } from "../types";

// Brazil: LGPD Art. 48 with the ANPD's Security Incident Communication Regulation (Resolution
// CD/ANPD 15/2024). Its periods are "dias úteis": business days in Brasília time without Brazil's
// national holidays (holidays.ts says which days those are and why Carnival is not among them).
// Sources read 2026-12-02.

const RETRIEVED = "2026-12-02";

// Resolution CD/ANPD 15 of 24 April 2024, published and in force 26 April 2024.
const RES_15: InForce = {
  from: "2024-04-26",
  zone: "America/Sao_Paulo",
  note: "Resolution CD/ANPD 15/2024, published in the Diário Oficial and in force on 26 April 2024.",
};
// Art. 48 in force with the rest of the LGPD on 18 September 2020, "prazo razoável" until then.
const LGPD_BEFORE_RES_15: InForce = {
  from: "2020-09-18",
  until: "2024-04-25",
  zone: "America/Sao_Paulo",
  note: 'LGPD in force 18 September 2020; Art. 48 said "em prazo razoável" and set no figure until Resolution 15/2024.',
};

const LGPD_SOURCES = [
  {
    url: "https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm",
    retrieved: RETRIEVED,
    title: "Lei 13.709/2018 (LGPD), Art. 48",
  },
  {
    url: "https://www.in.gov.br/en/web/dou/-/resolucao-cd/anpd-n-15-de-24-de-abril-de-2024-556243024",
    retrieved: RETRIEVED,
    title: "Resolução CD/ANPD nº 15, de 24 de abril de 2024 (Regulamento de Comunicação de Incidente de Segurança)",
  },
] as const;

// LGPD Art. 48 §1: what the communication must at least contain.
const ART_48_1 = [
  { key: "nature", label: "Nature of the personal data affected (Art. 48 §1 I)" },
  { key: "subjects", label: "The data subjects involved (Art. 48 §1 II)" },
  { key: "measures", label: "Technical and security measures used to protect the data (Art. 48 §1 III)" },
  { key: "risks", label: "Risks related to the incident (Art. 48 §1 IV)" },
  { key: "delay", label: "Reasons for any delay in communicating (Art. 48 §1 V)" },
  { key: "mitigation", label: "Measures taken or to be taken to reverse or mitigate the effects (Art. 48 §1 VI)" },
] as const;

// "risco ou dano relevante aos titulares": Warden's "risk" and above (Res. 15 Art. 5 lists the
// kinds of data and impact that make it relevant).
const RELEVANT_RISK = { kind: "risk", atLeast: "RISK" } as const;
const BR = { kind: "jurisdictionAny", codes: ["BR"] } as const;

export const LATIN_AMERICA_RULES: RuleGroup = {
  group: "latin-america",
  version: "2026-12-02.1",
  rules: [
    {
      id: "br-lgpd-48-anpd",
      regime: "Brazil (LGPD)",
      citation: "LGPD Art. 48; Resolution CD/ANPD 15/2024, Art. 6",
      title: "Communication of a security incident to the ANPD (by the controller)",
      party: "CLIENT",
      recipient: "Autoridade Nacional de Proteção de Dados (ANPD), electronic form",
      when: [{ kind: "personalData" }, BR, RELEVANT_RISK],
      clock: {
        start: "AWARENESS",
        amount: 3,
        unit: "BUSINESS_DAYS",
        zone: "America/Sao_Paulo",
        holidays: "BR_NATIONAL",
      },
      inForce: RES_15,
      content: ART_48_1,
      sources: [...LGPD_SOURCES],
      note: "3 business days from the controller's knowledge that the incident affected personal data; doubled for small processing agents (Resolution CD/ANPD 2/2022). A sector law's own period prevails.",
    },
    {
      id: "br-lgpd-48-anpd",
      regime: "Brazil (LGPD)",
      citation: "LGPD Art. 48",
      title: "Communication of a security incident to the ANPD (by the controller)",
      party: "CLIENT",
      recipient: "Autoridade Nacional de Proteção de Dados (ANPD)",
      when: [{ kind: "personalData" }, BR, RELEVANT_RISK],
      clock: {
        start: "AWARENESS",
        amount: 2,
        unit: "BUSINESS_DAYS",
        zone: "America/Sao_Paulo",
        holidays: "BR_NATIONAL",
        noStatutoryLimit: true,
      },
      inForce: LGPD_BEFORE_RES_15,
      content: ART_48_1,
      sources: [LGPD_SOURCES[0]],
      note: '"Em prazo razoável": no figure in law. Working target 2 business days, as the ANPD suggested before Resolution 15/2024.',
    },
    {
      id: "br-lgpd-48-titulares",
      regime: "Brazil (LGPD)",
      citation: "LGPD Art. 48; Resolution CD/ANPD 15/2024, Art. 9",
      title: "Communication of a security incident to the data subjects (by the controller)",
      party: "CLIENT",
      recipient: "Data subjects affected (individually where possible; otherwise a public notice kept 90 days)",
      when: [{ kind: "personalData" }, BR, RELEVANT_RISK],
      clock: {
        start: "AWARENESS",
        amount: 3,
        unit: "BUSINESS_DAYS",
        zone: "America/Sao_Paulo",
        holidays: "BR_NATIONAL",
      },
      inForce: RES_15,
      content: [
        { key: "plain", label: "Clear, simple language; the incident and the personal data affected" },
        { key: "risks", label: "Risks and possible consequences for the data subjects" },
        { key: "measures", label: "Measures taken and recommended to mitigate the effects" },
        { key: "contact", label: "Contact of the controller's data protection officer" },
      ],
      unconfirmed: "Content fields summarised from Resolution 15/2024 Art. 9 as reported; not checked word for word.",
      sources: [...LGPD_SOURCES],
    },
    {
      id: "br-lgpd-48-titulares",
      regime: "Brazil (LGPD)",
      citation: "LGPD Art. 48",
      title: "Communication of a security incident to the data subjects (by the controller)",
      party: "CLIENT",
      recipient: "Data subjects affected",
      when: [{ kind: "personalData" }, BR, RELEVANT_RISK],
      clock: {
        start: "AWARENESS",
        amount: 2,
        unit: "BUSINESS_DAYS",
        zone: "America/Sao_Paulo",
        holidays: "BR_NATIONAL",
        noStatutoryLimit: true,
      },
      inForce: LGPD_BEFORE_RES_15,
      content: ART_48_1,
      sources: [LGPD_SOURCES[0]],
      note: '"Em prazo razoável": no figure in law before Resolution 15/2024; working target 2 business days.',
    },
    {
      id: "br-lgpd-48-complement",
      regime: "Brazil (LGPD)",
      citation: "Resolution CD/ANPD 15/2024, Art. 6 §2",
      title: "Complementary information to the ANPD (by the controller)",
      party: "CLIENT",
      recipient: "Autoridade Nacional de Proteção de Dados (ANPD)",
      when: [{ kind: "personalData" }, BR, RELEVANT_RISK],
      clock: {
        start: "PREVIOUS_FILING",
        after: "br-lgpd-48-anpd",
        amount: 20,
        unit: "BUSINESS_DAYS",
        zone: "America/Sao_Paulo",
        holidays: "BR_NATIONAL",
      },
      inForce: RES_15,
      content: [{ key: "complement", label: "Information not available at the first communication, completed" }],
      unconfirmed: "The paragraph number (Art. 6 §2) is as reported in summaries of the Resolution.",
      sources: [LGPD_SOURCES[1]],
      note: "Within 20 business days of the communication, when it was partial.",
    },
  ],
};
