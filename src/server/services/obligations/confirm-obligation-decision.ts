import "server-only";
import { db, type Tx } from "../../db";
import { lockAuditChain } from "../../audit-lock";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadObligation } from "./load-obligation";
import { syncObligations } from "./sync-obligations";
import { assertFilingTime } from "./decide-obligation";
import { isSettled } from "@/domain/deadlines/obligation-status";
import { notifyProposer } from "./proposal-notifications";
import { can } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";
import {
  isProposalKind,
  proposalReview,
  readProposedFiling,
  type ProposalKind,
} from "@/domain/deadlines/obligation-proposal";

type Loaded = Awaited<ReturnType<typeof loadObligation>>;
type Proposal = { kind: ProposalKind; proposedById: string; proposedAt: Date; reason: string };

const CLEARED = {
  proposedStatus: null,
  proposalReason: null,
  proposedFiling: Prisma.DbNull,
  proposedById: null,
  proposedAt: null,
};

/**
 * Clears the proposal the reviewer saw (same proposer, same time): if it was decided or replaced
 * in the meantime, nothing is written twice.
 */
async function takeProposal(tx: Tx, o: Loaded, p: Proposal) {
  const { count } = await tx.obligation.updateMany({
    where: { id: o.id, proposedById: p.proposedById, proposedAt: p.proposedAt },
    data: CLEARED,
  });
  if (count !== 1) fail("CONFLICT", "Someone decided on this proposal a moment ago: reload to see it.");
}

/** A confirmed "not required" or waiver: the status the proposer asked for, both people recorded. */
async function applyDecision(
  tx: Tx,
  ctx: ServiceContext,
  o: Loaded,
  p: Proposal & { kind: "NOT_REQUIRED" | "WAIVED" },
) {
  if (isSettled(o.status) && o.status !== "NOT_REQUIRED")
    fail("REFUSED", "This obligation was settled since the decision was proposed: reject the proposal instead.");
  await tx.obligation.update({
    where: { id: o.id },
    data: {
      status: p.kind,
      decisionReason: p.reason,
      decidedById: p.proposedById,
      decidedAt: p.proposedAt,
      confirmedById: ctx.viewer.userId,
      confirmedAt: ctx.now,
    },
  });
  await auditIncident(
    tx,
    ctx,
    o.incident,
    p.kind === "WAIVED" ? "obligation.waive" : "obligation.not_required",
    { ruleId: o.ruleId, status: { before: o.status, after: p.kind }, reason: p.reason, proposedBy: p.proposedById },
    { type: "Obligation", id: o.id },
  );
}

/** A confirmed filing: recorded (by its proposer), it settles the obligation and starts chained clocks. */
async function applyFiling(tx: Tx, ctx: ServiceContext, o: Loaded, p: Proposal) {
  const f = readProposedFiling(o.proposedFiling);
  if (!f) fail("CONFLICT", "The proposed filing cannot be read: reject it and record it again.");
  const filedAt = new Date(f.filedAt);
  assertFilingTime(filedAt, o, ctx.now);
  await tx.externalFiling.create({
    data: {
      obligationId: o.id,
      filedBy: f.filedBy,
      filedAt,
      reference: f.reference,
      document: f.document,
      recordedById: p.proposedById,
      createdAt: p.proposedAt,
      confirmedById: ctx.viewer.userId,
      confirmedAt: ctx.now,
    },
  });
  const settle = !["SENT", "ACKNOWLEDGED", "FILED"].includes(o.status);
  const deliveredAt = o.deliveredAt && o.deliveredAt < filedAt ? o.deliveredAt : filedAt;
  await tx.obligation.update({
    where: { id: o.id },
    data: settle
      ? {
          status: "FILED",
          decidedById: p.proposedById,
          decidedAt: p.proposedAt,
          confirmedById: ctx.viewer.userId,
          confirmedAt: ctx.now,
          deliveredAt,
        }
      : { deliveredAt },
  });
  await auditIncident(
    tx,
    ctx,
    o.incident,
    "obligation.filing",
    { ruleId: o.ruleId, ...f, proposedBy: p.proposedById },
    { type: "Obligation", id: o.id },
  );
  await syncObligations(tx, ctx, o.incident, `filing recorded for ${o.ruleId}`);
}

/**
 * A second person who may approve notices confirms a proposed decision (it takes effect now) or
 * rejects it with a reason (the obligation is as it was: pending until decided otherwise). The
 * proposer may take back their own proposal but never confirm it; the attempt is audited.
 */
export async function reviewObligationDecision(
  ctx: ServiceContext,
  input: { obligationId: string; decision: "CONFIRM" | "REJECT"; reason?: string },
): Promise<Result<{ kind: ProposalKind }>> {
  const outcome = await attempt(() =>
    db().$transaction(async (tx): Promise<{ refused: string } | { kind: ProposalKind }> => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const o = await loadObligation(tx, ctx, input.obligationId);
      const verdict = proposalReview(
        o,
        { userId: ctx.viewer.userId, mayApprove: can(ctx.viewer, "notice:approve", o.incident) },
        input.decision,
      );
      if (!verdict.ok && verdict.self) {
        // refused, but the attempt itself is recorded: this transaction commits only the audit entry
        await auditIncident(
          tx,
          ctx,
          o.incident,
          "obligation.self_confirmation_refused",
          { ruleId: o.ruleId, kind: o.proposedStatus },
          { type: "Obligation", id: o.id },
        );
        return { refused: verdict.reason };
      }
      if (!verdict.ok) fail("REFUSED", verdict.reason);
      if (!isProposalKind(o.proposedStatus) || !o.proposedById || !o.proposedAt)
        fail("REFUSED", "Nothing awaits confirmation on this obligation.");
      const p: Proposal = {
        kind: o.proposedStatus,
        proposedById: o.proposedById,
        proposedAt: o.proposedAt,
        reason: o.proposalReason ?? "",
      };
      await takeProposal(tx, o, p);
      if (input.decision === "REJECT") {
        if (!input.reason)
          fail("VALIDATION_FAILED", "Check the highlighted field.", {
            fieldErrors: { reason: ["Say why the decision is rejected."] },
          });
        await auditIncident(
          tx,
          ctx,
          o.incident,
          "obligation.proposal_reject",
          { ruleId: o.ruleId, kind: p.kind, reason: input.reason, proposedBy: p.proposedById },
          { type: "Obligation", id: o.id },
        );
        if (p.proposedById !== ctx.viewer.userId)
          await notifyProposer(tx, ctx, o, p.proposedById, p.kind, "rejected", input.reason);
        return { kind: p.kind };
      }
      if (p.kind === "FILED") await applyFiling(tx, ctx, o, p);
      else await applyDecision(tx, ctx, o, { ...p, kind: p.kind });
      await notifyProposer(tx, ctx, o, p.proposedById, p.kind, "confirmed");
      return { kind: p.kind };
    }),
  );
  if (!outcome.ok) return outcome;
  if ("refused" in outcome.value) return { ok: false, code: "REFUSED", message: outcome.value.refused };
  return { ok: true, value: { kind: outcome.value.kind } };
}
