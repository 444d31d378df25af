"use server";

import { redirect } from "next/navigation";
import type { FormState } from "./form-state";
import { formObject } from "./run-action";
import { SESSION_ENDED, clearSessionCookie, sessionFor } from "./session-action";
import { endAllSessions, endSession } from "../services/sessions/sessions";
import { sessionIdSchema } from "@/lib/validation/mfa";

/** "End this one" on the Security page: one of the person's own sessions (their current one signs them out). */
export async function endOneSession(_prev: FormState, form: FormData): Promise<FormState> {
  const session = await sessionFor(["complete"]);
  if (!session) return { ok: false, message: SESSION_ENDED, at: Date.now() };
  const parsed = sessionIdSchema.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, message: "That session is not one of yours.", at: Date.now() };
  const ended = await endSession(session.userId, parsed.data.sessionId, "ended_by_user", session.meta);
  if (parsed.data.sessionId === session.sessionId) {
    await clearSessionCookie();
    redirect("/login");
  }
  return ended
    ? { ok: true, message: "Session ended.", at: Date.now() }
    : { ok: false, message: "That session had already ended, or is not one of yours.", at: Date.now() };
}

/** "End all others": every session of the person but this one. */
export async function endOtherSessions(_prev: FormState): Promise<FormState> {
  const session = await sessionFor(["complete"]);
  if (!session) return { ok: false, message: SESSION_ENDED, at: Date.now() };
  const count = await endAllSessions(session.userId, session.sessionId, session.meta);
  return {
    ok: true,
    message: count ? `Ended ${count} other ${count === 1 ? "session" : "sessions"}.` : "No other session was open.",
    at: Date.now(),
  };
}

/** "Sign out everywhere": every session of the person, this one included. */
export async function signOutEverywhere(): Promise<never> {
  const session = await sessionFor(["complete"]);
  if (session) await endAllSessions(session.userId, null, session.meta);
  await clearSessionCookie();
  redirect("/login");
}
