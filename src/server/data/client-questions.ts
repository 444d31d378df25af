import "server-only";
import { db, sqlRows } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { tenantScopeSql } from "./scope";
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
  // one statement (read on every view of the incident page): the notices with messages, each with its messages in order
  const notices = await sqlRows<{
    id: string;
    incidentId: string;
    citation: string;
    title: string;
    messages: Array<{ id: string; body: string; createdAt: string; author: string; role: string }>;
  }>(
    Prisma.sql`
    SELECT n.id, n."incidentId", o.citation, o.title,
      (SELECT json_agg(json_build_object('id', m.id, 'body', m.body, 'createdAt', m."createdAt", 'author', u.name, 'role', u.role) ORDER BY m."createdAt")
        FROM "NoticeMessage" m JOIN "User" u ON u.id = m."authorId" WHERE m."noticeId" = n.id) AS messages
    FROM "Notice" n JOIN "Incident" i ON i.id = n."incidentId" JOIN "Obligation" o ON o.id = n."obligationId"
    WHERE n."incidentId" = ${incidentId}::uuid AND ${tenantScopeSql(viewer, "i")} AND EXISTS (SELECT 1 FROM "NoticeMessage" m WHERE m."noticeId" = n.id)
    ORDER BY n."createdAt"`,
    { hot: true },
  );
  const ciphers = await readCiphers(
    db(),
    notices.map((n) => n.incidentId),
  );
  const threads = notices.map((n) => {
    const cipher = cipherFor(ciphers, n.incidentId);
    // JSON has no dates: the timestamp comes back as UTC text without its zone
    const messages = n.messages.map((m) => ({
      id: m.id,
      body: cipher.open("notice.message", m.body),
      at: new Date(`${m.createdAt}Z`),
      author: m.author,
      fromClient: m.role === "CLIENT_CONTACT",
    }));
    return {
      noticeId: n.id,
      notice: `${n.citation} — ${n.title}`,
      messages,
      unanswered: messages.at(-1)?.fromClient ?? false,
    };
  });
  return threads.sort((a, b) => Number(b.unanswered) - Number(a.unanswered));
}
