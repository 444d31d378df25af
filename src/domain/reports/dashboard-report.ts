import { formatDuration } from "@/domain/incident/durations";
import {
  PHASE_LABEL,
  SEVERITY_LABEL,
  TYPE_LABEL,
  type IncidentType,
  type Phase,
  type Severity,
} from "@/domain/incident/types";
import type { DocumentModel } from "./document-model";

// The dashboard as a document a manager can hand on (management review, a client's quarterly
// meeting, an auditor): the same figures as the page and its CSV, worded.

type Count = { key: string; count: number };
type Stat = { median: number | null; mean: number | null; n: number };

export type DashboardReportInput = {
  organization: string;
  scope: string; // "all clients" or the client's name
  fromDay: string;
  toDay: string;
  asOf: string; // e.g. "24 Nov 2026, 15:05 GMT+1 (14:05 UTC)"
  figures: {
    open: { phase: Count[]; severity: Count[]; type: Count[]; client: Count[]; total: number };
    late: {
      count: number;
      rows: Array<{
        reference: string;
        title: string;
        clientName: string;
        severity: string;
        phase: string;
        target: "contain" | "resolve";
        lateBy: number;
      }>;
    };
    windows: { overdue: number; next24h: number; next7d: number };
    k: {
      incidents: number;
      detect: Stat;
      contain: Stat;
      resolve: Stat;
      close: Stat;
      notices: { onTime: number; total: number; rate: number | null };
      actionItems: { open: number; overdue: number };
    };
    perClient: Count[];
    weekly: Array<{ week: string; type: string; count: number }>;
  };
};

const label = (map: Record<string, string>, key: string) => map[key] ?? key;
const counts = (list: Count[], names: Record<string, string> = {}) =>
  list.length ? list.map((c) => `- ${label(names, c.key)}: ${c.count}`) : ["- none"];

export function dashboardReportSections(r: DashboardReportInput): Array<{ heading: string; lines: string[] }> {
  const { open, late, windows, k, perClient, weekly } = r.figures;
  const stat = (name: string, s: Stat) =>
    `- ${name}: median ${formatDuration(s.median)}, mean ${formatDuration(s.mean)} (${s.n} incident${s.n === 1 ? "" : "s"})`;
  const weeks = [...new Set(weekly.map((w) => w.week))];
  return [
    {
      heading: "Open now",
      lines: [
        `${open.total} open incidents; ${late.count} past their internal targets; notices: ${windows.overdue} overdue, ${windows.next24h} due in 24 h, ${windows.next7d} due in 7 days.`,
        "",
        "By phase:",
        ...counts(open.phase, PHASE_LABEL as Record<Phase, string>),
        "By severity:",
        ...counts(open.severity, SEVERITY_LABEL as Record<Severity, string>),
        "By type:",
        ...counts(open.type, TYPE_LABEL as Record<IncidentType, string>),
        "By client:",
        ...counts(open.client),
      ],
    },
    {
      heading: `Response times, ${r.fromDay} to ${r.toDay} (${k.incidents} incidents)`,
      lines: [
        stat("Time to detect (occurred → detected)", k.detect),
        stat("Time to contain (aware → contained)", k.contain),
        stat("Time to resolve (aware → resolved)", k.resolve),
        stat("Time to close (aware → closed)", k.close),
        `- Notices on time: ${k.notices.rate === null ? "—" : `${Math.round(k.notices.rate * 100)} %`} (${k.notices.onTime} of ${k.notices.total})`,
        `- Post-mortem action items: ${k.actionItems.open} open, ${k.actionItems.overdue} overdue`,
      ],
    },
    { heading: "Incidents per client in the period", lines: counts(perClient) },
    {
      heading: "Incidents per week, by type",
      lines: weeks.length
        ? weeks.map(
            (w) =>
              `- Week of ${w}: ${weekly
                .filter((x) => x.week === w)
                .map((x) => `${label(TYPE_LABEL, x.type)} ${x.count}`)
                .join(", ")}`,
          )
        : ["- none"],
    },
    {
      heading: `Past internal targets (${late.count}${late.count > late.rows.length ? `, the ${late.rows.length} furthest past shown` : ""})`,
      lines: late.rows.length
        ? late.rows.map(
            (x) =>
              `- ${x.reference} ${x.title} (${x.clientName}; ${label(SEVERITY_LABEL, x.severity)}; ${label(PHASE_LABEL, x.phase)}): ${x.target === "contain" ? "containment" : "resolution"} late by ${formatDuration(x.lateBy)}`,
          )
        : ["- every open incident is within its targets"],
    },
  ];
}

