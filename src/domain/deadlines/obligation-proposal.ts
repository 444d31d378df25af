// Settling an obligation without a notice takes two people: one proposes (not required, a
// waiver, a filing made elsewhere), a second who may approve notices confirms. Plain rules here;
// the services load, lock and write.

export const PROPOSAL_KINDS = ["NOT_REQUIRED", "WAIVED", "FILED"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_LABEL: Record<ProposalKind, string> = {
  NOT_REQUIRED: "No notice required",
  WAIVED: "Waiver",
  FILED: "Filing made elsewhere",
};

export const AWAITING_CONFIRMATION = "Awaiting confirmation by a second person";

export function isProposalKind(v: unknown): v is ProposalKind {
  return typeof v === "string" && (PROPOSAL_KINDS as readonly string[]).includes(v);
}

export type ProposedFiling = { filedBy: "CLIENT" | "BPO"; filedAt: string; reference: string; document: string | null };

/** The stored JSON of a proposed filing, or null when it is not one (never trusted blindly). */
export function readProposedFiling(v: unknown): ProposedFiling | null {
  if (!v || typeof v !== "object") return null;
  const f = v as Record<string, unknown>;
  if (
    (f.filedBy !== "CLIENT" && f.filedBy !== "BPO") ||
    typeof f.filedAt !== "string" ||
    typeof f.reference !== "string"
  )
    return null;
  if (Number.isNaN(Date.parse(f.filedAt))) return null;
  return {
    filedBy: f.filedBy,
    filedAt: f.filedAt,
    reference: f.reference,
    document: typeof f.document === "string" ? f.document : null,
  };
}

/**
 * Who may confirm or reject a pending proposal. The proposer may take it back (reject) but never
 * confirm it: four eyes means a second person.
 */
export function proposalReview(
  p: { proposedById: string | null },
  viewer: { userId: string; mayApprove: boolean },
  decision: "CONFIRM" | "REJECT",
): { ok: true } | { ok: false; self: boolean; reason: string } {
  if (!p.proposedById) return { ok: false, self: false, reason: "Nothing awaits confirmation on this obligation." };
  if (!viewer.mayApprove)
    return {
      ok: false,
      self: false,
      reason: "Only someone who may approve notices can confirm or reject this decision.",
    };
  if (decision === "CONFIRM" && p.proposedById === viewer.userId) {
    return {
      ok: false,
      self: true,
      reason: "You proposed this decision: another person who may approve notices must confirm it (four-eyes).",
    };
  }
  return { ok: true };
}
