/** An obligation is settled once sent, acknowledged, filed, judged not required or waived. */
export const SETTLED_STATUSES = ["SENT", "ACKNOWLEDGED", "FILED", "NOT_REQUIRED", "WAIVED"] as const;
/** The rest: queries name these (status = ANY(...)) so the status index can serve them. */
export const UNSETTLED_STATUSES = ["PENDING", "DRAFT", "AWAITING_APPROVAL"] as const;

export function isSettled(status: string): boolean {
  return (SETTLED_STATUSES as readonly string[]).includes(status);
}
