import "server-only";
import { sqlRows } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { parseId } from "@/lib/validation/ids";
import { sessionStatus, type SessionFacts, type SessionStatus } from "@/domain/access/session-status";

type Row = Omit<SessionFacts, "tokenUserId">;

/**
 * The session row behind a cookie, with what decides it: the user's status and MFA enrolment and
 * the organization's rule for the user's role. One primary-key lookup (it runs on every request).
 */
export async function loadSessionFacts(sessionId: string, tokenUserId: string): Promise<SessionFacts | null> {
  if (!parseId(sessionId) || !parseId(tokenUserId)) return null;
  const rows = await sqlRows<Row>(
    Prisma.sql`
      SELECT s."userId", u.active, s."revokedAt", s."expiresAt", s."lastSeenAt", s."idleTimeoutS", s."mfaVerifiedAt",
        (u."totpEnabledAt" IS NOT NULL) AS "mfaEnrolled", (u.role = ANY(o."mfaRequiredRoles")) AS "mfaRequired"
      FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Organization" o ON o.id = u."organizationId"
      WHERE s.id = ${sessionId}::uuid`,
    { hot: true },
  );
  return rows[0] ? { ...rows[0], tokenUserId } : null;
}

export type SessionGate = { status: SessionStatus; userId: string | null; sessionId: string | null };

/** Whether the session in a cookie (its id and user) stands at `now`, and what it lacks. */
export async function checkSession(
  token: { sessionId: string; userId: string } | null,
  now = new Date(),
): Promise<SessionGate> {
  if (!token) return { status: "missing", userId: null, sessionId: null };
  const status = sessionStatus(await loadSessionFacts(token.sessionId, token.userId), now);
  return { status, userId: token.userId, sessionId: token.sessionId };
}
