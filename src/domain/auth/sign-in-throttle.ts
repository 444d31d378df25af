// How failed sign-ins slow down guessing without letting a stranger lock anyone out.
//
// Two limits, both counted over rows every app instance shares (the SignInAttempt table):
//  - per account *and* address: the first 5 failures within 24 hours are free; each further one
//    locks that account for that address only, 1 minute after the 5th, doubling with each
//    failure (2, 4, 8 … minutes), capped at 60 minutes. A success from the address clears it.
//    The owner signing in from anywhere else is not affected.
//  - per address, across accounts (password spraying): the first 30 failures within an hour are
//    free; then the same doubling back-off, for every account tried from that address.
// Attempts refused while locked are recorded but do not lengthen the lock.

export type Limit = { free: number; windowMs: number };

const MINUTE = 60_000;
export const ACCOUNT_ADDRESS_LIMIT: Limit = { free: 5, windowMs: 24 * 60 * MINUTE };
export const ADDRESS_LIMIT: Limit = { free: 30, windowMs: 60 * MINUTE };
export const FIRST_LOCK_MS = MINUTE;
export const MAX_LOCK_MS = 60 * MINUTE;

/** How long `failures` failures lock: none below the limit, then 1, 2, 4 … minutes up to 60. */
export function lockDurationMs(failures: number, limit: Limit): number {
  if (failures < limit.free) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(failures - limit.free, 30), MAX_LOCK_MS);
}

/** Until when further attempts are refused, or null if they are not. */
export function lockedUntil(failures: number, lastFailureAt: Date | null, limit: Limit, now: Date): Date | null {
  const ms = lockDurationMs(failures, limit);
  if (!ms || !lastFailureAt) return null;
  const until = new Date(lastFailureAt.getTime() + ms);
  return until > now ? until : null;
}
