import Link from "next/link";
import type { Viewer } from "@/domain/access/can";
import type { DecisionToConfirmRow } from "@/server/data/approvals";
import { formatInstant } from "@/lib/datetime";
import { isProposalKind, PROPOSAL_LABEL } from "@/domain/deadlines/obligation-proposal";

/** Obligations someone proposed to settle without a notice, waiting for a second person. */
export function DecisionsToConfirm({ viewer, rows }: { viewer: Viewer; rows: readonly DecisionToConfirmRow[] }) {
  if (!rows.length) return null;
  return (
    <section aria-labelledby="decisions-to-confirm" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="decisions-to-confirm" className="mb-1 text-base font-semibold">
        Decisions awaiting confirmation ({rows.length})
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Obligations proposed as not required, waived or filed elsewhere: the Report phase stays open until a second
        person confirms.
      </p>
      <ul className="divide-y divide-slate-100 text-sm">
        {rows.map((r) => (
          <li key={r.obligationId} className="py-2">
            <Link href={`/incidents/${r.incidentId}#obligations`} className="font-medium text-brand-700 underline">
              {r.reference}: {r.incidentTitle}
            </Link>
            <span className="block text-xs text-slate-600">
              {isProposalKind(r.kind) ? PROPOSAL_LABEL[r.kind] : r.kind} · {r.citation} · {r.clientName} · proposed by{" "}
              {r.proposedBy} {formatInstant(r.proposedAt, viewer.timeZone)}
              {r.ownProposal ? " (yours: another approver must confirm)" : ""}
            </span>
            {r.reason ? <span className="block text-xs text-slate-700">Why: {r.reason}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
