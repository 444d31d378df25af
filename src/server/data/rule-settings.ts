import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";

/**
 * The organization's own deadline settings: the working target for laws that fix no time, and
 * the figures its administrators set for unconfirmed rules (by rule id).
 */
export async function ruleSettingsOf(viewer: Viewer): Promise<{
  workingTargetHours: number;
  overrides: Record<string, { amount: number; unit: string; note: string }>;
}> {
  const [org, overrides] = await Promise.all([
    db().organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: { workingTargetHours: true },
    }),
    db().ruleOverride.findMany({
      where: { organizationId: viewer.organizationId },
      select: { ruleId: true, amount: true, unit: true, note: true },
    }),
  ]);
  return {
    workingTargetHours: org.workingTargetHours,
    overrides: Object.fromEntries(overrides.map((o) => [o.ruleId, { amount: o.amount, unit: o.unit, note: o.note }])),
  };
}
