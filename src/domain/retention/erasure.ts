import { DateTime } from "luxon";

// When a closed incident's content is erased: the client's contract keeps it for N full years
// after closing, counted in the client's time zone; a legal hold on the incident or on its client
// keeps it for as long as the hold stands.

export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 50;
export const DEFAULT_RETENTION_YEARS = 6;

/**
 * The instant erasure becomes due: the start of the day after the Nth anniversary of the closing
 * date, in `zone`. Never earlier than N full years: a close on 29 February has its anniversary on
 * 28 February of a common year (the date is clamped), so erasure begins on 1 March.
 */
export function erasureDueAt(closedAt: Date, retentionYears: number, zone: string): Date {
  if (!Number.isInteger(retentionYears) || retentionYears < RETENTION_YEARS_MIN)
    throw new RangeError(`retention of ${retentionYears} years`);
  const closed = DateTime.fromJSDate(closedAt, { zone });
  if (!closed.isValid) throw new RangeError(`time zone ${zone}`);
  return closed.plus({ years: retentionYears }).startOf("day").plus({ days: 1 }).startOf("day").toJSDate();
}

export type RetentionFacts = {
  phase: string;
  closedAt: Date | null;
  erasedAt: Date | null;
  legalHoldAt: Date | null;
  client: { retentionYears: number; timeZone: string; legalHoldAt: Date | null };
};

export type ErasureVerdict =
  | { erasable: true; dueAt: Date }
  | { erasable: false; reason: "NOT_CLOSED" | "ALREADY_ERASED" }
  | { erasable: false; reason: "NOT_DUE" | "INCIDENT_HOLD" | "CLIENT_HOLD"; dueAt: Date };

/** May the incident be erased at `now`? A hold is named even before the due date (the preview lists held incidents). */
export function erasureVerdict(facts: RetentionFacts, now: Date): ErasureVerdict {
  if (facts.erasedAt) return { erasable: false, reason: "ALREADY_ERASED" };
  // a reopened incident is not closed (and its closing time is cleared): its clock starts again at its next close
  if (facts.phase !== "CLOSED" || !facts.closedAt) return { erasable: false, reason: "NOT_CLOSED" };
  const dueAt = erasureDueAt(facts.closedAt, facts.client.retentionYears, facts.client.timeZone);
  if (facts.legalHoldAt) return { erasable: false, reason: "INCIDENT_HOLD", dueAt };
  if (facts.client.legalHoldAt) return { erasable: false, reason: "CLIENT_HOLD", dueAt };
  if (now.getTime() < dueAt.getTime()) return { erasable: false, reason: "NOT_DUE", dueAt };
  return { erasable: true, dueAt };
}

export function isErasable(facts: RetentionFacts, now: Date): boolean {
  return erasureVerdict(facts, now).erasable;
}

/** The policy an erasure names, e.g. "Client retention: 6 years after closing (Acme Health contract)". */
export function erasurePolicy(client: {
  name: string;
  retentionYears: number;
  contractReference?: string | null;
}): string {
  const years = `${client.retentionYears} year${client.retentionYears === 1 ? "" : "s"}`;
  const contract = client.contractReference
    ? `${client.name} contract, ${client.contractReference}`
    : `${client.name} contract`;
  return `Client retention: ${years} after closing (${contract})`.slice(0, 300);
}
