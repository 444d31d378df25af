import type { InForce, RuleGroup } from "../types";

// The card brands beyond Visa and Mastercard: American Express and Discover. Brand programme
// rules, not law; their figures come from the brands' published pages. Sources read 2026-12-02.

const RETRIEVED = "2026-12-02";

const BRAND_IN_FORCE: InForce = {
  from: "2004-12-15",
  zone: "UTC",
  note: "Card-brand programme rules: dated from PCI DSS 1.0; the brands do not date their current figures.",
};

export const CARD_BRANDS_MORE_RULES: RuleGroup = {
  group: "card-brands-more",
  version: "2026-12-02.1",
  rules: [
    {
      id: "pci-amex",
      regime: "PCI DSS / American Express",
      citation: "American Express Data Security Operating Policy, s. 3 (Data Incident Management Obligations)",
      title: "Initial notice of a data incident to American Express (by the client)",
      party: "CLIENT",
      recipient: "American Express Enterprise Incident Response Program (EIRP)",
      when: [
        { kind: "clientFlag", flag: "handlesCardData" },
        { kind: "categoryAny", categories: ["PAYMENT_CARD"] },
      ],
      clock: { start: "DISCOVERY", amount: 72, unit: "HOURS" },
      inForce: BRAND_IN_FORCE,
      content: [
        { key: "contact", label: "Merchant and contact information" },
        { key: "data", label: "Types of data potentially affected (card number, CID, track data, PIN…)" },
        { key: "dates", label: "Date the incident occurred and date it was discovered" },
        { key: "description", label: "What happened" },
        { key: "forensics", label: "Whether a PCI Forensic Investigator was engaged" },
        { key: "disclosure", label: "Customers notified, public disclosure, law enforcement involved" },
      ],
      unconfirmed:
        "The current DSOP says 72 hours after discovery (Initial Notice Form to EIRP); some regional American Express pages still say 24 hours. Content fields from the Initial Notice Form.",
      sources: [
        {
          url: "https://www.aexp-static.com/cdaas/merchant-interactive-content/infopros/weboutput-international-Regs-latest/Topics/IMR-DSOP.htm",
          retrieved: RETRIEVED,
          title: "American Express Data Security Operating Policy (DSOP)",
        },
      ],
      note: "Then: investigate (a PCI Forensic Investigator may be required) and promptly provide all compromised American Express card numbers.",
    },
    {
      id: "pci-discover",
      regime: "PCI DSS / Discover",
      citation: "Discover Information Security & Compliance (DISC) programme",
      title: "Notice of a suspected or confirmed compromise to Discover (by the client)",
      party: "CLIENT",
      recipient: "Discover (through the acquirer, or Discover directly for direct merchants)",
      when: [
        { kind: "clientFlag", flag: "handlesCardData" },
        { kind: "categoryAny", categories: ["PAYMENT_CARD"] },
      ],
      clock: { start: "DISCOVERY", amount: 48, unit: "HOURS" },
      inForce: BRAND_IN_FORCE,
      content: [
        { key: "compromise", label: "Description of the suspected or confirmed compromise of Discover card data" },
      ],
      unconfirmed:
        "48 hours is not in Discover's published DISC pages (the operating regulations are not public); confirm the figure with the acquirer and set it here.",
      sources: [
        {
          url: "https://www.discoverglobalnetwork.com/solutions/pci-compliance/discover-information-security-compliance/",
          retrieved: RETRIEVED,
          title: "Discover Information Security & Compliance (DISC)",
        },
      ],
      note: "A merchant with a suspected or confirmed compromise of Discover card data becomes a Level 1 merchant under DISC.",
    },
  ],
};
