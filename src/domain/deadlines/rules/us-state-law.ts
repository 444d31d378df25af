import type { Clock, ClockStart, Condition, InForce, Party, Rule, RuleSource, Unit } from "../types";

// The shape every US state and territory breach statute shares, so the data files
// (us-states-a-m.ts, us-states-n-z.ts) state only what differs from one law to the next.
// Ids: `us-xx` notice to residents, `us-xx-ag` the attorney general or other regulator,
// `us-xx-cra` the nationwide consumer reporting agencies, `us-xx-vendor` the service provider's
// notice to the data owner (the BPO's own clock, party "BPO").

/** One state's or territory's statute: its ISO 3166-2 code, name, zone of its capital, sources. */
export type StateLaw = {
  code: string;
  name: string;
  zone: string;
  sources: readonly RuleSource[];
};

export const RETRIEVED = "2026-12-02";

export function source(url: string, title: string): RuleSource {
  return { url, retrieved: RETRIEVED, title };
}

/** Marks figures that rest on secondary summaries only (shown as unconfirmed, editable by an admin). */
export const SECONDARY =
  "Figures and required content taken from secondary summaries of the statute (state-law charts); not confirmed in its primary text.";

/** The figures were read in the statute (or the regulator's own page); the content list was not. */
export const CONTENT_UNCONFIRMED = "Required content fields not confirmed in a primary text.";

// Content of the notices: what the statutes commonly require, by recipient.
export const RESIDENT_NOTICE = [
  { key: "whatHappened", label: "Description of the breach, with its date or estimated date" },
  { key: "information", label: "Types of personal information involved" },
  { key: "measures", label: "What the business has done to protect the information from further access" },
  { key: "contact", label: "Contact information of the business (toll-free number, address)" },
  { key: "agencies", label: "Toll-free numbers and addresses of the consumer reporting agencies and the FTC" },
] as const;

export const RESIDENT_NOTICE_BASIC = [
  { key: "whatHappened", label: "Description of the breach and its date" },
  { key: "information", label: "Types of information involved" },
  { key: "contact", label: "Contact information" },
] as const;

export const REGULATOR_NOTICE = [
  { key: "entity", label: "Name and address of the business reporting the breach" },
  { key: "dates", label: "Date or estimated date of the breach and of its discovery" },
  { key: "nature", label: "Nature of the breach and the types of information involved" },
  { key: "number", label: "Number of residents affected (and in total, where known)" },
  { key: "steps", label: "Steps taken or planned in response" },
  { key: "sample", label: "A copy of the notice sent to residents" },
] as const;

export const AGENCY_NOTICE = [
  { key: "timing", label: "Timing of the notices to residents" },
  { key: "distribution", label: "Distribution of the notices" },
  { key: "content", label: "Content of the notices" },
  { key: "number", label: "Approximate number of residents notified" },
] as const;

export const SERVICE_PROVIDER_NOTICE = [
  { key: "breach", label: "What happened, and when it was discovered" },
  { key: "data", label: "Personal information and residents affected, as far as known" },
  { key: "cooperation", label: "Cooperation offered: facts for the owner's own notices" },
] as const;

type Content = Rule["content"];

/** Residents of `code` whose unencrypted personal data was involved. */
export function residentsOf(code: string): readonly Condition[] {
  return [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: [code] }, { kind: "notEncrypted" }];
}

/**
 * More than `over` residents of `code`. The statutes say either "more than N" (over: N) or
 * "N or more" (over: N - 1); each call below says which in its comment.
 */
export function residentsOver(code: string, over: number): readonly Condition[] {
  return [{ kind: "personalData" }, { kind: "notEncrypted" }, { kind: "residentsOver", codes: [code], over }];
}

type ClockSpec = Omit<Clock, "zone">;

/** A fixed number of calendar days from `start`. */
export function days(amount: number, start: ClockStart, extra: Partial<ClockSpec> = {}): ClockSpec {
  return { start, amount, unit: "CALENDAR_DAYS", ...extra };
}

/** "Without unreasonable delay and no later than n days": the figure is the latest. */
export function outer(amount: number, start: ClockStart): ClockSpec {
  return { start, amount, unit: "CALENDAR_DAYS", outerLimit: true };
}

/** The law fixes no time: a working target (30 days from discovery unless said otherwise). */
export function target(amount = 30, unit: Unit = "CALENDAR_DAYS", start: ClockStart = "DISCOVERY"): ClockSpec {
  return { start, amount, unit, noStatutoryLimit: true };
}

