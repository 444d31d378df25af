// How failed sign-ins slow down guessing without letting a stranger lock anyone out.
//
// Two limits, both counted over rows every app instance shares (the SignInAttempt table):
//  - per account *and* address: the first 5 failures within 24 hours are free; each further one
//    locks that account for that address only, 1 minute after the 5th, doubling with each
//    failure (2, 4, 8 … minutes), capped at 60 minutes. A success from the address clears it.
//    The owner signing in from anywhere else is not affected.
//  - per address, across accounts (password spraying): the first 30 failures within an hour are
//    free; then the same doubling back-off, for every account tried from that address.
// Attempts refused while locked are recorded but do not lengthen the lock. An IPv6 address counts
// by its /64 network (every IPv6 client controls at least that many addresses).

export type Limit = { free: number; windowMs: number };

const MINUTE = 60_000;
export const ACCOUNT_ADDRESS_LIMIT: Limit = { free: 5, windowMs: 24 * 60 * MINUTE };
export const ADDRESS_LIMIT: Limit = { free: 30, windowMs: 60 * MINUTE };
/**
 * Wrong second-factor codes per account, across all its sessions and addresses: only someone who
 * has the password reaches that step, so this limit may lock the account's code step for
 * everyone (it cannot be used by a stranger). 10 free, then the same doubling back-off: at most
 * about 35 guesses a day against a million codes.
 */
export const CODE_LIMIT: Limit = { free: 10, windowMs: 24 * 60 * MINUTE };
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

/** The address a throttle counts by: an IPv4 address itself, an IPv6 address by its /64 network. */
export function throttleAddress(ip: string | null): string | null {
  if (!ip || !ip.includes(":")) return ip;
  const [head, tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined ? (tail ? tail.split(":") : []) : [];
  const groups =
    tail !== undefined ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || "0").replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
