// Whether a session row still stands at `now`, and what it still lacks. Pure: the request
// path reads the row (with the user's MFA state and the organization's rule) and asks this.

export type SessionFacts = {
  userId: string;
  /** The user in the cookie: a row of someone else is no session of theirs. */
  tokenUserId: string;
  active: boolean;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  idleTimeoutS: number;
  mfaVerifiedAt: Date | null;
  /** The user has a confirmed authenticator. */
  mfaEnrolled: boolean;
  /** The organization requires a second factor of the user's role. */
  mfaRequired: boolean;
};

export type SessionStatus = "missing" | "revoked" | "expired" | "idle" | "needs_enrolment" | "needs_code" | "complete";

export function sessionStatus(facts: SessionFacts | null, now: Date): SessionStatus {
  if (!facts || facts.userId !== facts.tokenUserId) return "missing";
  if (facts.revokedAt || !facts.active) return "revoked";
  if (now.getTime() >= facts.expiresAt.getTime()) return "expired";
  if (now.getTime() >= facts.lastSeenAt.getTime() + facts.idleTimeoutS * 1000) return "idle";
  if (facts.mfaVerifiedAt) return "complete";
  // Whoever has an authenticator proves it, required or not; whoever must have one gets one first.
  if (facts.mfaEnrolled) return "needs_code";
  if (facts.mfaRequired) return "needs_enrolment";
  return "complete";
}

/** Where a session that lacks a factor is sent; null when it lacks none. */
export function secondFactorPath(status: SessionStatus): string | null {
  return status === "needs_code" ? "/login/verify" : status === "needs_enrolment" ? "/login/enrol" : null;
}
