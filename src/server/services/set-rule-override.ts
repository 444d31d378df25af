import "server-only";
import { db } from "../db";
import { appendAudit } from "../audit";
import { attempt, fail, type Result } from "./result";
import { auditContext, type ServiceContext } from "./context";
import { syncObligations } from "./obligations/sync-obligations";
import { can } from "@/domain/access/can";
import { ruleById } from "@/domain/deadlines/rules";
import type { Unit } from "@/domain/deadlines/types";

/**
 * An administrator sets the figure for a rule the reference marks UNCONFIRMED; open incidents'
 * obligations are recomputed with it in the same transaction.
 */
export async function setRuleOverride(
  ctx: ServiceContext,
  input: { ruleId: string; amount: number; unit: Unit; note: string },
): Promise<Result<{ recomputed: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "client:manage")) fail("REFUSED", "Only an administrator may change rule figures.");
      const rule = ruleById(input.ruleId);
      if (!rule || !rule.unconfirmed)
        fail("VALIDATION_FAILED", "Check the highlighted field.", {
          fieldErrors: { ruleId: ["Only rules marked unconfirmed can be changed."] },
        });
      const before = await tx.ruleOverride.findUnique({
        where: { organizationId_ruleId: { organizationId: ctx.viewer.organizationId, ruleId: rule.id } },
      });
      await tx.ruleOverride.upsert({
        where: { organizationId_ruleId: { organizationId: ctx.viewer.organizationId, ruleId: rule.id } },
        create: {
          organizationId: ctx.viewer.organizationId,
          ruleId: rule.id,
          amount: input.amount,
          unit: input.unit,
          note: input.note,
          updatedById: ctx.viewer.userId,
        },
        update: { amount: input.amount, unit: input.unit, note: input.note, updatedById: ctx.viewer.userId },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "rule.override",
        entityType: "Rule",
        entityId: rule.id,
        changes: {
          amount: { before: before?.amount ?? rule.clock.amount, after: input.amount },
          unit: { before: before?.unit ?? rule.clock.unit, after: input.unit },
          note: input.note,
        },
      });
      const open = await tx.incident.findMany({
        where: {
          organizationId: ctx.viewer.organizationId,
          phase: { not: "CLOSED" },
          obligations: { some: { ruleId: rule.id } },
        },
      });
      for (const incident of open)
        await syncObligations(tx, ctx, incident, `administrator changed the ${rule.id} figure`);
      return { recomputed: open.length };
    }),
  );
}
