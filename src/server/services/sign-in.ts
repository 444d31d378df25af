import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { appendAudit } from "../audit";
import { verifyPassword } from "../passwords";
import { signInSchema } from "@/lib/validation/sign-in";
import { isRole, type Role } from "@/domain/access/permissions";

export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignedInUser = { id: string; email: string; name: string; role: Role };
export type RequestMeta = { ip?: string | null; requestId?: string | null };

/**
 * Checks credentials. Returns the user, or null for every kind of failure (bad input, unknown
 * email, wrong password, disabled account, too many recent failures) so that the caller cannot
 * tell which: no account enumeration. Success and failure of a known account are audited.
 */
export async function signInWithPassword(raw: unknown, meta: RequestMeta = {}, now = new Date()): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await db().user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !isRole(user.role)) return null;

  const requestId = meta.requestId ?? randomUUID();
  const recentFailures = await db().auditEvent.count({
    where: {
      organizationId: user.organizationId,
      entityType: "User",
      entityId: user.id,
      action: "auth.sign_in_failed",
      at: { gte: new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS) },
    },
  });
  const throttled = recentFailures >= MAX_FAILED_SIGN_INS;
  const ok = passwordOk && user.active && !throttled;

  await db().$transaction(async (tx) => {
    if (ok) await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await appendAudit(tx, {
      organizationId: user.organizationId,
      actor: ok ? { id: user.id, label: user.name } : { id: null, label: "anonymous" },
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "User",
      entityId: user.id,
      changes: ok ? null : { reason: !passwordOk ? "wrong_password" : !user.active ? "inactive" : "throttled" },
      requestId,
      ip: meta.ip ?? null,
      at: now,
    });
  });

  return ok ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}
