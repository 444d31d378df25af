/** An obligation is settled once sent, acknowledged, filed, judged not required or waived. */
export const SETTLED_STATUSES = ["SENT", "ACKNOWLEDGED", "FILED", "NOT_REQUIRED", "WAIVED"] as const;

export function isSettled(status: string): boolean {
  return (SETTLED_STATUSES as readonly string[]).includes(status);
}