export function dashboardReportTitle(
  r: Pick<DashboardReportInput, "organization" | "scope" | "fromDay" | "toDay">,
): string {
  return `${r.organization}: incident dashboard, ${r.scope}, ${r.fromDay} to ${r.toDay}`;
}

/** The dashboard as a printable document: the same figures as tables. */
export function dashboardReportDocument(
  r: DashboardReportInput,
  meta: { preparedFor: string; timeZone: string },
): DocumentModel {
  const { open, late, windows, k, perClient, weekly } = r.figures;
  const countRows = (list: Count[], names: Record<string, string> = {}) =>
    list.map((c) => [label(names, c.key), String(c.count)]);
  const countTable = (header: string, list: Count[], names?: Record<string, string>) => ({
    kind: "table" as const,
    columns: [
      { header, share: 3 },
      { header: "Open incidents", share: 1, align: "right" as const },
    ],
    rows: countRows(list, names),
    empty: "None open.",
  });
  const stat = (name: string, s: Stat) => [name, formatDuration(s.median), formatDuration(s.mean), String(s.n)];
  return {
    organization: r.organization,
    title: dashboardReportTitle(r),
    subtitle: `Figures as of ${r.asOf} · prepared for ${meta.preparedFor} · times in ${meta.timeZone}, with UTC in brackets`,
    footer: `${r.organization} · incident dashboard, ${r.scope}`,
    blocks: [
      { kind: "heading", text: "Open now" },
      {
        kind: "facts",
        rows: [
          { label: "Open incidents", value: String(open.total) },
          { label: "Past internal targets", value: String(late.count) },
          { label: "Notices overdue", value: String(windows.overdue) },
          { label: "Notices due in 24 hours", value: String(windows.next24h) },
          { label: "Notices due in 7 days", value: String(windows.next7d) },
        ],
      },
      countTable("By phase", open.phase, PHASE_LABEL as Record<Phase, string>),
      countTable("By severity", open.severity, SEVERITY_LABEL as Record<Severity, string>),
      countTable("By type", open.type, TYPE_LABEL as Record<IncidentType, string>),
      countTable("By client", open.client),
      { kind: "heading", text: `Response times, ${r.fromDay} to ${r.toDay} (${k.incidents} incidents)` },
      {
        kind: "table",
        columns: [
          { header: "Measure", share: 2.6 },
          { header: "Median", share: 1, align: "right" },
          { header: "Mean", share: 1, align: "right" },
          { header: "Incidents", share: 0.8, align: "right" },
        ],
        rows: [
          stat("Time to detect (occurred → detected)", k.detect),
          stat("Time to contain (aware → contained)", k.contain),
          stat("Time to resolve (aware → resolved)", k.resolve),
          stat("Time to close (aware → closed)", k.close),
        ],
        empty: "No incidents in the period.",
      },
      {
        kind: "facts",
        rows: [
          {
            label: "Notices on time",
            value: `${k.notices.rate === null ? "—" : `${Math.round(k.notices.rate * 100)} %`} (${k.notices.onTime} of ${k.notices.total})`,
          },
          { label: "Post-mortem action items", value: `${k.actionItems.open} open, ${k.actionItems.overdue} overdue` },
        ],
      },
      { kind: "heading", text: "Incidents per client in the period" },
      {
        kind: "table",
        columns: [
          { header: "Client", share: 3 },
          { header: "Incidents", share: 1, align: "right" },
        ],
        rows: countRows(perClient),
        empty: "None in the period.",
      },
      { kind: "heading", text: "Incidents per week, by type" },
      {
        kind: "table",
        columns: [
          { header: "Week of", share: 1 },
          { header: "Type", share: 2 },
          { header: "Incidents", share: 1, align: "right" },
        ],
        rows: weekly.map((w) => [w.week, label(TYPE_LABEL, w.type), String(w.count)]),
        empty: "None in the period.",
      },
      {
        kind: "heading",
        text: `Past internal targets (${late.count}${late.count > late.rows.length ? `, the ${late.rows.length} furthest past shown` : ""})`,
      },
      {
        kind: "table",
        columns: [
          { header: "Incident", share: 2.6 },
          { header: "Client", share: 1.4 },
          { header: "Severity", share: 0.8 },
          { header: "Phase", share: 0.9 },
          { header: "Late by", share: 1.4 },
        ],
        rows: late.rows.map((x) => [
          `${x.reference} ${x.title}`,
          x.clientName,
          label(SEVERITY_LABEL, x.severity),
          label(PHASE_LABEL, x.phase),
          `${x.target === "contain" ? "Containment" : "Resolution"} late by ${formatDuration(x.lateBy)}`,
        ]),
        empty: "Every open incident is within its targets.",
      },
    ],
  };
}
