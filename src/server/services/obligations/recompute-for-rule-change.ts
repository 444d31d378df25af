import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { lockIncident } from "../incidents/common";
import { syncObligations } from "./sync-obligations";
import {
  currentRuleset,
  describeRuleChange,
  ruleChanges,
  type RuleChange,
  type Ruleset,
} from "@/domain/deadlines/ruleset";

export const RULE_CHANGE_ACTOR = { id: null, label: "Warden rule update" } as const;

export type RuleRecompute = { candidates: number; recomputed: number; recorded: number; failed: number };

/**
 * Open incidents whose obligations were computed with other rules than `ruleset` (or before the
 * rules were recorded): closed ones keep what was computed then, and are never looked at.
 */
async function candidates(ruleset: Ruleset, organizationId?: string): Promise<string[]> {
  const rows = await db().incident.findMany({
    where: {
      phase: { not: "CLOSED" },
      erasedAt: null,
      ...(organizationId ? { organizationId } : {}),
      OR: [{ ruleset: null }, { ruleset: { fingerprint: { not: ruleset.fingerprint } } }],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

/**
 * One incident under its lock: recomputed with `ruleset`, each revision naming the change of its
 * own rule (or the rule changes that moved it: a chain counting from another rule), and one audit
 * entry naming every rule that changed, old → new version. An incident whose rules were never
 * recorded (computed before versions were kept) has them recorded, and an entry only if
 * something moved.
 */
async function recomputeOne(
  incidentId: string,
  ruleset: Ruleset,
  now: Date,
): Promise<"recomputed" | "recorded" | "skipped"> {
  return db().$transaction(async (tx) => {
    await lockIncident(tx, incidentId);
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, include: { ruleset: true } });
    if (!incident || incident.phase === "CLOSED" || incident.erasedAt) return "skipped";
    if (incident.ruleset?.fingerprint === ruleset.fingerprint) return "skipped";
    const kept = incident.ruleset ? (incident.ruleset.rules as Record<string, string>) : null;
    const changes: RuleChange[] = kept ? ruleChanges(kept, ruleset) : [];
    const byRule = new Map(changes.map((c) => [c.ruleId, c]));
    const summary = kept
      ? `rule change: ${changes.map((c) => c.ruleId).join(", ")}`
      : "rule versions recorded for the first time";
    const result = await syncObligations(tx, { now }, incident, summary, {
      ruleset,
      causeFor: (ruleId) => {
        const own = byRule.get(ruleId);
        return own ? describeRuleChange(own) : undefined;
      },
    });
    const moved = result.added + result.changed + result.retired > 0;
    if (kept || moved) {
      await appendAudit(tx, {
        organizationId: incident.organizationId,
        actor: RULE_CHANGE_ACTOR,
        action: "obligations.rule_change",
        entityType: "Incident",
        entityId: incident.id,
        incidentId: incident.id,
        changes: { rules: changes, firstRecord: !kept, ...result },
        at: now,
      });
    }
    return kept ? "recomputed" : "recorded";
  });
}

/**
 * After the rules changed (a release, a group's version bumped): the obligations of every open
 * incident computed with other rules are recomputed; one failure does not stop the rest.
 * Idempotent: a second run finds every open incident at the current rules and does nothing.
 */
export async function recomputeForRuleChange(
  now: Date,
  opts: {
    ruleset?: Ruleset;
    organizationId?: string;
    onError?: (incidentId: string, error: unknown) => void;
  } = {},
): Promise<RuleRecompute> {
  const ruleset = opts.ruleset ?? currentRuleset();
  const ids = await candidates(ruleset, opts.organizationId);
  const run: RuleRecompute = { candidates: ids.length, recomputed: 0, recorded: 0, failed: 0 };
  for (const id of ids) {
    try {
      const outcome = await recomputeOne(id, ruleset, now);
      if (outcome === "recomputed") run.recomputed += 1;
      if (outcome === "recorded") run.recorded += 1;
    } catch (error) {
      run.failed += 1;
      opts.onError?.(id, error);
    }
  }
  return run;
}
