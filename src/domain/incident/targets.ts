import type { Severity } from "./types";

// Internal response targets, by severity: how soon after awareness an incident should be
// contained (moved to Investigate) and resolved (moved to Report). Data, so a BPO can tune them.

export type Targets = { containHours: number; resolveHours: number };

export const TARGETS: Readonly<Record<Severity, Targets>> = {
  CRITICAL: { containHours: 4, resolveHours: 72 },
  HIGH: { containHours: 24, resolveHours: 7 * 24 },
  MEDIUM: { containHours: 72, resolveHours: 14 * 24 },
  LOW: { containHours: 7 * 24, resolveHours: 30 * 24 },
};
