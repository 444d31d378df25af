// What a client of the BPO is, as the contract and the law see it.

export const SECTORS = [
  "HEALTHCARE",
  "FINANCE",
  "INSURANCE",
  "LEGAL",
  "RETAIL",
  "TELECOM",
  "PUBLIC_SECTOR",
  "OTHER",
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABEL: Record<Sector, string> = {
  HEALTHCARE: "Healthcare",
  FINANCE: "Finance",
  INSURANCE: "Insurance",
  LEGAL: "Legal",
  RETAIL: "Retail",
  TELECOM: "Telecom",
  PUBLIC_SECTOR: "Public sector",
  OTHER: "Other",
};

/** The flags that bring legal regimes in, with what each means. */
export const REGIME_FLAGS = {
  hipaaCoveredEntity: "HIPAA covered entity",
  doraFinancialEntity: "DORA financial entity",
  nis2Entity: "NIS2 entity",
  secRegistrant: "SEC registrant",
  handlesCardData: "Card data (PCI DSS)",
  glbaFinancialInstitution: "GLBA financial institution (FTC Safeguards Rule)",
  nydfsCoveredEntity: "NYDFS-regulated (23 NYCRR 500)",
  regSpCoveredInstitution: "Regulation S-P covered institution (SEC)",
  telecomCarrier: "Telecommunications carrier (FCC CPNI)",
} as const;
export type RegimeFlag = keyof typeof REGIME_FLAGS;
export const REGIME_FLAG_KEYS = Object.keys(REGIME_FLAGS) as RegimeFlag[];
