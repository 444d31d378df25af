// The incident vocabulary. Plain data; the database enums mirror these lists.

export const INCIDENT_TYPES = [
  "CYBERATTACK",
  "DATA_BREACH",
  "ACCIDENTAL_LEAK",
  "SYSTEM_FAILURE",
  "NATURAL_DISASTER",
  "INTERNAL_FRAUD",
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PHASES = ["IDENTIFY", "CONTAIN", "INVESTIGATE", "RESOLVE", "REPORT", "POST_MORTEM", "CLOSED"] as const;
/** Every phase but the last. Queries name them (phase = ANY(...)) so an index can serve "open". */
export const OPEN_PHASES = PHASES.filter((p) => p !== "CLOSED");
export type Phase = (typeof PHASES)[number];

export const RESOLUTIONS = ["RESOLVED", "FALSE_POSITIVE"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const DATA_CATEGORIES = [
  "PERSONAL",
  "HEALTH",
  "PAYMENT_CARD",
  "FINANCIAL",
  "CREDENTIALS",
  "LEGAL_PRIVILEGED",
  "OPERATIONAL_ONLY",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const TYPE_LABEL: Record<IncidentType, string> = {
  CYBERATTACK: "Cyberattack",
  DATA_BREACH: "Data breach",
  ACCIDENTAL_LEAK: "Accidental leak",
  SYSTEM_FAILURE: "System failure",
  NATURAL_DISASTER: "Natural disaster",
  INTERNAL_FRAUD: "Internal fraud",
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const PHASE_LABEL: Record<Phase, string> = {
  IDENTIFY: "Identify",
  CONTAIN: "Contain",
  INVESTIGATE: "Investigate",
  RESOLVE: "Resolve",
  REPORT: "Report",
  POST_MORTEM: "Post-mortem",
  CLOSED: "Closed",
};

export const DATA_CATEGORY_LABEL: Record<DataCategory, string> = {
  PERSONAL: "Personal data",
  HEALTH: "Health data (PHI, special category)",
  PAYMENT_CARD: "Payment card data",
  FINANCIAL: "Financial account data",
  CREDENTIALS: "Credentials",
  LEGAL_PRIVILEGED: "Legal / privileged",
  OPERATIONAL_ONLY: "Operational data only (no personal data)",
};

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}
