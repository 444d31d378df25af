import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/chain";
import { DATA_CATEGORY_LABEL, TYPE_LABEL, type DataCategory, type IncidentType } from "../incident/types";
import { jurisdictionName } from "../incident/jurisdictions";
import { formatInstantWithUtc } from "@/lib/datetime";

export type NoticeField = { key: string; label: string; value: string };
export type NoticeContent = { subject: string; fields: NoticeField[] };

/** The hash an approved notice is frozen by: the same content always gives the same hash. */
export function noticeHash(content: NoticeContent): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        subject: content.subject,
        fields: content.fields.map((f) => ({ key: f.key, label: f.label, value: f.value })),
      }),
    )
    .digest("hex");
}

/**
 * What a first draft may say. Only client-facing facts: the internal description is not here on
 * purpose, so no prefill can copy it into a notice.
 */
export type PrefillFacts = {
  reference: string;
  title: string;
  /** The incident's client-facing description ("" when not written yet). */
  clientSummary: string;
  type: IncidentType;
  occurredAt: Date | null;
  detectedAt: Date;
  awareAt: Date;
  /** The recipient's time zone: every time is shown in it, with UTC beside. */
  zone: string;
  dataCategories: readonly DataCategory[];
  dataSubjectsCount: number | null;
  recordsCount: number | null;
  jurisdictions: readonly string[];
  subjectsByJurisdiction: Readonly<Record<string, number>> | null;
  dataEncrypted: boolean | null;
  measuresDone: readonly string[];
  contact: string;
};

const count = (n: number) => n.toLocaleString("en-US");

function times(f: PrefillFacts): string {
  const at = (d: Date | null) => (d ? formatInstantWithUtc(d, f.zone) : "not yet known");
  return `Occurred: ${at(f.occurredAt)}. Detected: ${at(f.detectedAt)}. We became aware: ${at(f.awareAt)}.`;
}

function categories(f: PrefillFacts): string {
  const kinds = f.dataCategories.length
    ? `Categories of data: ${f.dataCategories.map((c) => DATA_CATEGORY_LABEL[c]).join(", ")}.`
    : "The categories of data are still being determined.";
  const encryption =
    f.dataEncrypted === true
      ? "The data was encrypted."
      : f.dataEncrypted === false
        ? "The data was not encrypted."
        : "Whether the data was encrypted is still being determined.";
  return `${kinds} ${encryption}`;
}

/** "About 1,250 people (California 620, New York 400, …) and 3,400 records." */
function numbers(f: PrefillFacts): string {
  const perPlace = Object.entries(f.subjectsByJurisdiction ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([code, n]) => `${jurisdictionName(code)} ${count(n)}`);
  const people =
    f.dataSubjectsCount !== null
      ? `About ${count(f.dataSubjectsCount)} people`
      : "The number of people affected is still being determined";
  const records = f.recordsCount !== null ? `${count(f.recordsCount)} records` : "an unknown number of records";
  const where = perPlace.length
    ? ` By jurisdiction: ${perPlace.join("; ")}.`
    : f.jurisdictions.length
      ? ` Jurisdictions concerned: ${f.jurisdictions.map(jurisdictionName).join(", ")}.`
      : "";
  return `${people}; ${records}.${where}`;
}

/** The client-facing description with the times; empty while none is written, so it must be. */
function description(f: PrefillFacts): string {
  if (!f.clientSummary.trim()) return "";
  return `${TYPE_LABEL[f.type]} (${f.reference}). ${f.clientSummary.trim()}\n\n${times(f)}`;
}

const GROUPS: Array<[RegExp, (f: PrefillFacts) => string]> = [
  [/^nature$/, (f) => (description(f) ? `${description(f)}\n\n${categories(f)}\n${numbers(f)}` : "")],
  [/^(whatHappened|summary|description|facts|circumstances|compromise|plain|content|origin)$/, description],
  [
    /^reference$/,
    (f) =>
      `${f.reference}. Detected: ${formatInstantWithUtc(f.detectedAt, f.zone)}. We became aware: ${formatInstantWithUtc(f.awareAt, f.zone)}.`,
  ],
  [/^(dataAffected)$/, (f) => `${categories(f)}\n${numbers(f)}`],
  [/^(information|phiTypes|categories|kinds)$/, categories],
  [/^(number|individuals)$/, numbers],
  [
    /^(measures|entityActions|mitigation|steps|whatWeAreDoing|update|continuity)$/,
    (f) =>
      f.measuresDone.length
        ? `Done so far: ${f.measuresDone.join("; ")}.`
        : "Containment is under way; we will report the measures taken.",
  ],
  [/^(contact|moreInformation|identity)$/, (f) => f.contact],
  [/^(date|period|timing)$/, times],
  [
    /^(memberStates|crossBorder)$/,
    (f) => (f.jurisdictions.length ? f.jurisdictions.map(jurisdictionName).join(", ") : "Not yet known."),
  ],
];

/** A first draft: each required field filled from what the incident already records. */
export function prefillNotice(
  citation: string,
  fields: readonly { key: string; label: string }[],
  f: PrefillFacts,
): NoticeContent {
  return {
    subject: `${f.reference}: ${f.title} — ${citation}`,
    fields: fields.map(({ key, label }) => ({ key, label, value: GROUPS.find(([re]) => re.test(key))?.[1](f) ?? "" })),
  };
}
