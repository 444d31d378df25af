import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { afterCommit, db, type Tx } from "../db";
import { boundedUserAgent, normalizeIp } from "../client-ip";
import {
  ACCOUNT_ADDRESS_LIMIT,
  ADDRESS_LIMIT,
  lockedUntil,
  lockDurationMs,
  throttleAddress,
} from "@/domain/auth/sign-in-throttle";

// The shared counts behind domain/auth/sign-in-throttle.ts, in PostgreSQL so that every app
// instance sees the same ones.

const PRUNE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** The throttling key of a typed email: its SHA-256, so no address is stored in the clear. */
export function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export type Gate =
  | { blocked: true; scope: "account_address" | "address"; until: Date; attemptId: bigint }
  | { blocked: false; failuresBefore: number; failureLocks: boolean; attemptId: bigint };

type Counts = { pairFailures: number; pairLast: Date | null; ipFailures: number; ipLast: Date | null };

async function counts(tx: Tx, key: string, ip: string | null, now: Date): Promise<Counts> {
  const pairSince = new Date(now.getTime() - ACCOUNT_ADDRESS_LIMIT.windowMs);
  const lastOk = await tx.signInAttempt.findFirst({
    where: { accountKey: key, ip, outcome: "SUCCESS", at: { gt: pairSince } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const pair = await tx.signInAttempt.aggregate({
    where: { accountKey: key, ip, outcome: "FAILURE", at: { gt: lastOk?.at ?? pairSince } },
    _count: { _all: true },
    _max: { at: true },
  });
  // An unknown address (null) is not one address: it is never limited as a whole.
  const all = ip
    ? await tx.signInAttempt.aggregate({
        where: { ip, outcome: "FAILURE", at: { gt: new Date(now.getTime() - ADDRESS_LIMIT.windowMs) } },
        _count: { _all: true },
        _max: { at: true },
      })
    : null;
  return {
    pairFailures: pair._count._all,
    pairLast: pair._max.at,
    ipFailures: all?._count._all ?? 0,
    ipLast: all?._max.at ?? null,
  };
}

/**
 * Records an attempt whose password was already checked, deciding under a lock per account and
 * address whether it counts: a locked account+address or address gets BLOCKED whatever the
 * password was, so parallel guesses gain nothing. Runs inside the caller's transaction (which
 * also writes the audit entry), so both outcomes cost one commit.
 */
export async function recordAttempt(
  tx: Tx,
  key: string,
  rawIp: string | null,
  rawUserAgent: string | null,
  passwordOk: boolean,
  now: Date,
): Promise<Gate> {
  const ip = throttleAddress(normalizeIp(rawIp));
  const userAgent = boundedUserAgent(rawUserAgent);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${key}:${ip ?? ""}`}, 0))`;
  const c = await counts(tx, key, ip, now);
  const pairUntil = lockedUntil(c.pairFailures, c.pairLast, ACCOUNT_ADDRESS_LIMIT, now);
  const ipUntil = lockedUntil(c.ipFailures, c.ipLast, ADDRESS_LIMIT, now);
  const lock = pairUntil
    ? { scope: "account_address" as const, until: pairUntil }
    : ipUntil
      ? { scope: "address" as const, until: ipUntil }
      : null;
  if (lock) {
    const { id } = await tx.signInAttempt.create({
      data: { accountKey: key, ip, userAgent, outcome: "BLOCKED", at: now },
      select: { id: true },
    });
    return { blocked: true, ...lock, attemptId: id };
  }
  const { id } = await tx.signInAttempt.create({
    data: { accountKey: key, ip, userAgent, outcome: passwordOk ? "SUCCESS" : "FAILURE", at: now },
    select: { id: true },
  });
  if (passwordOk) await prune(tx, now);
  return {
    blocked: false,
    failuresBefore: c.pairFailures,
    failureLocks: lockDurationMs(c.pairFailures + 1, ACCOUNT_ADDRESS_LIMIT) > 0,
    attemptId: id,
  };
}

async function prune(tx: Tx, now: Date): Promise<void> {
  await tx.$executeRaw`DELETE FROM "SignInAttempt" WHERE id IN (
    SELECT id FROM "SignInAttempt" WHERE at < ${new Date(now.getTime() - PRUNE_AFTER_MS)} ORDER BY id LIMIT 200)`;
}

/**
 * For an address that matches no account: the same statements a known account's failure costs,
 * so that the answer takes the same time. appendAudit writes one row in the transaction; after
 * the commit, before the answer, its entry is chained (audit-chainer.ts: a transaction taking a
 * lock, reading what waits and the chain's end, writing the event and removing the entry).
 * Nothing is audited here: there is no organization to audit it in.
 */
export async function mirrorAuditWork(tx: Tx, attemptId: bigint): Promise<void> {
  await tx.$executeRaw`UPDATE "SignInAttempt" SET "userAgent" = "userAgent" WHERE id = ${attemptId}`;
  afterCommit(tx, "audit:mirror", () => mirrorChainStep(attemptId));
}

async function mirrorChainStep(attemptId: bigint): Promise<void> {
  await db()
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit-chain:${randomUUID()}`}, 0))`;
      await tx.$queryRaw`SELECT id FROM "AuditEventPending" WHERE "organizationId" = ${NIL_UUID}::uuid AND position > -1 ORDER BY position LIMIT 1`;
      await tx.$queryRaw`SELECT seq, hash FROM "AuditEvent" WHERE "organizationId" = ${NIL_UUID}::uuid ORDER BY seq DESC LIMIT 1`;
      await tx.$executeRaw`UPDATE "SignInAttempt" SET "userAgent" = "userAgent" WHERE id = ${attemptId}`;
      await tx.$executeRaw`UPDATE "SignInAttempt" SET "userAgent" = "userAgent" WHERE id = ${attemptId}`;
    })
    .catch(() => {}); // like the chaining it stands for, never the answer's failure
}

/**
 * A failed sign-in found after the password step (a wrong second-factor code, five of which
 * count as one failed sign-in): counted against the account and address like a wrong password.
 */
export async function noteFailedSignIn(
  email: string,
  ip: string | null,
  userAgent: string | null,
  now = new Date(),
): Promise<void> {
  await db().signInAttempt.create({
    data: {
      accountKey: accountKey(email),
      ip: throttleAddress(normalizeIp(ip)),
      userAgent: boundedUserAgent(userAgent),
      outcome: "FAILURE",
      at: now,
    },
  });
}

/** Clears the failures of an account at every address (its password was just set anew). */
export async function clearFailures(tx: Tx, email: string): Promise<number> {
  const { count } = await tx.signInAttempt.deleteMany({ where: { accountKey: accountKey(email), outcome: "FAILURE" } });
  return count;
}
