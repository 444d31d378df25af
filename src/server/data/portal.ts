import "server-only";
import { db } from "../db";
import { incidentWhere, noticeWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { noticeHash, type NoticeField } from "@/domain/notices/notice-content";
import { cipherFor, readCipher, readCiphers } from "../crypto/incident-keys";
import { sentAt } from "./sent-at";
import { openNoticeFields } from "../crypto/sealed-notice";
import { parseId } from "@/lib/validation/ids";

// What a client contact may see: built field by field from an explicit whitelist, never by
// passing rows through. No internal notes, evidence, owners or staff-only facts.

export type PortalMessage = { id: string; author: string; fromClient: boolean; body: string; at: Date };
export type PortalNotice = {
  id: string;
  subject: string;
  citation: string;
  fields: NoticeField[];
  contentHash: string;
  /** The shown text still hashes to the approved hash. */
  verified: boolean;
  sentAt: Date;
  read: boolean;
  acknowledgedAt: Date | null;
  acknowledgements: Array<{ name: string; at: Date }>;
  messages: PortalMessage[];
};
export type PortalIncident = {
  reference: string;
  title: string;
  type: string;
  severity: string;
  phase: string;
  occurredAt: Date | null;
  awareAt: Date;
  closedAt: Date | null;
  notices: PortalNotice[];
};

/** Incidents of one client that the BPO has notified it of, with the notices sent. */
export async function listPortalIncidents(viewer: Viewer, clientIdRaw: unknown): Promise<PortalIncident[] | null> {
  const clientId = parseId(clientIdRaw);
  if (!clientId || !viewer.clientIds.includes(clientId)) return null;
  const incidents = await db().incident.findMany({
    where: incidentWhere(viewer, { clientId, notices: { some: { status: "SENT" } } }),
    orderBy: { awareAt: "desc" },
    select: {
      id: true,
      reference: true,
      title: true,
      type: true,
      severity: true,
      phase: true,
      occurredAt: true,
      awareAt: true,
      closedAt: true,
      notices: {
        where: { status: "SENT" },
        orderBy: { sentAt: "desc" },
        select: {
          id: true,
          subject: true,
          fields: true,
          contentHash: true,
          sentAt: true,
          obligation: { select: { citation: true } },
          reads: { where: { userId: viewer.userId }, select: { readAt: true } },
          acknowledgements: {
            select: { at: true, userId: true, user: { select: { name: true } } },
            orderBy: { at: "asc" },
          },
          messages: {
            orderBy: { createdAt: "asc" },
            select: { id: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
          },
        },
      },
    },
  });
  const ciphers = await readCiphers(
    db(),
    incidents.map((i) => i.id),
  );
  return incidents.map((i) => ({
    reference: i.reference,
    title: i.title,
    type: i.type,
    severity: i.severity,
    phase: i.phase,
    occurredAt: i.occurredAt,
    awareAt: i.awareAt,
    closedAt: i.closedAt,
    notices: i.notices.map((n) => {
      const cipher = cipherFor(ciphers, i.id);
      const fields = openNoticeFields(cipher, n.fields).map((f) => ({ key: f.key, label: f.label, value: f.value }));
      return {
        id: n.id,
        subject: n.subject,
        citation: n.obligation.citation,
        fields,
        contentHash: n.contentHash ?? "",
        verified: !!n.contentHash && noticeHash({ subject: n.subject, fields }) === n.contentHash,
        sentAt: sentAt(n),
        read: viewer.role !== "CLIENT_CONTACT" || n.reads.length > 0,
        acknowledgedAt: n.acknowledgements.find((a) => a.userId === viewer.userId)?.at ?? null,
        acknowledgements: n.acknowledgements.map((a) => ({ name: a.user.name, at: a.at })),
        messages: n.messages.map((m) => ({
          id: m.id,
          author: m.author.name,
          fromClient: m.author.role === "CLIENT_CONTACT",
          body: cipher.open("notice.message", m.body),
          at: m.createdAt,
        })),
      };
    }),
  }));
}

/** One sent notice of a client, for the PDF download; null if out of scope. */
export async function getPortalNotice(viewer: Viewer, noticeIdRaw: unknown) {
  const noticeId = parseId(noticeIdRaw);
  if (!noticeId) return null;
  const n = await db().notice.findFirst({
    where: noticeWhere(viewer, { id: noticeId, status: "SENT" }),
    select: {
      id: true,
      incidentId: true,
      subject: true,
      fields: true,
      contentHash: true,
      sentAt: true,
      obligation: { select: { citation: true, title: true } },
      incident: {
        select: {
          reference: true,
          title: true,
          client: { select: { name: true, timeZone: true } },
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!n) return null;
  const cipher = await readCipher(db(), n.incidentId);
  return {
    id: n.id,
    subject: n.subject,
    fields: openNoticeFields(cipher, n.fields).map((f) => ({ key: f.key, label: f.label, value: f.value })),
    contentHash: n.contentHash ?? "",
    sentAt: sentAt(n),
    citation: n.obligation.citation,
    obligationTitle: n.obligation.title,
    reference: n.incident.reference,
    incidentTitle: n.incident.title,
    clientName: n.incident.client.name,
    clientTimeZone: n.incident.client.timeZone,
    organization: n.incident.organization.name,
  };
}
