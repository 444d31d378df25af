"use server";

import { getSessionGate } from "../viewer";
import { touchSession as touch } from "../services/sessions/sessions";

/**
 * The keep-alive the signed-in frame posts while someone is active (at most every few
 * minutes), so reading pages counts as activity for the idle timeout without any page view
 * writing. Nothing for a session that has already ended or idled out.
 */
export async function touchSession(): Promise<void> {
  const gate = await getSessionGate();
  if (gate.status === "complete" && gate.sessionId) await touch(gate.sessionId);
}
