import { SEVERITIES, type Severity } from "@/domain/incident/types";

// The alert queue's filters, read from the URL: anything not understood is left out (a plain GET
// form: a bad value narrows nothing and never errors).

export const QUEUE_TABS = ["open", "new", "grouped", "dismissed", "promoted", "merged"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const QUEUE_TAB_LABEL: Record<QueueTab, string> = {
  open: "To triage",
  new: "New",
  grouped: "Grouped",
  dismissed: "Dismissed",
  promoted: "Promoted",
  merged: "Merged",
};

export const AGES = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type Age = keyof typeof AGES;
export const AGE_LABEL: Record<Age, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

export type AlertQueueQuery = {
  tab: QueueTab;
  clientId: string | null;
  source: string | null;
  minSeverity: Severity | null;
  age: Age | null;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseAlertQueueQuery(params: Record<string, string | string[] | undefined>): AlertQueueQuery {
  const tab = one(params.tab);
  const clientId = one(params.clientId);
  const source = one(params.source);
  const severity = one(params.severity);
  const age = one(params.age);
  return {
    tab: tab && (QUEUE_TABS as readonly string[]).includes(tab) ? (tab as QueueTab) : "open",
    clientId: clientId && UUID.test(clientId) ? clientId.toLowerCase() : null,
    source: source && source.length <= 100 ? source : null,
    minSeverity: severity && (SEVERITIES as readonly string[]).includes(severity) ? (severity as Severity) : null,
    age: age && age in AGES ? (age as Age) : null,
  };
}

/** The query string for the same filters on another tab. */
export function queueQueryString(q: AlertQueueQuery, tab: QueueTab = q.tab): string {
  const p = new URLSearchParams();
  if (tab !== "open") p.set("tab", tab);
  if (q.clientId) p.set("clientId", q.clientId);
  if (q.source) p.set("source", q.source);
  if (q.minSeverity) p.set("severity", q.minSeverity);
  if (q.age) p.set("age", q.age);
  return p.toString();
}
