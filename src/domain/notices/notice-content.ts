import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/chain";
import { DATA_CATEGORY_LABEL, TYPE_LABEL, type DataCategory, type IncidentType } from "../incident/types";
import { jurisdictionName } from "../incident/jurisdictions";

export type NoticeField = { key: string; label: string; value: string };
export type NoticeContent = { subject: string; fields: NoticeField[] };

/** The hash an approved notice is frozen by: the same content always gives the same hash. */
export function noticeHash(content: NoticeContent): string {
  return createHash("sha256").update(canonicalJson({ subject: content.subject, fields: content.fields.map((f) => ({ key: f.key, label: f.label, value: f.value })) })).digest("hex");
}

export type PrefillFacts = {
  reference: string;
  title: string;
  summary: string;
  type: IncidentType;
  occurredAt: string | null;
  detectedAt: string;
  awareAt: string;
  dataCategories: readonly DataCategory[];
  dataSubjectsCount: number | null;
  recordsCount: number | null;
  jurisdictions: readonly string[];
  dataEncrypted: boolean | null;
  measuresDone: readonly string[];
  contact: string;
};

const GROUPS: Array<[RegExp, (f: PrefillFacts) => string]> = [
  [/^(nature|whatHappened|summary|description|facts|circumstances|compromise|plain|content|malicious|origin|reference)$/, (f) =>
    `${TYPE_LABEL[f.type]} (${f.reference}): ${f.summary}\n\nOccurred: ${f.occurredAt ?? "not yet known"}. Detected: ${f.detectedAt}. We became aware: ${f.awareAt}.`],
  [/^(dataAffected|information|phiTypes|categories|kinds|individuals)$/, (f) =>
    `${f.dataCategories.length ? f.dataCategories.map((c) => DATA_CATEGORY_LABEL[c]).join(", ") : "Categories still being determined"}. ` +
    `${f.dataEncrypted === true ? "The data was encrypted." : f.dataEncrypted === false ? "The data was not encrypted." : "Whether the data was encrypted is still being determined."}`],
  [/^(number)$/, (f) =>
    `Approximately ${f.dataSubjectsCount?.toLocaleString("en-US") ?? "an unknown number of"} data subjects and ${f.recordsCount?.toLocaleString("en-US") ?? "an unknown number of"} records` +
    `${f.jurisdictions.length ? `, in ${f.jurisdictions.map(jurisdictionName).join(", ")}` : ""}.`],
  [/^(measures|entityActions|mitigation|steps|whatWeAreDoing|update|continuity)$/, (f) =>
    f.measuresDone.length ? `Done so far: ${f.measuresDone.join("; ")}.` : "Containment is under way; we will report the measures taken."],
  [/^(contact|moreInformation|identity)$/, (f) => f.contact],
  [/^(date|period|timing)$/, (f) => `Occurred: ${f.occurredAt ?? "not yet known"}. Detected: ${f.detectedAt}. Aware: ${f.awareAt}.`],
  [/^(memberStates|crossBorder)$/, (f) => (f.jurisdictions.length ? f.jurisdictions.map(jurisdictionName).join(", ") : "Not yet known.")],
];

/** A first draft: each required field filled from what the incident already records. */
export function prefillNotice(citation: string, title: string, fields: readonly { key: string; label: string }[], f: PrefillFacts): NoticeContent {
  return {
    subject: `${f.reference}: ${f.title} — ${citation}`,
    fields: fields.map(({ key, label }) => ({ key, label, value: GROUPS.find(([re]) => re.test(key))?.[1](f) ?? "" })),
  };
}
