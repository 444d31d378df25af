import type { DataCategory, IncidentType } from "../incident/types";

export const CLOCK_STARTS = ["AWARENESS", "DISCOVERY", "DETERMINATION", "CLASSIFICATION", "PREVIOUS_FILING"] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

export type Unit = "HOURS" | "BUSINESS_HOURS" | "CALENDAR_DAYS" | "BUSINESS_DAYS" | "MONTHS";

export type Party = "BPO" | "CLIENT";

export type RiskLevel = "UNASSESSED" | "UNLIKELY" | "RISK" | "HIGH_RISK";

/** Facts of an incident that decide which notices are owed and when. */
export type IncidentFacts = {
  occurredAt: Date | null;
  detectedAt: Date;
  awareAt: Date;
  dataCategories: readonly DataCategory[];
  jurisdictions: readonly string[];
  dataSubjectsCount: number | null;
  /** Data subjects per jurisdiction where known ("US-CA": 620). */
  subjectsByJurisdiction?: Readonly<Record<string, number>>;
  dataEncrypted: boolean | null;
  /** Risk to the people affected (GDPR 33/34, PIPEDA, NDB, PDPA), and when it was assessed. */
  risk: RiskLevel;
  riskAssessedAt: Date | null;
  /** NIS2 "significant incident" determination. */
  nis2Significant: boolean | null;
  /** DORA "major ICT-related incident" classification and its time. */
  doraMajor: boolean | null;
  doraClassifiedAt: Date | null;
  /** SEC materiality determination and its time. */
  secMaterial: boolean | null;
  secDeterminedAt: Date | null;
  /** The incident's type: a cyberattack or internal fraud is a possible act with a wrongful purpose (APPI). */
  incidentType?: IncidentType;
};

export type ClientTerms = {
  timeZone: string;
  noticeHours: number;
  noticeBusinessHoursOnly: boolean;
  /**
   * The organization's working target, in hours, for notices the client owes under a law that
   * fixes no time at all (`Clock.noStatutoryLimit`). Absent: the rule's own figure.
   */
  workingTargetHours?: number;
  hipaaCoveredEntity: boolean;
  doraFinancialEntity: boolean;
  nis2Entity: boolean;
  secRegistrant: boolean;
  handlesCardData: boolean;
  /** US sector flags (absent: false). GLBA financial institution under the FTC (Safeguards Rule). */
  glbaFinancialInstitution?: boolean;
  /** Covered entity under the New York DFS cybersecurity regulation (23 NYCRR 500). */
  nydfsCoveredEntity?: boolean;
  /** Covered institution under SEC Regulation S-P (broker-dealer, investment company, adviser, transfer agent). */
  regSpCoveredInstitution?: boolean;
  /** Telecommunications carrier or interconnected VoIP provider (FCC CPNI rule). */
  telecomCarrier?: boolean;
};

export type ClientFlag =
  | "hipaaCoveredEntity"
  | "doraFinancialEntity"
  | "nis2Entity"
  | "secRegistrant"
  | "handlesCardData"
  | "glbaFinancialInstitution"
  | "nydfsCoveredEntity"
  | "regSpCoveredInstitution"
  | "telecomCarrier";

export type Condition =
  | { kind: "personalData" }
  | { kind: "categoryAny"; categories: readonly DataCategory[] }
  | { kind: "jurisdictionEU" }
  | { kind: "jurisdictionAny"; codes: readonly string[] }
  | { kind: "clientFlag"; flag: ClientFlag }
  | { kind: "notEncrypted" }
  | { kind: "risk"; atLeast: Exclude<RiskLevel, "UNASSESSED"> }
  | { kind: "nis2Significant" }
  | { kind: "doraMajor" }
  | { kind: "secMaterial" }
  /** More than `over` data subjects in one jurisdiction of `codes` (any, if codes is "*US"). */
  | { kind: "residentsOver"; codes: readonly string[] | "ANY_US_STATE"; over: number }
  /** At least `count` individuals affected in total, wherever they live (HIPAA 164.408(b)). */
  | { kind: "subjectsAtLeast"; count: number }
  /** Fewer than `count` individuals affected in total (HIPAA 164.408(c)). */
  | { kind: "subjectsFewerThan"; count: number }
  /** The incident is of one of these types (APPI Enforcement Rules Art. 7(iii): an act with a wrongful purpose). */
  | { kind: "incidentTypeAny"; types: readonly IncidentType[] }
  | { kind: "anyOf"; conditions: readonly Condition[] };

export const HOLIDAY_CALENDARS = ["US_FEDERAL", "BR_NATIONAL", "JP_NATIONAL"] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

export type Clock = {
  start: ClockStart;
  amount: number;
  unit: Unit;
  /** For PREVIOUS_FILING: the rule whose filing starts this clock. */
  after?: string;
  /** A second limit; the earlier of the two applies (DORA: 4 h from classification, at most 24 h from awareness). */
  noLaterThan?: { start: ClockStart; amount: number; unit: Unit };
  /** Zone in which days are counted (default: the client's). */
  zone?: string;
  /** Whose public holidays are not business days (a calendar the engine does not know is refused). */
  holidays?: HolidayCalendar;
  /** The law says "without undue delay" and gives no number: the figure here is a default. */
  undueDelay?: boolean;
  /** The law says "without unreasonable delay" and gives this figure as the latest (HIPAA). */
  outerLimit?: boolean;
  /**
   * The law fixes no time at all ("as soon as possible", "without unreasonable delay" with no
   * outer limit). amount/unit are then a working target, not law: for a notice the BPO owes
   * (party "BPO") the client's contract notice hours, for one the client owes the organization's
   * working target (ClientTerms.workingTargetHours), else the figure given here.
   */
  noStatutoryLimit?: true;
  /** Count from the end of the calendar year (in the zone) in which the start falls (HIPAA 164.408(c)). */
  countFrom?: "END_OF_YEAR";
};

/**
 * When a version of a rule is law. Dates are calendar days (YYYY-MM-DD) in `zone` (default: the
 * clock's zone, else the client's): in force from the start of `from` through the end of `until`
 * (inclusive; absent while not replaced). Whether a rule applies is decided at the awareness time.
 * Several versions may share an id when a rule was amended; their periods must not overlap.
 */
export type InForce = { from: string; until?: string; zone?: string; note?: string };

export type Rule = {
  id: string;
  regime: string;
  citation: string;
  title: string;
  /** Who owes the notice: the BPO itself, or the client (whom the BPO supports with facts). */
  party: Party;
  recipient: string;
  when: readonly Condition[];
  clock: Clock;
  inForce: InForce;
  /** The contract clock takes its figures from the client. */
  contract?: true;
  content: readonly { key: string; label: string }[];
  /** What the reference could not confirm in a primary text: shown so, editable by an admin. */
  unconfirmed?: string;
  note?: string;
  /** Where the figures come from: official texts, with the day each was read (YYYY-MM-DD). */
  sources: readonly RuleSource[];
};

export type RuleSource = { url: string; retrieved: string; title?: string };

/**
 * One data file of rules (a jurisdiction group). `version` is bumped on every change of its
 * rules ("2026-12-02.1": the day, then a counter), so obligations record what they were computed with.
 */
export type RuleGroup = { group: string; version: string; rules: readonly Rule[] };
