import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../db";
import { mailConfigured } from "../mailer";

export type NoticeDestinations = {
  /** Every notice is published on the client's portal. */
  portal: true;
  /** Active client contacts, then the contract's notice address; each once. */
  emails: string[];
  /** False when no SMTP server is configured: nothing will be e-mailed. */
  mail: boolean;
  /** Fingerprint of the above: a send confirms the destinations the sender saw. */
  fingerprint: string;
};

/** Where a notice to this client goes, as the sender sees it before the click and the send uses it. */
export async function noticeDestinations(
  tx: Pick<Tx, "user" | "client">,
  clientId: string,
): Promise<NoticeDestinations> {
  const [contacts, client] = await Promise.all([
    tx.user.findMany({
      where: { clientId, role: "CLIENT_CONTACT", active: true },
      select: { email: true },
      orderBy: { email: "asc" },
    }),
    tx.client.findUnique({ where: { id: clientId }, select: { noticeEmail: true } }),
  ]);
  const emails = [
    ...new Set([
      ...contacts.map((c) => c.email.toLowerCase()),
      ...(client?.noticeEmail ? [client.noticeEmail.toLowerCase()] : []),
    ]),
  ];
  const mail = mailConfigured();
  const fingerprint = createHash("sha256").update(JSON.stringify({ emails, mail })).digest("hex");
  return { portal: true, emails, mail, fingerprint };
}

/** For the notice page: the destinations of a notice already loaded in the viewer's scope. */
export async function destinationsOf(notice: { clientId: string }): Promise<NoticeDestinations> {
  return noticeDestinations(db(), notice.clientId);
}
