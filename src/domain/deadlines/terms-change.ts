import { isSettled } from "./obligation-status";
import type { ComputedObligation } from "./obligations";

// What a change of a client's terms would do to one incident's obligations, before it is made:
// the due times that move, the obligations that appear or go, the ones that would become
// overdue, and the settled ones that would look late under the new terms. Pure.

export type StoredObligation = {
  ruleId: string;
  title: string;
  citation: string;
  active: boolean;
  status: string;
  dueAt: Date | null;
  deliveredAt: Date | null;
  settledDueAt: Date | null;
};

export type ObligationChange = {
  ruleId: string;
  title: string;
  citation: string;
  change: "MOVED" | "ADDED" | "RETIRED";
  oldDue: Date | null;
  newDue: Date | null;
  settled: boolean;
  /** Unsettled, not overdue now, and overdue at once under the new terms. */
  newlyOverdue: boolean;
  /** Settled on time under the terms then in force, and after the new due time. */
  settledOnTimeThen: boolean;
};

const ms = (d: Date | null) => d?.getTime() ?? null;

type NextObligation = Pick<ComputedObligation, "ruleId" | "title" | "citation" | "dueAt">;

export function termsChangeFor(
  stored: readonly StoredObligation[],
  next: { obligations: readonly NextObligation[] },
  now: Date,
): ObligationChange[] {
  const byRule = new Map(stored.map((s) => [s.ruleId, s]));
  const out: ObligationChange[] = [];
  const applying = new Set<string>();
  for (const o of next.obligations) {
    applying.add(o.ruleId);
    const row = byRule.get(o.ruleId);
    const was = row?.active ? row : undefined;
    if (was && ms(was.dueAt) === ms(o.dueAt)) continue;
    const settled = row ? isSettled(row.status) : false;
    const dueThen = row?.settledDueAt ?? was?.dueAt ?? null;
    out.push({
      ruleId: o.ruleId,
      title: o.title,
      citation: o.citation,
      change: was ? "MOVED" : "ADDED",
      oldDue: was?.dueAt ?? null,
      newDue: o.dueAt,
      settled,
      newlyOverdue: !settled && !!o.dueAt && o.dueAt < now && !(was?.dueAt && was.dueAt < now),
      settledOnTimeThen:
        settled &&
        !!row?.deliveredAt &&
        !!o.dueAt &&
        row.deliveredAt > o.dueAt &&
        !!dueThen &&
        row.deliveredAt <= dueThen,
    });
  }
  for (const row of stored) {
    if (!row.active || applying.has(row.ruleId)) continue;
    out.push({
      ruleId: row.ruleId,
      title: row.title,
      citation: row.citation,
      change: "RETIRED",
      oldDue: row.dueAt,
      newDue: null,
      settled: isSettled(row.status),
      newlyOverdue: false,
      settledOnTimeThen: false,
    });
  }
  return out;
}

export type SettlementTiming = "ON_TIME" | "ON_TIME_UNDER_EARLIER_TERMS" | "LATE";

/**
 * Whether a settled obligation was delivered on time. Judged against the due time in force when
 * it was settled (settledDueAt, kept when the client's terms later moved it): a notice sent on
 * time is not made late by a contract changed afterwards, nor made on time by one loosened.
 */
export function settlementTiming(o: {
  status: string;
  deliveredAt: Date | null;
  dueAt: Date | null;
  settledDueAt: Date | null;
}): SettlementTiming | null {
  if (!isSettled(o.status) || !o.deliveredAt) return null;
  const then = o.settledDueAt ?? o.dueAt;
  if (!then) return null;
  if (o.deliveredAt > then) return "LATE";
  return o.dueAt && o.deliveredAt > o.dueAt ? "ON_TIME_UNDER_EARLIER_TERMS" : "ON_TIME";
}

export const SETTLED_ON_TIME_THEN = "Settled on time under the terms then in force";
