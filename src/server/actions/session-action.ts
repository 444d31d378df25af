import "server-only";
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { getSessionGate } from "../viewer";
import { clientIp, userAgentOf } from "../client-ip";
import type { SessionMeta } from "../services/sessions/sessions";
import type { SessionStatus } from "@/domain/access/session-status";

/**
 * For the actions of the sign-in steps and the Security page, which act on the session itself
 * (not through a permission): the session's ids when its state is one of `allowed`, else null.
 */
export async function sessionFor(
  allowed: readonly SessionStatus[],
): Promise<{ userId: string; sessionId: string; status: SessionStatus; meta: SessionMeta } | null> {
  const gate = await getSessionGate();
  if (!gate.userId || !gate.sessionId || !allowed.includes(gate.status)) return null;
  const h = await headers();
  return {
    userId: gate.userId,
    sessionId: gate.sessionId,
    status: gate.status,
    meta: { requestId: randomUUID(), ip: clientIp(h), userAgent: userAgentOf(h) },
  };
}

export const SESSION_ENDED = "Your session has ended. Sign in again.";

/** Expires next-auth's session cookie (every chunk of it, under the name it was set with). */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!/(^|__Secure-)next-auth\.session-token(\.\d+)?$/.test(name)) continue;
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
