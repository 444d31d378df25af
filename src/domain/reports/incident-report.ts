import { createHash } from "node:crypto";

// The incident report for a client or an auditor, as Markdown (the PDF prints the same
// sections). Pure: a plain report object in, text out. The report ends with its own hash.

export type IncidentReport = {
  reference: string;
  title: string;
  client: string;
  type: string;
  severity: string;
  phase: string;
  resolution: string | null;
  summary: string;
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
  obligations: Array<{ citation: string; title: string; recipient: string; due: string | null; status: string; decision: string | null }>;
  notices: Array<{ citation: string; subject: string; sentAt: string; hash: string; acknowledged: string[] }>;
  review: null | { completedAt: string | null; sections: Array<{ label: string; text: string }> };
  actionItems: Array<{ title: string; owner: string | null; due: string | null; status: string }>;
  generatedAt: string;
};

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function reportSections(r: IncidentReport): Array<{ heading: string; lines: string[] }> {
  return [
    {
      heading: "Facts",
      lines: [
        `- Client: ${r.client}`,
        `- Type: ${r.type}; severity: ${r.severity}; phase: ${r.phase}${r.resolution ? ` (${r.resolution})` : ""}`,
        `- Occurred: ${r.occurredAt ?? "unknown"}; detected: ${r.detectedAt}; aware: ${r.awareAt}${r.closedAt ? `; closed: ${r.closedAt}` : ""}`,
        `- Owner: ${r.owner ?? "unassigned"}`,
        "",
        r.summary,
      ],
    },
    {
      heading: "Affected data",
      lines: [
        `- Categories: ${r.dataCategories.join(", ") || "not recorded"}`,
        `- Data subjects: ${r.dataSubjects ?? "unknown"}; records: ${r.records ?? "unknown"}`,
        `- Jurisdictions: ${r.jurisdictions.join(", ") || "not recorded"}`,
        `- Encrypted: ${r.encrypted === null ? "unknown" : r.encrypted ? "yes" : "no"}`,
        `- Systems: ${r.systems.join(", ") || "none listed"}`,
      ],
    },
    {
      heading: "Timeline",
      lines: ["| When (UTC) | What | By | Reason |", "|---|---|---|---|", ...r.timeline.map((t) => `| ${t.at} | ${esc(t.what)} | ${esc(t.by)} | ${esc(t.reason ?? "")} |`)],
    },
    {
      heading: "Notification obligations",
      lines: r.obligations.length
        ? ["| Obligation | Recipient | Due (UTC) | Status |", "|---|---|---|---|", ...r.obligations.map((o) => `| ${esc(o.citation)}: ${esc(o.title)} | ${esc(o.recipient)} | ${o.due ?? "-"} | ${o.status}${o.decision ? ` (${esc(o.decision)})` : ""} |`)]
        : ["None owed on the recorded facts."],
    },
    {
      heading: "Notices sent",
      lines: r.notices.length
        ? r.notices.flatMap((n) => [`- ${n.citation}: "${n.subject}", sent ${n.sentAt}; acknowledged by ${n.acknowledged.join(", ") || "nobody yet"}`, `  - approved content SHA-256: \`${n.hash}\``])
        : ["No notice sent."],
    },
    {
      heading: "Post-incident review",
      lines: r.review
        ? [r.review.completedAt ? `Completed ${r.review.completedAt}.` : "Not completed.", "", ...r.review.sections.flatMap((s) => [`**${s.label}.** ${s.text || "-"}`, ""]), "Action items:", ...(r.actionItems.length ? r.actionItems.map((a) => `- ${a.title} — ${a.owner ?? "unassigned"}, due ${a.due ?? "-"}, ${a.status}`) : ["- none"])]
        : ["No review yet."],
    },
  ];
}

/** The report as Markdown, ending with the SHA-256 of everything above that line. */
export function incidentReportMarkdown(r: IncidentReport): string {
  const body = [
    `# Incident report ${r.reference}: ${r.title}`,
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
