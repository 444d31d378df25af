// The choices of the incident's assessment, named once for its form and for the page that shows
// what was determined.

export const RISK_OPTIONS = [
  { value: "UNASSESSED", label: "Not assessed yet" },
  { value: "UNLIKELY", label: "Unlikely to result in a risk" },
  { value: "RISK", label: "A risk" },
  { value: "HIGH_RISK", label: "A high risk" },
] as const;

export const riskLabel = (risk: string): string => RISK_OPTIONS.find((o) => o.value === risk)?.label ?? risk;
