import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { appendAudit } from "../audit";
import { verifyPassword } from "../passwords";
import { boundedUserAgent, normalizeIp } from "../client-ip";
import { log } from "../log";
import { accountKey, mirrorAuditWork, recordAttempt } from "./sign-in-throttle";
import { signInSchema } from "@/lib/validation/sign-in";
import { isRole, type Role } from "@/domain/access/permissions";
import { ACCOUNT_ADDRESS_LIMIT, lockDurationMs } from "@/domain/auth/sign-in-throttle";

export type SignedInUser = { id: string; email: string; name: string; role: Role };
export type RequestMeta = { ip?: string | null; userAgent?: string | null; requestId?: string | null };
/** A refusal says only whether it was throttled: unknown emails are throttled exactly like known ones. */
export type SignInOutcome = { user: SignedInUser } | { user: null; throttledUntil: Date | null };

/** Header-derived values as they may be stored: a valid IP, a bounded agent, a plain request id. */
function storable(meta: RequestMeta) {
  const userAgent = boundedUserAgent(meta.userAgent);
  const requestId = meta.requestId && /^[\w.:-]{1,64}$/.test(meta.requestId) ? meta.requestId : randomUUID();
  return { ip: normalizeIp(meta.ip), userAgent, requestId };
}

/**
 * Checks credentials. Returns the user, or null for every kind of failure (bad input, unknown
 * email, wrong password, disabled account, throttled) so that the caller cannot tell which, and
 * in the same time: the password hash is verified in every case (against a dummy hash when no
 * account matches), and the attempt is recorded in one transaction either way. Throttling
 * policy: domain/auth/sign-in-throttle.ts. Sign-ins, failures, and each lock a failure starts
 * are audited for known accounts.
 */
export async function signInWithPassword(
  raw: unknown,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<SignedInUser | null> {
  return (await checkSignIn(raw, meta, now)).user;
}

/** signInWithPassword, saying also whether a refusal was throttling (so the person knows to wait). */
export async function checkSignIn(raw: unknown, meta: RequestMeta = {}, now = new Date()): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { user: null, throttledUntil: null };
  const { email, password } = parsed.data;
  const { ip, userAgent, requestId } = storable(meta);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, organizationId: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const known = user && isRole(user.role) ? { ...user, role: user.role } : null;

  // One transaction either way: the attempt is counted (and refused if throttled whatever the
  // password), and for a known account audited, so that both answers cost one commit.
  const { ok, throttledUntil } = await db().$transaction(async (tx) => {
    const gate = await recordAttempt(tx, accountKey(email), ip, userAgent, passwordOk && !!known?.active, now);
    if (gate.blocked && gate.scope === "address") log.warn("auth.address_throttled", { requestId });
    const throttledUntil = gate.blocked ? gate.until : null;
    if (!known) {
      await mirrorAuditWork(tx, gate.attemptId);
      return { ok: false, throttledUntil };
    }
    const audit = {
      organizationId: known.organizationId,
      entityType: "User",
      entityId: known.id,
      requestId,
      ip,
      at: now,
    };
    if (!gate.blocked && passwordOk && known.active) {
      await tx.user.update({ where: { id: known.id }, data: { lastSignInAt: now } });
      await appendAudit(tx, { ...audit, actor: { id: known.id, label: known.name }, action: "auth.sign_in" });
      if (lockDurationMs(gate.failuresBefore, ACCOUNT_ADDRESS_LIMIT) > 0) {
        await appendAudit(tx, {
          ...audit,
          actor: { id: known.id, label: known.name },
          action: "auth.sign_in_unlocked",
          changes: { scope: "account_address", after: "sign_in", failures: gate.failuresBefore },
        });
      }
      return { ok: true, throttledUntil };
    }
    const anonymous = { id: null, label: "anonymous" };
    const reason = gate.blocked ? "throttled" : !passwordOk ? "wrong_password" : "inactive";
    await appendAudit(tx, {
      ...audit,
      actor: anonymous,
      action: "auth.sign_in_failed",
      changes: gate.blocked ? { reason, scope: gate.scope, until: gate.until.toISOString() } : { reason },
    });
    if (!gate.blocked && gate.failureLocks) {
      const failures = gate.failuresBefore + 1;
      const until = new Date(now.getTime() + lockDurationMs(failures, ACCOUNT_ADDRESS_LIMIT));
      await appendAudit(tx, {
        ...audit,
        actor: anonymous,
        action: "auth.sign_in_locked",
        changes: { scope: "account_address", failures, until: until.toISOString() },
      });
    }
    return { ok: false, throttledUntil };
  });
  if (!ok || !known) return { user: null, throttledUntil };
  return { user: { id: known.id, email: known.email, name: known.name, role: known.role } };
}
