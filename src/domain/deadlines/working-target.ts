import type { WorkingTargetSource } from "./obligations";

// A due time computed for a law that fixes no time at all is a working target, not the law's
// figure: the engine says so in the obligation's basis ("…; no time fixed by law — working
// target from the contract"), and every place that shows the due time reads it back from there,
// so an obligation computed under an earlier version of its rule is shown as it was computed.

const MARK = /no time fixed by law — working target from the (contract|organization setting|rule default)/;

/** Where the working target of an obligation's due time comes from, or null when the law fixes it. */
export function workingTargetOf(basis: string | null | undefined): WorkingTargetSource | null {
  const hit = basis ? MARK.exec(basis) : null;
  return hit ? (hit[1] as WorkingTargetSource) : null;
}

/** The line shown beside such a due time. */
export function workingTargetNote(source: WorkingTargetSource): string {
  return `No time fixed by law — working target from the ${source}`;
}

/** That line for an obligation's basis, or null when the law fixes its time. */
export function workingTargetLine(basis: string | null | undefined): string | null {
  const source = workingTargetOf(basis);
  return source ? workingTargetNote(source) : null;
}
