// Delivery attempts of one webhook event: the first at once, then after 1 min, 5 min, 30 min,
// 2 h and 12 h; after the sixth failure the delivery is given up (FAILED).

export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When attempt number `attempt + 1` is due after attempt number `attempt` (1-based) failed at `at`; null: no more. */
export function nextAttemptAfter(attempt: number, at: Date): Date | null {
  if (attempt < 1 || attempt >= MAX_ATTEMPTS) return null;
  const wait = RETRY_DELAYS_MS[attempt - 1];
  return wait === undefined ? null : new Date(at.getTime() + wait);
}

/** A 2xx answer is a delivery; anything else (or no answer) is tried again. */
export const delivered = (status: number | null) => status !== null && status >= 200 && status < 300;
