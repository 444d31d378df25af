import { createHash } from "node:crypto";
import type { DocumentModel } from "./document-model";

// The incident report for a client or an auditor, as Markdown and as a printable document
// (the same facts). Pure: a plain report object in, text out. Times arrive formatted in the
// organization's zone with UTC beside them. The Markdown ends with its own hash.

export type IncidentReport = {
  organization: string;
  /** The zone the times are shown in (the organization's). */
  timeZone: string;
  reference: string;
  title: string;
  client: string;
  type: string;
  severity: string;
  phase: string;
  resolution: string | null;
  /** Internal description (this is a staff document). */
  summary: string;
  /** What the client was told: the client-facing description. */
  clientSummary: string;
  occurredAt: string | null;
  detectedAt: string;
  awareAt: string;
  closedAt: string | null;
  owner: string | null;
  dataCategories: string[];
  dataSubjects: number | null;
  records: number | null;
  jurisdictions: string[];
  encrypted: boolean | null;
  systems: string[];
  timeline: Array<{ at: string; what: string; by: string; reason: string | null }>;
  obligations: Array<{
    citation: string;
    title: string;
    recipient: string;
    due: string | null;
    status: string;
    decision: string | null;
  }>;
  notices: Array<{ citation: string; subject: string; sentAt: string; hash: string; acknowledged: string[] }>;
  review: null | { completedAt: string | null; sections: Array<{ label: string; text: string }> };
  actionItems: Array<{ title: string; owner: string | null; due: string | null; status: string }>;
  generatedAt: string;
};

/**
 * User text as Markdown that renders as the same text and never as markup: HTML is turned into
 * entities (so `<img onerror=…>` stays words), Markdown's inline marks are escaped, and a line
 * cannot start a heading, list, quote or rule.
 */
