import "server-only";
import type { Tx } from "../../db";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { obligationsFor } from "@/domain/deadlines/obligations";
import { currentRuleset, rulesetLabels, stampLabel, type Ruleset } from "@/domain/deadlines/ruleset";
import type { ClientTerms, IncidentFacts, Unit } from "@/domain/deadlines/types";
import { withOverrides } from "@/domain/deadlines/overrides";
import type { DataCategory } from "@/domain/incident/types";
import type { Client, Incident } from "@/generated/prisma/client";
import { isSettled } from "@/domain/deadlines/obligation-status";

export function factsOf(i: Incident): IncidentFacts {
  return {
    occurredAt: i.occurredAt,
    detectedAt: i.detectedAt,
    awareAt: i.awareAt,
    dataCategories: i.dataCategories as DataCategory[],
    jurisdictions: i.jurisdictions,
    dataSubjectsCount: i.dataSubjectsCount,
    subjectsByJurisdiction: (i.subjectsByJurisdiction as Record<string, number> | null) ?? undefined,
    dataEncrypted: i.dataEncrypted,
    risk: i.risk,
    riskAssessedAt: i.riskAssessedAt,
    nis2Significant: i.nis2Significant,
    doraMajor: i.doraMajor,
    doraClassifiedAt: i.doraClassifiedAt,
    secMaterial: i.secMaterial,
    secDeterminedAt: i.secDeterminedAt,
    incidentType: i.type,
  };
}

export function termsOf(c: Client): ClientTerms {
  return {
    timeZone: c.timeZone,
    noticeHours: c.noticeHours,
    noticeBusinessHoursOnly: c.noticeBusinessHoursOnly,
    hipaaCoveredEntity: c.hipaaCoveredEntity,
    doraFinancialEntity: c.doraFinancialEntity,
    nis2Entity: c.nis2Entity,
    secRegistrant: c.secRegistrant,
    handlesCardData: c.handlesCardData,
    glbaFinancialInstitution: c.glbaFinancialInstitution,
    nydfsCoveredEntity: c.nydfsCoveredEntity,
    regSpCoveredInstitution: c.regSpCoveredInstitution,
    telecomCarrier: c.telecomCarrier,
  };
}

/** When each obligation was actually filed or sent: the start of the next clock in a chain. */
async function filingTimes(tx: Tx, incidentId: string): Promise<Record<string, Date>> {
  const rows = await tx.obligation.findMany({
    where: { incidentId },
    select: {
      ruleId: true,
      filings: { select: { filedAt: true }, orderBy: { filedAt: "asc" }, take: 1 },
      notices: { where: { sentAt: { not: null } }, select: { sentAt: true }, orderBy: { sentAt: "asc" }, take: 1 },
    },
  });
  const out: Record<string, Date> = {};
  for (const r of rows) {
    const times = [r.filings[0]?.filedAt, r.notices[0]?.sentAt].filter((d): d is Date => !!d);
    if (times.length) out[r.ruleId] = new Date(Math.min(...times.map((d) => d.getTime())));
  }
  return out;
}

/**
 * The obligations the incident's facts call for under its client's terms (current ones, or the
 * `terms` given: a preview of a change) and the rules of `ruleset` (those Warden ships unless
 * given), beside the rows stored for it. Writes nothing.
 */
export async function planObligations(
  tx: Tx,
  incident: Incident,
  terms?: ClientTerms,
  ruleset: Ruleset = currentRuleset(),
) {
  const given = terms ?? termsOf(await tx.client.findUniqueOrThrow({ where: { id: incident.clientId } }));
  // the organization's working target for laws that fix no time (Clock.noStatutoryLimit)
  const client =
    given.workingTargetHours !== undefined
      ? given
      : {
          ...given,
          workingTargetHours: (
            await tx.organization.findUniqueOrThrow({
              where: { id: incident.organizationId },
              select: { workingTargetHours: true },
            })
          ).workingTargetHours,
        };
  const overrides = await tx.ruleOverride.findMany({ where: { organizationId: incident.organizationId } });
  const rules = withOverrides(
    ruleset.rules,
    overrides.map((o) => ({ ruleId: o.ruleId, amount: o.amount, unit: o.unit as Unit, note: o.note })),
  );
  const { obligations, notApplicable } = obligationsFor(
    factsOf(incident),
    client,
    rules,
    await filingTimes(tx, incident.id),
  );
  const stored = await tx.obligation.findMany({ where: { incidentId: incident.id }, orderBy: { ruleId: "asc" } });
  return { obligations, notApplicable, stored };
}

/** A person's action, or Warden itself (a job: no one to name in the incident's audit entry). */
export type SyncContext = ServiceContext | { now: Date; viewer?: undefined };

// ObligationRevision.cause is 200 characters
const causeText = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * Recomputes the incident's obligations from its current facts, inside the caller's transaction.
 * New ones are added; changed ones are updated with a revision kept; ones that no longer apply
 * are kept inactive. Decisions already taken (sent, filed, waived…) are never undone here.
 * Each row keeps the version of its rule it was computed with, and the incident the rule set
 * (IncidentRuleset). `causeFor` names a revision's cause per rule (a rule change); a job's run
 * (no viewer) writes no audit entry here: the job writes its own.
 */
