"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, sessionFor } from "./session-action";
import { endSession } from "../services/sessions/sessions";

/**
 * Ends the session on the server (a copy of the cookie is refused from now on) and expires the
 * cookie. A server action, so the button works before the page's script has loaded; it works in
 * every state of the session, the second step included.
 */
export async function signOut(): Promise<never> {
  const session = await sessionFor(["complete", "needs_code", "needs_enrolment"]);
  if (session) await endSession(session.userId, session.sessionId, "signed_out", session.meta);
  await clearSessionCookie();
  redirect("/login");
}
