import "server-only";
import { redirect } from "next/navigation";
import { getSessionGate } from "@/server/viewer";
import { safeCallbackPath } from "@/lib/safe-callback";
import { secondFactorPath, type SessionStatus } from "@/domain/access/session-status";

/**
 * The sign-in step pages (code, enrolment) show only for a session at that step; any other
 * state goes where it belongs: on when complete, to the other step, or back to the password.
 */
export async function sessionAtStep(
  step: Extract<SessionStatus, "needs_code" | "needs_enrolment">,
  callbackUrl: unknown,
) {
  const gate = await getSessionGate();
  const query =
    typeof callbackUrl === "string" && callbackUrl
      ? `?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`
      : "";
  if (gate.status === "complete") redirect(safeCallbackPath(callbackUrl));
  if (gate.status !== step) redirect(`${secondFactorPath(gate.status) ?? "/login"}${query}`);
  // a session at a step was read from a cookie, which names both; without them, sign in again
  if (!gate.userId || !gate.sessionId) redirect(`/login${query}`);
  return { userId: gate.userId, sessionId: gate.sessionId };
}