export async function syncObligations(
  tx: Tx,
  ctx: SyncContext,
  incident: Incident,
  cause: string,
  opts: { termsChanged?: boolean; ruleset?: Ruleset; causeFor?: (ruleId: string) => string | undefined } = {},
): Promise<{ added: number; changed: number; retired: number }> {
  const ruleset = opts.ruleset ?? currentRuleset();
  const { obligations, notApplicable, stored } = await planObligations(tx, incident, undefined, ruleset);
  const existing = new Map(stored.map((o) => [o.ruleId, o]));
  const versionOf = (ruleId: string) => {
    const stamp = ruleset.stamps.get(ruleId);
    return stamp ? stampLabel(stamp) : null;
  };
  const why = (ruleId: string) => causeText(opts.causeFor?.(ruleId) ?? cause);
  let added = 0;
  let changed = 0;
  let retired = 0;

  for (const o of obligations) {
    const row = existing.get(o.ruleId);
    const data = {
      regime: o.regime,
      citation: o.citation,
      title: o.title,
      party: o.party,
      recipient: o.recipient,
      applicability: o.applicability,
      dueAt: o.dueAt,
      startsAt: o.startsAt,
      basis: o.basis,
      explanation: o.explanation,
      unconfirmed: o.unconfirmed,
      ruleVersion: versionOf(o.ruleId),
      active: true,
    };
    if (!row) {
      const created = await tx.obligation.create({
        data: { ...data, incidentId: incident.id, ruleId: o.ruleId, createdAt: ctx.now },
      });
      await tx.obligationRevision.create({
        data: {
          obligationId: created.id,
          at: ctx.now,
          applicability: o.applicability,
          dueAt: o.dueAt,
          basis: o.basis,
          explanation: o.explanation,
          cause: why(o.ruleId),
        },
      });
      added += 1;
      continue;
    }
    const same =
      row.active &&
      row.applicability === o.applicability &&
      row.basis === o.basis &&
      row.explanation === o.explanation &&
      (row.dueAt?.getTime() ?? null) === (o.dueAt?.getTime() ?? null);
    if (same) {
      // a new version of its rule that computes the same: recorded, no revision (nothing moved)
      if (row.ruleVersion !== data.ruleVersion)
        await tx.obligation.update({ where: { id: row.id }, data: { ruleVersion: data.ruleVersion } });
      continue;
    }
    // The client's terms moved the due time of a settled obligation: keep the one it was settled
    // under, so a notice sent on time is judged by the terms then in force (the first move wins).
    const keepDue =
      opts.termsChanged &&
      isSettled(row.status) &&
      row.settledDueAt === null &&
      row.dueAt &&
      row.dueAt.getTime() !== o.dueAt?.getTime();
    await tx.obligation.update({ where: { id: row.id }, data: keepDue ? { ...data, settledDueAt: row.dueAt } : data });
    await tx.obligationRevision.create({
      data: {
        obligationId: row.id,
        at: ctx.now,
        applicability: o.applicability,
        dueAt: o.dueAt,
        basis: o.basis,
        explanation: o.explanation,
        cause: why(o.ruleId),
      },
    });
    changed += 1;
  }
  for (const o of notApplicable) {
    const row = existing.get(o.ruleId);
    if (!row || !row.active) continue;
    await tx.obligation.update({
      where: { id: row.id },
      data: {
        active: false,
        applicability: "NOT_APPLICABLE",
        explanation: o.explanation,
        basis: "",
        ruleVersion: versionOf(o.ruleId),
      },
    });
    await tx.obligationRevision.create({
      data: {
        obligationId: row.id,
        at: ctx.now,
        applicability: "NOT_APPLICABLE",
        dueAt: null,
        basis: "",
        explanation: o.explanation,
        cause: why(o.ruleId),
      },
    });
    retired += 1;
  }
  // A rule Warden no longer has (withdrawn or renamed): its row stays, inactive, for the record;
  // any decision on it (sent, filed, waived…) is kept as it was.
  const known = new Set([...obligations, ...notApplicable].map((o) => o.ruleId));
  for (const row of existing.values()) {
    if (known.has(row.ruleId) || !row.active) continue;
    const explanation = `No longer a rule Warden applies (rule "${row.ruleId}" was withdrawn or renamed); kept for the record.`;
    await tx.obligation.update({
      where: { id: row.id },
      data: { active: false, applicability: "NOT_APPLICABLE", explanation, basis: "" },
    });
    await tx.obligationRevision.create({
      data: {
        obligationId: row.id,
        at: ctx.now,
        applicability: "NOT_APPLICABLE",
        dueAt: null,
        basis: "",
        explanation,
        cause: why(row.ruleId),
      },
    });
    retired += 1;
  }
  await recordRuleset(tx, incident.id, ruleset, ctx.now);
  if ((added || changed || retired) && ctx.viewer) {
    await auditIncident(tx, ctx, incident, "obligations.recompute", { cause, added, changed, retired });
  }
  return { added, changed, retired };
}

/** Keeps the rule set the incident was computed with (written only when it differs). */
async function recordRuleset(tx: Tx, incidentId: string, ruleset: Ruleset, now: Date) {
  const kept = await tx.incidentRuleset.findUnique({ where: { incidentId }, select: { fingerprint: true } });
  if (kept?.fingerprint === ruleset.fingerprint) return;
  const data = { fingerprint: ruleset.fingerprint, rules: rulesetLabels(ruleset), computedAt: now };
  await tx.incidentRuleset.upsert({ where: { incidentId }, create: { incidentId, ...data }, update: data });
}
