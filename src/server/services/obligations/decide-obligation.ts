import "server-only";
import { db, type Tx } from "../../db";
import { lockAuditChain } from "../../audit-lock";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadObligation } from "./load-obligation";
import { notifyConfirmers } from "./proposal-notifications";
import { isSettled } from "@/domain/deadlines/obligation-status";
import { PROPOSAL_LABEL, type ProposalKind, type ProposedFiling } from "@/domain/deadlines/obligation-proposal";
import { can } from "@/domain/access/can";
import type { Prisma } from "@/generated/prisma/client";

type Loaded = Awaited<ReturnType<typeof loadObligation>>;

/** A decision without a notice is open while the obligation is unsettled or only "not required". */
function assertOpen(status: string) {
  if (isSettled(status) && status !== "NOT_REQUIRED") fail("REFUSED", "This obligation is already settled.");
}

/** A filing's time must be possible: not in the future, not before the BPO became aware. */
export function assertFilingTime(filedAt: Date, o: Loaded, now: Date) {
  const at = (message: string) =>
    fail("VALIDATION_FAILED", "Check the highlighted field.", { fieldErrors: { filedAt: [message] } });
  if (filedAt.getTime() > now.getTime() + 5 * 60_000) at("This is in the future.");
  if (filedAt < o.incident.awareAt) at("A filing cannot be before we became aware of the incident.");
}

/**
 * Writes the proposal onto the obligation (only if none is pending: two proposals at once leave
 * one), tells the confirmers and audits it. The status stays as it is until a second person
 * confirms, so the Report gate stays closed meanwhile.
 */
async function propose(
  tx: Tx,
  ctx: ServiceContext,
  o: Loaded,
  kind: ProposalKind,
  reason: string,
  filing: ProposedFiling | null,
) {
  if (o.proposedById)
    fail(
      "CONFLICT",
      `A decision on this obligation already awaits confirmation (${PROPOSAL_LABEL[(o.proposedStatus ?? "NOT_REQUIRED") as ProposalKind]}): it must be confirmed or rejected first.`,
    );
  const data = {
    proposedStatus: kind,
    proposalReason: reason,
    proposedFiling: (filing ?? undefined) as Prisma.InputJsonValue | undefined,
    proposedById: ctx.viewer.userId,
    proposedAt: ctx.now,
  };
  const { count } = await tx.obligation.updateMany({ where: { id: o.id, proposedById: null }, data });
  if (count !== 1) fail("CONFLICT", "Someone proposed a decision on this obligation a moment ago: reload to see it.");
  const confirmers = await notifyConfirmers(tx, ctx, o, kind, reason);
  await auditIncident(
    tx,
    ctx,
    o.incident,
    "obligation.propose",
    { ruleId: o.ruleId, kind, reason, filing, confirmersNotified: confirmers },
    { type: "Obligation", id: o.id },
  );
  return { confirmers };
}

/**
 * Proposes to settle an obligation by decision: NOT_REQUIRED (anyone who drafts notices, with the
 * reason, e.g. the risk assessment) or WAIVED (a manager). Either takes effect when confirmed.
 */
async function proposeDecision(
  ctx: ServiceContext,
  input: { obligationId: string; reason: string },
  kind: "NOT_REQUIRED" | "WAIVED",
): Promise<Result<{ confirmers: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const o = await loadObligation(tx, ctx, input.obligationId);
      if (kind === "WAIVED" && !can(ctx.viewer, "notice:approve", o.incident))
        fail("REFUSED", "Only a manager may waive an obligation.");
      if (kind === "NOT_REQUIRED" && !can(ctx.viewer, "notice:draft", o.incident))
        fail("REFUSED", "You may not decide on notices.");
      assertOpen(o.status);
      return propose(tx, ctx, o, kind, input.reason, null);
    }),
  );
}

export function markObligationNotRequired(
  ctx: ServiceContext,
  input: { obligationId: string; reason: string },
): Promise<Result<{ confirmers: number }>> {
  return proposeDecision(ctx, input, "NOT_REQUIRED");
}

export function waiveObligation(
  ctx: ServiceContext,
  input: { obligationId: string; reason: string },
): Promise<Result<{ confirmers: number }>> {
  return proposeDecision(ctx, input, "WAIVED");
}

/**
 * Proposes a filing made outside Warden. Once confirmed it is recorded, settles the obligation
 * and starts chained clocks (confirm-obligation-decision.ts).
 */
export async function recordExternalFiling(
  ctx: ServiceContext,
  input: {
    obligationId: string;
    filedBy: "CLIENT" | "BPO";
    filedAt: Date;
    reference: string;
    document?: string | null;
  },
): Promise<Result<{ confirmers: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const o = await loadObligation(tx, ctx, input.obligationId);
      if (!can(ctx.viewer, "notice:draft", o.incident)) fail("REFUSED", "You may not record filings.");
      assertFilingTime(input.filedAt, o, ctx.now);
      const filing: ProposedFiling = {
        filedBy: input.filedBy,
        filedAt: input.filedAt.toISOString(),
        reference: input.reference,
        document: input.document ?? null,
      };
      const why = `filed by ${input.filedBy === "CLIENT" ? "the client" : "us"}, reference ${input.reference}`;
      return propose(tx, ctx, o, "FILED", why, filing);
    }),
  );
}
