import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadObligation } from "./load-obligation";
import { syncObligations } from "./sync-obligations";
import { isSettled } from "@/domain/deadlines/obligation-status";
import { can } from "@/domain/access/can";

function assertOpen(status: string) {
  if (isSettled(status) && status !== "NOT_REQUIRED") {
    fail("REFUSED", "This obligation is already settled.");
  }
}

/**
 * Settles an obligation by decision: NOT_REQUIRED (anyone who drafts notices, with the reason,
 * e.g. the risk assessment) or WAIVED (a manager, who is recorded as the approver).
 */
async function decide(ctx: ServiceContext, input: { obligationId: string; reason: string }, status: "NOT_REQUIRED" | "WAIVED"): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const o = await loadObligation(tx, ctx, input.obligationId);
      if (status === "WAIVED" && !can(ctx.viewer, "notice:approve", o.incident)) fail("REFUSED", "Only a manager may waive an obligation.");
      if (status === "NOT_REQUIRED" && !can(ctx.viewer, "notice:draft", o.incident)) fail("REFUSED", "You may not decide on notices.");
      assertOpen(o.status);
      await tx.obligation.update({ where: { id: o.id }, data: { status, decisionReason: input.reason, decidedById: ctx.viewer.userId, decidedAt: ctx.now } });
      await auditIncident(tx, ctx, o.incident, status === "WAIVED" ? "obligation.waive" : "obligation.not_required", { ruleId: o.ruleId, status: { before: o.status, after: status }, reason: input.reason }, { type: "Obligation", id: o.id });
      return null;
    }),
  );
}

export function markObligationNotRequired(ctx: ServiceContext, input: { obligationId: string; reason: string }): Promise<Result<null>> {
  return decide(ctx, input, "NOT_REQUIRED");
}

export function waiveObligation(ctx: ServiceContext, input: { obligationId: string; reason: string }): Promise<Result<null>> {
  return decide(ctx, input, "WAIVED");
}

/** Records a filing made outside Warden; it settles the obligation and starts chained clocks. */
export async function recordExternalFiling(
  ctx: ServiceContext,
  input: { obligationId: string; filedBy: "CLIENT" | "BPO"; filedAt: Date; reference: string; document?: string | null },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const o = await loadObligation(tx, ctx, input.obligationId);
      if (!can(ctx.viewer, "notice:draft", o.incident)) fail("REFUSED", "You may not record filings.");
      if (input.filedAt.getTime() > ctx.now.getTime() + 5 * 60_000) fail("VALIDATION_FAILED", "Check the highlighted field.", { fieldErrors: { filedAt: ["This is in the future."] } });
      if (input.filedAt < o.incident.awareAt) fail("VALIDATION_FAILED", "Check the highlighted field.", { fieldErrors: { filedAt: ["A filing cannot be before we became aware of the incident."] } });
      const filing = await tx.externalFiling.create({
        data: { obligationId: o.id, filedBy: input.filedBy, filedAt: input.filedAt, reference: input.reference, document: input.document ?? null, recordedById: ctx.viewer.userId, createdAt: ctx.now },
      });
      const settle = !["SENT", "ACKNOWLEDGED", "FILED"].includes(o.status);
      const deliveredAt = o.deliveredAt && o.deliveredAt < input.filedAt ? o.deliveredAt : input.filedAt;
      await tx.obligation.update({
        where: { id: o.id },
        data: settle ? { status: "FILED", decidedById: ctx.viewer.userId, decidedAt: ctx.now, deliveredAt } : { deliveredAt },
      });
      await auditIncident(tx, ctx, o.incident, "obligation.filing", { ruleId: o.ruleId, filedBy: input.filedBy, filedAt: input.filedAt.toISOString(), reference: input.reference, document: input.document ?? null }, { type: "Obligation", id: o.id });
      await syncObligations(tx, ctx, o.incident, `filing recorded for ${o.ruleId}`);
      return { id: filing.id };
    }),
  );
}
