import type { DocumentModel } from "./document-model";

// A sent notice as the document a client's contact downloads from the portal: in the client's
// time zone (UTC beside it), with the content hash that was approved before sending.

export type NoticeDocumentInput = {
  organization: string;
  subject: string;
  reference: string;
  incidentTitle: string;
  clientName: string;
  citation: string;
  obligationTitle: string;
  /** Formatted in the client's zone with UTC beside it. */
  sentAt: string;
  timeZone: string;
  fields: Array<{ label: string; value: string }>;
  contentHash: string;
};

export function noticeDocument(n: NoticeDocumentInput): DocumentModel {
  return {
    organization: n.organization,
    title: n.subject,
    subtitle: `Notice from ${n.organization} to ${n.clientName} · sent ${n.sentAt} · times in ${n.timeZone}, with UTC in brackets`,
    footer: `${n.organization} · notice on ${n.reference}`,
    blocks: [
      {
        kind: "facts",
        rows: [
          { label: "Incident", value: `${n.reference}: ${n.incidentTitle}` },
          { label: "To", value: n.clientName },
          { label: "Basis", value: `${n.citation}: ${n.obligationTitle}` },
          { label: "Sent", value: n.sentAt },
        ],
      },
      ...n.fields.flatMap((f) => [
        { kind: "heading" as const, text: f.label },
        { kind: "paragraph" as const, text: f.value || "—" },
      ]),
      { kind: "heading", text: "Integrity" },
      { kind: "paragraph", text: "SHA-256 of the content approved before sending:", tone: "muted" },
      { kind: "paragraph", text: n.contentHash, tone: "code" },
    ],
  };
}
