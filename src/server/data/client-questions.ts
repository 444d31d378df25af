import "server-only";
import { db } from "../db";
import { incidentWhere } from "./scope";
import { cipherFor, readCiphers } from "../crypto/incident-keys";
import type { Viewer } from "@/domain/access/can";

export type QuestionThread = {
  noticeId: string;
  notice: string;
  messages: Array<{ id: string; body: string; at: Date; author: string; fromClient: boolean }>;
  /** The client wrote last: someone on our side owes an answer. */
  unanswered: boolean;
};

/** The client's question threads on the incident's notices (in scope only), unanswered first. */
export async function listClientQuestions(viewer: Viewer, incidentId: string): Promise<QuestionThread[]> {
  const notices = await db().notice.findMany({
    where: { incidentId, incident: incidentWhere(viewer), messages: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      incidentId: true,
      obligation: { select: { citation: true, title: true } },
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true, role: true } } } },
    },
  });
  const ciphers = await readCiphers(db(), notices.map((n) => n.incidentId));
  const threads = notices.map((n) => {
    const cipher = cipherFor(ciphers, n.incidentId);
    const messages = n.messages.map((m) => ({ id: m.id, body: cipher.open("notice.message", m.body), at: m.createdAt, author: m.author.name, fromClient: m.author.role === "CLIENT_CONTACT" }));
    return { noticeId: n.id, notice: `${n.obligation.citation} — ${n.obligation.title}`, messages, unanswered: messages.at(-1)?.fromClient ?? false };
  });
  return threads.sort((a, b) => Number(b.unanswered) - Number(a.unanswered));
}
