// What the access log records (src/server/read-log.ts) and how the audit page names it. Plain
// data: the kinds are the vocabulary of the ReadEvent table, the groups that of the page's filter.

export const READ_KINDS = [
  "incident.view",
  "report.pdf",
  "report.markdown",
  "audit.csv",
  "export.incidents_csv",
  "export.dashboard_csv",
  "export.dashboard_pdf",
  "export.audit_csv",
  "notice.view",
  "notice.pdf",
] as const;
export type ReadKind = (typeof READ_KINDS)[number];

/** A read in plain words, after the person's name: "Priya Natarajan opened the incident". */
export const READ_KIND_LABEL: Readonly<Record<ReadKind, string>> = {
  "incident.view": "Opened the incident (with its evidence)",
  "report.pdf": "Downloaded the incident report (PDF)",
  "report.markdown": "Downloaded the incident report (Markdown)",
  "audit.csv": "Downloaded the incident's audit trail (CSV)",
  "export.incidents_csv": "Exported the incident list (CSV)",
  "export.dashboard_csv": "Exported the dashboard (CSV)",
  "export.dashboard_pdf": "Exported the dashboard (PDF)",
  "export.audit_csv": "Exported the organization's audit log (CSV)",
  "notice.view": "Opened a notice in the client portal",
  "notice.pdf": "Downloaded a notice (PDF)",
};

export function readKindLabel(kind: string): string {
  return (READ_KIND_LABEL as Record<string, string>)[kind] ?? `Read (${kind})`;
}

/** The audit page's "kind" filter: a prefix of the change's action, or a group of reads. */
export const CHANGE_KINDS = [
  ["incident.", "Incidents"],
  ["checklist.", "Checklists"],
  ["evidence.", "Evidence"],
  ["task.", "Tasks"],
  ["note.", "Notes"],
  ["obligation", "Obligations and deadlines"],
  ["notice.", "Notices"],
  ["postmortem.", "Post-incident reviews"],
  ["auth.", "Sign-in and sessions"],
  ["user.", "People and accounts"],
  ["client.", "Clients"],
  ["organization.", "Organization settings"],
] as const satisfies ReadonlyArray<readonly [string, string]>;

export const READ_GROUPS = [
  ["reads", "All reads"],
  ["reads:incident.", "Incident pages"],
  ["reads:report.", "Incident reports"],
  ["reads:export.", "Exports"],
  ["reads:audit.", "Audit trails"],
  ["reads:notice.", "Client notices"],
] as const satisfies ReadonlyArray<readonly [string, string]>;

export type AuditKind = "" | (typeof CHANGE_KINDS)[number][0] | (typeof READ_GROUPS)[number][0];
export const AUDIT_KINDS: readonly AuditKind[] = ["", ...CHANGE_KINDS.map(([k]) => k), ...READ_GROUPS.map(([k]) => k)];

/** Whether a kind filter selects the read log (else the changes of the audit trail). */
export const isReadKind = (kind: AuditKind): boolean => kind.startsWith("reads");

/** The prefix of the ReadEvent kind a read group selects ("" for all reads). */
export const readPrefix = (kind: AuditKind): string => (kind.startsWith("reads:") ? kind.slice("reads:".length) : "");
