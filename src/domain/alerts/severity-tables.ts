import type { Severity } from "@/domain/incident/types";

// How each tool's own severity becomes Warden's. Data, tested as tables (tests/unit/alert-mappings.test.ts).

/**
 * Wazuh rule levels 0–15 (Wazuh's rules classification): 0–6 are notifications, low-relevance
 * and user errors → LOW; 7–9 ("bad word" matches, first-time-seen events, errors from invalid
 * sources) → MEDIUM; 10–12 (multiple user errors, integrity warnings, high-importance events)
 * → HIGH; 13–15 (unusual high-importance errors, high-importance security events, severe
 * attacks) → CRITICAL. Levels above 15 (none in the stock ruleset) count as CRITICAL.
 */
export function wazuhSeverity(level: number): Severity {
  if (level >= 13) return "CRITICAL";
  if (level >= 10) return "HIGH";
  if (level >= 7) return "MEDIUM";
  return "LOW";
}

/** Elastic Security rule severities, and Splunk ES urgencies, by name. */
export const NAMED_SEVERITY: Readonly<Record<string, Severity>> = {
  informational: "LOW",
  info: "LOW",
  low: "LOW",
  medium: "MEDIUM",
  moderate: "MEDIUM",
  high: "HIGH",
  critical: "CRITICAL",
  // Splunk's saved-search alert.severity names (1 debug … 6 fatal)
  debug: "LOW",
  warn: "MEDIUM",
  warning: "MEDIUM",
  error: "HIGH",
  severe: "HIGH",
  fatal: "CRITICAL",
};

/** Splunk's numeric alert.severity: 1 debug, 2 info, 3 warn, 4 error, 5 severe, 6 fatal. */
export function splunkNumericSeverity(n: number): Severity {
  if (n >= 6) return "CRITICAL";
  if (n >= 4) return "HIGH";
  if (n === 3) return "MEDIUM";
  return "LOW";
}

/** Elastic's risk score 0–100, by the bands Elastic itself pairs with severities (21, 47, 73, 99). */
export function elasticRiskSeverity(score: number): Severity {
  if (score >= 74) return "CRITICAL";
  if (score >= 48) return "HIGH";
  if (score >= 22) return "MEDIUM";
  return "LOW";
}

/** Microsoft Sentinel incident severities: Informational, Low, Medium, High. */
export const SENTINEL_SEVERITY: Readonly<Record<string, Severity>> = {
  informational: "LOW",
  low: "LOW",
  medium: "MEDIUM",
  high: "HIGH",
};
