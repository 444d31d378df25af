import type { DataCategory, IncidentType, Severity } from "../incident/types";

// What an alert says, as facts for an incident: the promote form shows them for the analyst to
// confirm, and an automation rule's promotion uses them as they are.

export type AlertFacts = {
  source: string;
  externalId: string;
  title: string;
  type: IncidentType | null;
  severity: Severity;
  observedAt: Date;
  receivedAt: Date;
  lastSeenAt: Date;
  count: number;
  dataCategories: readonly DataCategory[];
  assets: readonly string[];
  jurisdictions: readonly string[];
};

// Words in an alert's title that say what kind of incident it is, checked in this order (the
// first that matches wins): what leaks by mistake before what is stolen, theft before attack.
const TYPE_WORDS: ReadonlyArray<[IncidentType, RegExp]> = [
  ["INTERNAL_FRAUD", /\b(fraud|insider|embezzl)/i],
  ["ACCIDENTAL_LEAK", /\b(dlp|misdirect|mis-sent|wrong recipient|accidental|public (bucket|share|link))/i],
  ["DATA_BREACH", /\b(exfiltrat|breach|data (leak|theft)|dump(ed)?\b)/i],
  // failed sign-ins are an attack's signal, not a system's failure
  ["CYBERATTACK", /\b(authentication failures?|failed log(in|on)s?|brute)/i],
  [
    "SYSTEM_FAILURE",
    /\b(outage|down\b|unavailable|(system|service|hardware|power|disk) failure|failed disk|disk full|crash)/i,
  ],
  ["NATURAL_DISASTER", /\b(flood|fire|earthquake|storm|power loss)/i],
  ["CYBERATTACK", /\b(malware|ransom|phish|brute|intrusion|attack|exploit|trojan|c2|command and control)/i],
];

/** The incident type: the source's own when it says, else a guess from the title (a cyberattack when nothing fits). */
export function guessIncidentType(alert: Pick<AlertFacts, "type" | "title">): IncidentType {
  if (alert.type) return alert.type;
  return TYPE_WORDS.find(([, words]) => words.test(alert.title))?.[0] ?? "CYBERATTACK";
}

/** The internal description a promotion starts with: where the alert came from and how often it fired. */
export function promotionSummary(alert: AlertFacts): string {
  const times = alert.count > 1 ? ` It fired ${alert.count} times, last at ${alert.lastSeenAt.toISOString()}.` : "";
  const assets = alert.assets.length ? ` Systems named: ${alert.assets.join(", ")}.` : "";
  return `Promoted from a ${alert.source} alert (id ${alert.externalId}) observed at ${alert.observedAt.toISOString()}: ${alert.title}.${times}${assets}`;
}

/**
 * The incident facts an alert gives: observed time as detection, the time Warden received it
 * as awareness (never before detection), severity, categories, jurisdictions and assets.
 */
export function promotionFacts(alert: AlertFacts) {
  const awareAt = alert.receivedAt < alert.observedAt ? alert.observedAt : alert.receivedAt;
  return {
    title: alert.title.length > 200 ? `${alert.title.slice(0, 199)}…` : alert.title.padEnd(3, "."),
    type: guessIncidentType(alert),
    severity: alert.severity,
    summary: promotionSummary(alert).slice(0, 10_000),
    detectedAt: alert.observedAt,
    awareAt,
    dataCategories: [...alert.dataCategories],
    jurisdictions: [...alert.jurisdictions],
    assets: [...new Set(alert.assets.map((a) => a.trim()).filter((a) => a !== ""))].slice(0, 50),
  };
}
