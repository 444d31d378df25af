import type { ObligationWithNotices } from "@/server/data/obligations";
import { formatInstant } from "@/lib/datetime";
import {
  AWAITING_CONFIRMATION,
  PROPOSAL_LABEL,
  isProposalKind,
  readProposedFiling,
} from "@/domain/deadlines/obligation-proposal";
import { ProposalReviewForm } from "./obligation-forms";

/**
 * A decision proposed on an obligation and not yet confirmed: what, by whom, when and why; a
 * second person who may approve notices confirms or rejects it here.
 */
export function PendingProposal({
  o,
  viewerId,
  mayApprove,
  timeZone,
}: {
  o: ObligationWithNotices;
  viewerId: string;
  mayApprove: boolean;
  timeZone: string;
}) {
  if (!isProposalKind(o.proposedStatus) || !o.proposedById) return null;
  const own = o.proposedById === viewerId;
  const filing = o.proposedStatus === "FILED" ? readProposedFiling(o.proposedFiling) : null;
  return (
    <div
      role="group"
      aria-label={AWAITING_CONFIRMATION}
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs"
    >
      <p className="font-semibold text-amber-900">{AWAITING_CONFIRMATION}</p>
      <p className="mt-1">
        {PROPOSAL_LABEL[o.proposedStatus]} proposed by {o.proposedBy?.name ?? "a colleague"}
        {o.proposedAt ? ` on ${formatInstant(o.proposedAt, timeZone)}` : ""}.
      </p>
      {filing ? (
        <p className="mt-1">
          Filed by {filing.filedBy === "CLIENT" ? "the client" : "us"}{" "}
          {formatInstant(new Date(filing.filedAt), timeZone)} — ref. {filing.reference}
          {filing.document ? ` (${filing.document})` : ""}
        </p>
      ) : (
        <p className="mt-1">Why: {o.proposalReason}</p>
      )}
      {own ? (
        <p className="mt-1 text-slate-700">
          You proposed it: another person who may approve notices must confirm it. Until then the obligation stays open.
        </p>
      ) : mayApprove ? (
        <ProposalReviewForm obligationId={o.id} />
      ) : (
        <p className="mt-1 text-slate-700">A manager must confirm it; until then the obligation stays open.</p>
      )}
    </div>
  );
}
