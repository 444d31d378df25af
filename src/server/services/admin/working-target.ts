import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { attempt, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { lockAsAdministrator } from "./admin-lock";
import { syncObligations } from "../obligations/sync-obligations";
import { RULES } from "@/domain/deadlines/rules";
import type { WorkingTargetInput } from "@/lib/validation/working-target";

/**
 * An administrator sets the organization's working target for notices clients owe under laws
 * that fix no time; open incidents with such an obligation are recomputed in the same
 * transaction (closed ones keep what was computed then).
 */
export async function setWorkingTarget(
  ctx: ServiceContext,
  input: WorkingTargetInput,
): Promise<Result<{ recomputed: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "clients");
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: ctx.viewer.organizationId },
        select: { workingTargetHours: true },
      });
      if (before.workingTargetHours === input.hours) return { recomputed: 0 };
      await tx.organization.update({
        where: { id: ctx.viewer.organizationId },
        data: { workingTargetHours: input.hours },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "organization.working_target",
        entityType: "Organization",
        entityId: ctx.viewer.organizationId,
        changes: { workingTargetHours: { before: before.workingTargetHours, after: input.hours } },
      });
      const ruleIds = [
        ...new Set(RULES.filter((r) => r.clock.noStatutoryLimit && r.party === "CLIENT").map((r) => r.id)),
      ];
      const open = ruleIds.length
        ? await tx.incident.findMany({
            where: {
              organizationId: ctx.viewer.organizationId,
              phase: { not: "CLOSED" },
              obligations: { some: { ruleId: { in: ruleIds }, active: true } },
            },
            orderBy: { id: "asc" },
          })
        : [];
      for (const incident of open) await syncObligations(tx, ctx, incident, "working target changed");
      return { recomputed: open.length };
    }),
  );
}