/** Counted from the notice to residents (`us-xx`): n days after it; 0 = by the end of that day. */
export function afterResidents(law: StateLaw, amount = 0, unit: Unit = "CALENDAR_DAYS"): ClockSpec {
  return { start: "PREVIOUS_FILING", after: idOf(law), amount, unit };
}

export function idOf(law: StateLaw, suffix?: "ag" | "cra" | "vendor"): string {
  return `${law.code.toLowerCase()}${suffix ? `-${suffix}` : ""}`;
}

type Period = Omit<InForce, "zone">;

type Spec = {
  citation: string;
  clock: ClockSpec;
  inForce: Period;
  content?: Content;
  note?: string;
  unconfirmed?: string;
  /** Sources of this rule beyond the statute's own (an amending act, the AG's page). */
  sources?: readonly RuleSource[];
};

function rule(
  law: StateLaw,
  suffix: "ag" | "cra" | "vendor" | undefined,
  party: Party,
  title: string,
  recipient: string,
  when: readonly Condition[],
  spec: Spec,
  content: Content,
): Rule {
  return {
    id: idOf(law, suffix),
    regime: law.name,
    citation: spec.citation,
    title,
    party,
    recipient,
    when,
    clock: { ...spec.clock, zone: law.zone },
    inForce: { ...spec.inForce, zone: law.zone },
    content: spec.content ?? content,
    ...(spec.unconfirmed ? { unconfirmed: spec.unconfirmed } : {}),
    ...(spec.note ? { note: spec.note } : {}),
    sources: [...law.sources, ...(spec.sources ?? [])],
  };
}

/** Notice to the affected residents, owed by the owner or licensee of the data (the client). */
export function residentNotice(law: StateLaw, spec: Spec & { when?: readonly Condition[] }): Rule {
  return rule(
    law,
    undefined,
    "CLIENT",
    `Notice to ${law.name} residents (by the client)`,
    `Affected ${law.name} residents`,
    spec.when ?? residentsOf(law.code),
    spec,
    RESIDENT_NOTICE,
  );
}

/**
 * A residents' threshold as the statute words it: "more than N" (`over: N`) or "N or more"
 * (`atLeast: N`, which is more than N - 1). Absent: every breach notified to residents counts.
 */
export type Threshold = { over: number; atLeast?: never } | { atLeast: number; over?: never };

function thresholdOf(t: Threshold): { over: number; words: string } {
  const n = (x: number) => x.toLocaleString("en-US");
  return t.atLeast !== undefined
    ? { over: t.atLeast - 1, words: `${n(t.atLeast)} or more residents` }
    : { over: t.over, words: `more than ${n(t.over)} residents` };
}

/** Notice to the attorney general or another regulator; without a threshold, for every breach. */
export function regulatorNotice(law: StateLaw, recipient: string, spec: Spec & { threshold?: Threshold }): Rule {
  const t = spec.threshold ? thresholdOf(spec.threshold) : null;
  return rule(
    law,
    "ag",
    "CLIENT",
    `Notice to the ${recipient}${t ? `, ${t.words}` : ""} (by the client)`,
    recipient,
    t ? residentsOver(law.code, t.over) : residentsOf(law.code),
    spec,
    REGULATOR_NOTICE,
  );
}

/** Notice to the nationwide consumer reporting agencies; without a threshold, for every breach. */
export function agencyNotice(law: StateLaw, spec: Spec & { threshold?: Threshold }): Rule {
  const t = spec.threshold ? thresholdOf(spec.threshold) : null;
  return rule(
    law,
    "cra",
    "CLIENT",
    `Notice to the consumer reporting agencies${t ? `, ${t.words}` : ""} (by the client)`,
    "Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)",
    t ? residentsOver(law.code, t.over) : residentsOf(law.code),
    spec,
    AGENCY_NOTICE,
  );
}

/** The service provider's (the BPO's) notice to the owner or licensee of the data (the client). */
export function serviceProviderNotice(law: StateLaw, spec: Spec): Rule {
  return rule(
    law,
    "vendor",
    "BPO",
    `Service provider notice to the data owner (${law.name})`,
    "The client (owner or licensee of the data)",
    residentsOf(law.code),
    spec,
    SERVICE_PROVIDER_NOTICE,
  );
}
