import "server-only";
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";

export type SessionToken = { userId: string; sessionId: string };

// A session token decrypts to the same ids until it expires: each token (by its hash) is
// decrypted once per process, not on every request. Whether the session still stands is not
// kept here: the Session row is read on every request (data/load-session.ts).
const decoded = new Map<string, SessionToken & { validUntil: number }>();
const MAX_ENTRIES = 10_000;

/**
 * The user and session ids in next-auth's session cookie, checked the way next-auth checks it
 * (decryption with the secret, expiry); null for a tampered, expired or foreign token, or one
 * from before sessions were recorded (no session id).
 */
export async function readSessionToken(
  token: string,
  secret: string,
  nowMs = Date.now(),
): Promise<SessionToken | null> {
  const key = createHash("sha256").update(token).digest("base64url");
  const known = decoded.get(key);
  if (known && nowMs < known.validUntil) return { userId: known.userId, sessionId: known.sessionId };
  try {
    const payload = await decode({ token, secret });
    const userId = typeof payload?.sub === "string" && payload.sub ? payload.sub : null;
    const sessionId = typeof payload?.sid === "string" && payload.sid ? payload.sid : null;
    if (!userId || !sessionId) return null;
    if (typeof payload?.exp === "number") {
      decoded.delete(key);
      decoded.set(key, { userId, sessionId, validUntil: payload.exp * 1000 });
      const oldest = decoded.keys().next();
      if (decoded.size > MAX_ENTRIES && !oldest.done) decoded.delete(oldest.value);
    }
    return { userId, sessionId };
  } catch {
    return null;
  }
}