export function mdText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]{}|~!])/g, "\\$1")
    .replace(/^(\s*)([#+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** For a table cell: the same, on one line. */
const esc = (s: string) => mdText(s).replace(/\r?\n/g, " ");

export function reportSections(r: IncidentReport): Array<{ heading: string; lines: string[] }> {
  return [
    {
      heading: "Facts",
      lines: [
        `- Client: ${esc(r.client)}`,
        `- Type: ${r.type}; severity: ${r.severity}; phase: ${r.phase}${r.resolution ? ` (${r.resolution})` : ""}`,
        `- Occurred: ${r.occurredAt ?? "unknown"}; detected: ${r.detectedAt}; aware: ${r.awareAt}${r.closedAt ? `; closed: ${r.closedAt}` : ""}`,
        `- Owner: ${r.owner ? esc(r.owner) : "unassigned"}`,
        "",
        "What happened (internal, staff only):",
        "",
        mdText(r.summary),
        "",
        "What the client was told:",
        "",
        r.clientSummary ? mdText(r.clientSummary) : "Not written yet.",
      ],
    },
    {
      heading: "Affected data",
      lines: [
        `- Categories: ${r.dataCategories.join(", ") || "not recorded"}`,
        `- Data subjects: ${r.dataSubjects ?? "unknown"}; records: ${r.records ?? "unknown"}`,
        `- Jurisdictions: ${r.jurisdictions.join(", ") || "not recorded"}`,
        `- Encrypted: ${r.encrypted === null ? "unknown" : r.encrypted ? "yes" : "no"}`,
        `- Systems: ${esc(r.systems.join(", ")) || "none listed"}`,
      ],
    },
    {
      heading: "Timeline",
      lines: [
        "| When | What | By | Reason |",
        "|---|---|---|---|",
        ...r.timeline.map((t) => `| ${t.at} | ${esc(t.what)} | ${esc(t.by)} | ${esc(t.reason ?? "")} |`),
      ],
    },
    {
      heading: "Notification obligations",
      lines: r.obligations.length
        ? [
            "| Obligation | Recipient | Due | Status |",
            "|---|---|---|---|",
            ...r.obligations.map(
              (o) =>
                `| ${esc(o.citation)}: ${esc(o.title)} | ${esc(o.recipient)} | ${o.due ?? "-"} | ${o.status}${o.decision ? ` (${esc(o.decision)})` : ""} |`,
            ),
          ]
        : ["None owed on the recorded facts."],
    },
    {
      heading: "Notices sent",
      lines: r.notices.length
        ? r.notices.flatMap((n) => [
            `- ${esc(n.citation)}: "${esc(n.subject)}", sent ${n.sentAt}; acknowledged by ${n.acknowledged.join(", ") || "nobody yet"}`,
            `  - approved content SHA-256: \`${n.hash}\``,
          ])
        : ["No notice sent."],
    },
    {
      heading: "Post-incident review",
      lines: r.review
        ? [
            r.review.completedAt ? `Completed ${r.review.completedAt}.` : "Not completed.",
            "",
            ...r.review.sections.flatMap((s) => [`**${s.label}.** ${s.text ? mdText(s.text) : "-"}`, ""]),
            "Action items:",
            ...(r.actionItems.length
              ? r.actionItems.map(
                  (a) =>
                    `- ${esc(a.title)} — ${a.owner ? esc(a.owner) : "unassigned"}, due ${a.due ?? "-"}, ${a.status}`,
                )
              : ["- none"]),
          ]
        : ["No review yet."],
    },
  ];
}

/** The report as Markdown, ending with the SHA-256 of everything above that line. */
export function incidentReportMarkdown(r: IncidentReport): string {
  const body = [
    `# Incident report ${r.reference}: ${esc(r.title)}`,
    "",
    `Generated ${r.generatedAt} by Warden.`,
    "",
    ...reportSections(r).flatMap((s) => [`## ${s.heading}`, "", ...s.lines, ""]),
  ].join("\n");
  return `${body}\n---\nReport SHA-256: ${reportHash(body)}\n`;
}

export function reportHash(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** The report as a printable document; `hash` is the SHA-256 of the Markdown edition's body. */
export function incidentReportDocument(r: IncidentReport, hash: string): DocumentModel {
  const facts = [
    { label: "Client", value: r.client },
    { label: "Type", value: r.type },
    { label: "Severity", value: r.severity },
    { label: "Phase", value: r.resolution ? `${r.phase} (${r.resolution})` : r.phase },
    { label: "Occurred", value: r.occurredAt ?? "Unknown" },
    { label: "Detected", value: r.detectedAt },
    { label: "We became aware", value: r.awareAt },
    ...(r.closedAt ? [{ label: "Closed", value: r.closedAt }] : []),
    { label: "Owner", value: r.owner ?? "Unassigned" },
  ];
  const data = [
    { label: "Data categories", value: r.dataCategories.join(", ") || "Not recorded" },
    { label: "People affected", value: r.dataSubjects === null ? "Unknown" : r.dataSubjects.toLocaleString("en-US") },
    { label: "Records affected", value: r.records === null ? "Unknown" : r.records.toLocaleString("en-US") },
    { label: "Jurisdictions", value: r.jurisdictions.join(", ") || "Not recorded" },
    { label: "Encrypted", value: r.encrypted === null ? "Unknown" : r.encrypted ? "Yes" : "No" },
    { label: "Systems", value: r.systems.join(", ") || "None listed" },
  ];
  return {
    organization: r.organization,
    title: `Incident report ${r.reference}: ${r.title}`,
    subtitle: `${r.client} · generated ${r.generatedAt} by Warden · times in ${r.timeZone}, with UTC in brackets`,
    footer: `${r.organization} · ${r.reference} · confidential: internal report with staff-only text`,
    blocks: [
      { kind: "heading", text: "Facts" },
      { kind: "facts", rows: facts },
      { kind: "heading", text: "What happened (internal, staff only)" },
      { kind: "paragraph", text: r.summary },
      { kind: "heading", text: "What the client was told" },
      { kind: "paragraph", text: r.clientSummary || "No client-facing description written yet." },
      { kind: "heading", text: "Affected data" },
      { kind: "facts", rows: data },
      { kind: "heading", text: "Timeline" },
      {
        kind: "table",
        columns: [
          { header: "When", share: 1.35 },
          { header: "What happened", share: 2.4 },
          { header: "By", share: 1 },
          { header: "Reason or note", share: 1.6 },
        ],
        rows: r.timeline.map((t) => [t.at, t.what, t.by, t.reason ?? ""]),
        empty: "Nothing recorded yet.",
      },
      { kind: "heading", text: "Notification obligations" },
      {
        kind: "table",
        columns: [
          { header: "Obligation", share: 2.2 },
          { header: "Recipient", share: 1.5 },
          { header: "Due", share: 1.35 },
          { header: "Status", share: 1.1 },
        ],
        rows: r.obligations.map((o) => [
          `${o.citation}: ${o.title}`,
          o.recipient,
          o.due ?? "No deadline",
          o.decision ? `${o.status} (${o.decision})` : o.status,
        ]),
        empty: "None owed on the recorded facts.",
      },
      { kind: "heading", text: "Notices sent" },
      {
        kind: "table",
        columns: [
          { header: "Notice", share: 2.2 },
          { header: "Sent", share: 1.35 },
          { header: "Acknowledged by", share: 1.6 },
        ],
        rows: r.notices.map((n) => [
          `${n.citation}: “${n.subject}”\nApproved content SHA-256: ${n.hash}`,
          n.sentAt,
          n.acknowledged.join("; ") || "Nobody yet",
        ]),
        empty: "No notice sent.",
      },
      { kind: "heading", text: "Post-incident review" },
      ...(r.review
        ? [
            {
              kind: "paragraph" as const,
              text: r.review.completedAt ? `Completed ${r.review.completedAt}.` : "Not completed yet.",
              tone: "muted" as const,
            },
            ...r.review.sections.map((s) => ({ kind: "paragraph" as const, text: `${s.label}: ${s.text || "—"}` })),
            {
              kind: "table" as const,
              columns: [
                { header: "Action item", share: 2.6 },
                { header: "Owner", share: 1.2 },
                { header: "Due", share: 1.35 },
                { header: "Status", share: 0.8 },
              ],
              rows: r.actionItems.map((a) => [a.title, a.owner ?? "Unassigned", a.due ?? "No date", a.status]),
              empty: "No action items.",
            },
          ]
        : [{ kind: "paragraph" as const, text: "No review yet.", tone: "muted" as const }]),
      { kind: "heading", text: "Integrity" },
      {
        kind: "paragraph",
        text: "SHA-256 of the Markdown edition of this report (download it with ?format=md and hash everything above its last rule):",
        tone: "muted",
      },
      { kind: "paragraph", text: hash, tone: "code" },
    ],
  };
}
