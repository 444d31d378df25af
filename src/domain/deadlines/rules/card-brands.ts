import type { InForce, RuleGroup } from "../types";

// Card-brand programme rules (contractual, through the acquirer), not law.

const PCI_IN_FORCE: InForce = {
  from: "2004-12-15",
  zone: "UTC",
  note: "Card-brand programme rules: dated from PCI DSS 1.0; not confirmed in a primary text.",
};

export const CARD_BRAND_RULES: RuleGroup = {
  group: "card-brands",
  version: "2026-12-02.1",
  rules: [
    {
      id: "pci-visa",
      regime: "PCI DSS / Visa",
      citation: "PCI DSS 12.10; Visa What To Do If Compromised",
      title: "Notice to Visa through the acquirer (by the client)",
      party: "CLIENT",
      recipient: "Visa (via the acquirer)",
      when: [
        { kind: "clientFlag", flag: "handlesCardData" },
        { kind: "categoryAny", categories: ["PAYMENT_CARD"] },
      ],
      clock: { start: "AWARENESS", amount: 3, unit: "CALENDAR_DAYS" },
      inForce: PCI_IN_FORCE,
      content: [{ key: "compromise", label: "Description of the suspected or confirmed compromise" }],
      unconfirmed: "Required content fields not confirmed in a primary text.",
      sources: [
        {
          url: "https://usa.visa.com/dam/VCOM/global/support-legal/documents/cisp-what-to-do-if-compromised.pdf",
          retrieved: "2026-12-02",
          title: "Visa, What To Do If Compromised",
        },
        {
          url: "https://www.pcisecuritystandards.org/document_library/",
          retrieved: "2026-12-02",
          title: "PCI DSS v4.0.1, Requirement 12.10",
        },
      ],
    },
    {
      id: "pci-mastercard",
      regime: "PCI DSS / Mastercard",
      citation: "PCI DSS 12.10; Mastercard Account Data Compromise guide",
      title: "Notice to Mastercard (by the client)",
      party: "CLIENT",
      recipient: "Mastercard",
      when: [
        { kind: "clientFlag", flag: "handlesCardData" },
        { kind: "categoryAny", categories: ["PAYMENT_CARD"] },
      ],
      clock: { start: "AWARENESS", amount: 24, unit: "HOURS" },
      inForce: PCI_IN_FORCE,
      content: [{ key: "compromise", label: "Description of the suspected or confirmed compromise" }],
      unconfirmed: "Required content fields not confirmed in a primary text.",
      sources: [
        {
          url: "https://www.mastercard.us/content/dam/public/mastercardcom/na/global-site/documents/account-data-compromise-manual.pdf",
          retrieved: "2026-12-02",
          title: "Mastercard, Account Data Compromise User Guide",
        },
        {
          url: "https://www.pcisecuritystandards.org/document_library/",
          retrieved: "2026-12-02",
          title: "PCI DSS v4.0.1, Requirement 12.10",
        },
      ],
    },
  ],
};
