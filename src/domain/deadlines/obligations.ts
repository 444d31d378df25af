import { DateTime } from "luxon";
import { JURISDICTIONS, jurisdictionName } from "../incident/jurisdictions";
import { DATA_CATEGORY_LABEL, TYPE_LABEL } from "../incident/types";
import { addBusinessHours, addHours, addMonths, endOfBusinessDays, endOfCalendarDays } from "./calendar";
import { inForceAt } from "./in-force";
import type { ClientTerms, Clock, ClockStart, Condition, HolidayCalendar, IncidentFacts, Rule, Unit } from "./types";

// Which notices an incident calls for, to whom, by when, and why. Pure: facts, client terms,
// rules and the time in; obligations out. Nothing here reads a clock or a database.

export type Applicability = "APPLIES" | "TO_ASSESS" | "NOT_APPLICABLE";

export type ComputedObligation = {
  ruleId: string;
  regime: string;
  citation: string;
  title: string;
  party: "BPO" | "CLIENT";
  recipient: string;
  applicability: Applicability;
  /** Null while the clock has not started (e.g. awaiting a determination). */
  dueAt: Date | null;
  /** When the clock that gives dueAt started (reminders are timed as shares of the window). */
  startsAt: Date | null;
  /** How the due time was computed: "72 h from awareness 2026-03-29 01:30 UTC". */
  basis: string;
  /** Why the rule applies, is still to be assessed, or does not apply. */
  explanation: string;
  unconfirmed: string | null;
  content: readonly { key: string; label: string }[];
};

type Verdict = { result: "yes" | "no" | "unknown"; why: string };

const RISK_ORDER = { UNASSESSED: 0, UNLIKELY: 1, RISK: 2, HIGH_RISK: 3 } as const;
const RISK_WORD = {
  UNLIKELY: "unlikely to result in a risk",
  RISK: "a risk to individuals",
  HIGH_RISK: "a high risk to individuals",
} as const;
const FLAG_WORD = {
  hipaaCoveredEntity: "the client is a HIPAA covered entity",
  doraFinancialEntity: "the client is a financial entity under DORA",
  nis2Entity: "the client is an essential or important entity under NIS2",
  secRegistrant: "the client is an SEC registrant",
  handlesCardData: "the client's card data is in scope of PCI DSS",
  glbaFinancialInstitution: "the client is a financial institution under the FTC Safeguards Rule",
  nydfsCoveredEntity: "the client is a covered entity under 23 NYCRR 500",
  regSpCoveredInstitution: "the client is a covered institution under Regulation S-P",
  telecomCarrier: "the client is a telecommunications carrier under the FCC CPNI rule",
} as const;

const NOT_FLAG_WORD = {
  hipaaCoveredEntity: "the client is not a HIPAA covered entity",
  doraFinancialEntity: "the client is not a financial entity under DORA",
  nis2Entity: "the client is not an entity under NIS2",
  secRegistrant: "the client is not an SEC registrant",
  handlesCardData: "no card data of the client is in scope of PCI DSS",
  glbaFinancialInstitution: "the client is not a financial institution under the FTC Safeguards Rule",
  nydfsCoveredEntity: "the client is not a covered entity under 23 NYCRR 500",
  regSpCoveredInstitution: "the client is not a covered institution under Regulation S-P",
  telecomCarrier: "the client is not a telecommunications carrier",
} as const;

const EU_CODES = new Set(JURISDICTIONS.filter((j) => j.eu).map((j) => j.code));

/**
 * The individuals affected in total: the recorded count, or the per-jurisdiction counts added up
 * (exact when every jurisdiction has one, otherwise a floor). The larger when both are recorded:
 * a total below the sum of its parts is out of date.
 */
function subjectsTotal(facts: IncidentFacts): { count: number; exact: boolean } | null {
  const by = Object.entries(facts.subjectsByJurisdiction ?? {});
  const sum = by.reduce((n, [, v]) => n + v, 0);
  if (facts.dataSubjectsCount !== null) return { count: Math.max(facts.dataSubjectsCount, sum), exact: true };
  if (!by.length) return null;
  const counted = new Set(by.map(([k]) => k));
  return { count: sum, exact: facts.jurisdictions.every((j) => counted.has(j)) };
}

const n = (x: number) => x.toLocaleString("en-US");

function totalVerdict(facts: IncidentFacts, threshold: number, wantAtLeast: boolean): Verdict {
  const total = subjectsTotal(facts);
  const bar = wantAtLeast ? `${n(threshold)} or more` : `fewer than ${n(threshold)}`;
  if (!total)
    return {
      result: "unknown",
      why: `the number of individuals affected is not recorded yet (threshold: ${bar} in total)`,
    };
  const word = `${n(total.count)} individual${total.count === 1 ? "" : "s"} affected in total`;
  if (total.count >= threshold)
    return { result: wantAtLeast ? "yes" : "no", why: total.exact ? word : `at least ${word}` };
  if (!total.exact)
    return {
      result: "unknown",
      why: `only ${word} counted so far, not every jurisdiction (threshold: ${bar} in total)`,
    };
  return { result: wantAtLeast ? "no" : "yes", why: word };
}

/**
 * Residents per jurisdiction in scope. A jurisdiction without its own count gets what the total
 * leaves once the counted ones are taken away: exactly, when it is the only one uncounted
 * (one jurisdiction: the total), or as a ceiling, when several share the rest.
 */
function residents(
  facts: IncidentFacts,
  codes: readonly string[] | "ANY_US_STATE",
): Array<{ code: string; count: number | null; atMost: number | null }> {
  const by = facts.subjectsByJurisdiction ?? {};
  const all = [...new Set([...facts.jurisdictions, ...Object.keys(by).filter((k) => (by[k] ?? 0) > 0)])];
  const uncounted = all.filter((j) => by[j] === undefined);
  const rest =
    facts.dataSubjectsCount === null
      ? null
      : Math.max(0, facts.dataSubjectsCount - all.reduce((sum, j) => sum + (by[j] ?? 0), 0));
  const inScope = all.filter((j) => (codes === "ANY_US_STATE" ? j.startsWith("US-") : codes.includes(j)));
  return inScope.map((code) => {
    if (by[code] !== undefined) return { code, count: by[code], atMost: by[code] };
    return { code, count: uncounted.length === 1 ? rest : null, atMost: rest };
  });
}

function check(c: Condition, facts: IncidentFacts, client: ClientTerms): Verdict {
  switch (c.kind) {
    case "personalData": {
      const personal = facts.dataCategories.filter((d) => d !== "OPERATIONAL_ONLY");
      if (personal.length)
        return {
          result: "yes",
          why: `personal data involved (${personal.map((d) => DATA_CATEGORY_LABEL[d]).join(", ")})`,
        };
      return facts.dataCategories.length
        ? { result: "no", why: "no personal data involved" }
        : { result: "unknown", why: "the data categories are not recorded yet" };
    }
    case "categoryAny": {
      const hit = facts.dataCategories.filter((d) => c.categories.includes(d));
      if (hit.length) return { result: "yes", why: `${hit.map((d) => DATA_CATEGORY_LABEL[d]).join(", ")} involved` };
      return facts.dataCategories.length
        ? { result: "no", why: `no ${c.categories.map((d) => DATA_CATEGORY_LABEL[d]).join(" or ")} involved` }
        : { result: "unknown", why: "the data categories are not recorded yet" };
    }
    case "jurisdictionEU": {
      const hit = facts.jurisdictions.filter((j) => EU_CODES.has(j));
      if (hit.length)
        return { result: "yes", why: `data subjects in the EU (${hit.map(jurisdictionName).join(", ")})` };
      return facts.jurisdictions.length
        ? { result: "no", why: "no data subjects in the EU" }
        : { result: "unknown", why: "the data subjects' jurisdictions are not recorded yet" };
    }
    case "jurisdictionAny": {
      const hit = facts.jurisdictions.filter((j) => c.codes.includes(j));
      if (hit.length) return { result: "yes", why: `data subjects in ${hit.map(jurisdictionName).join(", ")}` };
      return facts.jurisdictions.length
        ? { result: "no", why: `no data subjects in ${c.codes.map(jurisdictionName).join(" or ")}` }
        : { result: "unknown", why: "the data subjects' jurisdictions are not recorded yet" };
    }
    case "clientFlag":
      return client[c.flag] ? { result: "yes", why: FLAG_WORD[c.flag] } : { result: "no", why: NOT_FLAG_WORD[c.flag] };
    case "notEncrypted":
      if (facts.dataEncrypted === true)
        return { result: "no", why: "the data was encrypted (unintelligible to others)" };
      return {
        result: "yes",
        why:
          facts.dataEncrypted === false
            ? "the data was not encrypted"
            : "encryption not confirmed, so treated as unsecured",
      };
    case "risk": {
      if (facts.risk === "UNASSESSED") return { result: "unknown", why: "the risk to individuals is not assessed yet" };
      const ok = RISK_ORDER[facts.risk] >= RISK_ORDER[c.atLeast];
      return { result: ok ? "yes" : "no", why: `assessed as ${RISK_WORD[facts.risk]}` };
    }
    case "nis2Significant":
      if (facts.nis2Significant === null)
        return { result: "unknown", why: "not yet determined whether this is a significant incident under NIS2" };
      return facts.nis2Significant
        ? { result: "yes", why: "determined a significant incident under NIS2" }
        : { result: "no", why: "determined not significant under NIS2" };
    case "doraMajor":
      if (facts.doraMajor === null) return { result: "unknown", why: "not yet classified under DORA" };
      return facts.doraMajor
        ? { result: "yes", why: "classified as a major ICT-related incident" }
        : { result: "no", why: "classified as not major under DORA" };
    case "secMaterial":
      if (facts.secMaterial === null) return { result: "unknown", why: "materiality not yet determined" };
      return facts.secMaterial
        ? { result: "yes", why: "determined material" }
        : { result: "no", why: "determined not material" };
    case "residentsOver": {
      const list = residents(facts, c.codes);
      const where = c.codes === "ANY_US_STATE" ? "one US state" : c.codes.map(jurisdictionName).join(" or ");
      if (!list.length)
        return facts.jurisdictions.length
          ? { result: "no", why: `no data subjects in ${where}` }
          : { result: "unknown", why: "the data subjects' jurisdictions are not recorded yet" };
      const over = list.find((r): r is typeof r & { count: number } => r.count !== null && r.count > c.over);
      if (over)
        return {
          result: "yes",
          why: `${n(over.count)} residents of ${jurisdictionName(over.code)} (more than ${n(c.over)})`,
        };
      if (list.some((r) => r.count === null && (r.atMost === null || r.atMost > c.over))) {
        return {
          result: "unknown",
          why: `the number of residents per jurisdiction is not recorded (threshold: more than ${n(c.over)} in ${where})`,
        };
      }
      return { result: "no", why: `no more than ${n(c.over)} residents in ${where}` };
    }
    case "incidentTypeAny": {
      const words = c.types.map((t) => TYPE_LABEL[t].toLowerCase()).join(" or ");
      if (!facts.incidentType) return { result: "unknown", why: `the incident's type is not recorded (${words}?)` };
      const type = TYPE_LABEL[facts.incidentType].toLowerCase();
      return c.types.includes(facts.incidentType)
        ? { result: "yes", why: `incident type: ${type}` }
        : { result: "no", why: `incident type ${type}, not ${words}` };
    }
    case "subjectsAtLeast":
      return totalVerdict(facts, c.count, true);
    case "subjectsFewerThan":
      return totalVerdict(facts, c.count, false);
    case "anyOf": {
      const verdicts = c.conditions.map((x) => check(x, facts, client));
      const yes = verdicts.find((v) => v.result === "yes");
      if (yes) return yes;
      const unknown = verdicts.find((v) => v.result === "unknown");
      if (unknown) return unknown;
      return { result: "no", why: verdicts.map((v) => v.why).join("; ") };
    }
  }
}

const START_WORD: Record<ClockStart, string> = {
  AWARENESS: "awareness",
  DISCOVERY: "discovery",
  DETERMINATION: "determination",
  CLASSIFICATION: "classification",
  PREVIOUS_FILING: "the previous filing",
};

function startOf(
  kind: ClockStart,
  facts: IncidentFacts,
  rule: Rule,
  filings: Readonly<Record<string, Date>>,
  computed: ReadonlyMap<string, ComputedObligation>,
): { at: Date | null; label: string; projected?: boolean } {
  switch (kind) {
    case "AWARENESS":
      return { at: facts.awareAt, label: "awareness" };
    case "DISCOVERY": {
      // Discovered: first known, or would have been with reasonable diligence: the earlier of
      // detection and awareness.
      const at = facts.detectedAt < facts.awareAt ? facts.detectedAt : facts.awareAt;
      return { at, label: "discovery" };
    }
    case "DETERMINATION": {
      const at = rule.regime === "SEC" ? facts.secDeterminedAt : facts.riskAssessedAt;
      return { at, label: rule.regime === "SEC" ? "materiality determination" : "determination" };
    }
    case "CLASSIFICATION":
      return { at: facts.doraClassifiedAt, label: "classification" };
    case "PREVIOUS_FILING": {
      // Every rule set is checked for this when it is loaded (in-force.ts); missing here is a bug.
      const prevId = rule.clock.after;
      if (!prevId) throw new Error(`rule ${rule.id}: its clock counts from a previous filing but names none`);
      if (filings[prevId]) return { at: filings[prevId], label: `the ${prevId} filing` };
      const prev = computed.get(prevId);
      return {
        at: prev?.dueAt ?? null,
        label: `the ${prevId} filing (projected: its due time, not yet filed)`,
        projected: true,
      };
    }
  }
}

function unitWord(amount: number, unit: Unit): string {
  switch (unit) {
    case "HOURS":
      return `${amount} h`;
    case "BUSINESS_HOURS":
      return `${amount} business hours`;
    case "CALENDAR_DAYS":
      return `${amount} calendar day${amount === 1 ? "" : "s"}`;
    case "BUSINESS_DAYS":
      return `${amount} business day${amount === 1 ? "" : "s"}`;
    case "MONTHS":
      return `${amount} month${amount === 1 ? "" : "s"}`;
  }
}

function applyDuration(
  start: Date,
  amount: number,
  unit: Unit,
  zone: string,
  holidays: HolidayCalendar | undefined,
): Date {
  switch (unit) {
    case "HOURS":
      return addHours(start, amount);
    case "BUSINESS_HOURS":
      return addBusinessHours(start, amount, zone, 9, 17, holidays ?? "NONE");
    case "CALENDAR_DAYS":
      return endOfCalendarDays(start, amount, zone);
    case "BUSINESS_DAYS":
      return endOfBusinessDays(start, amount, zone, holidays ?? "NONE");
    case "MONTHS":
      return addMonths(start, amount, zone);
  }
}

export function formatBasisTime(d: Date, zone: string): string {
  const dt = DateTime.fromJSDate(d, { zone });
  return zone === "UTC" ? `${dt.toFormat("yyyy-LL-dd HH:mm")} UTC` : `${dt.toFormat("yyyy-LL-dd HH:mm ZZZZ")}`;
}

function contractClock(clock: Clock, client: ClientTerms): Clock {
  return {
    ...clock,
    amount: client.noticeHours,
    unit: client.noticeBusinessHoursOnly ? "BUSINESS_HOURS" : "HOURS",
    zone: client.timeZone,
  };
}

/** Where the working target of a clock the law leaves open comes from. */
export type WorkingTargetSource = "contract" | "organization setting" | "rule default";

/**
 * The clock counted for a rule. A law that fixes no time (noStatutoryLimit) is counted against a
 * working target: the contract's notice hours for a notice the BPO owes its client, the
 * organization's setting for one the client owes, else the figure written in the rule.
 */
export function effectiveClock(rule: Rule, client: ClientTerms): { clock: Clock; target?: WorkingTargetSource } {
  if (rule.contract) return { clock: contractClock(rule.clock, client) };
  if (!rule.clock.noStatutoryLimit) return { clock: rule.clock };
  if (rule.party === "BPO") return { clock: contractClock(rule.clock, client), target: "contract" };
  if (client.workingTargetHours !== undefined && client.workingTargetHours > 0)
    return {
      clock: { ...rule.clock, amount: client.workingTargetHours, unit: "HOURS" },
      target: "organization setting",
    };
  return { clock: rule.clock, target: "rule default" };
}

function versionsById(rules: readonly Rule[]): Array<[Rule, ...Rule[]]> {
  const byId = new Map<string, [Rule, ...Rule[]]>();
  for (const r of rules) {
    const seen = byId.get(r.id);
    if (seen) seen.push(r);
    else byId.set(r.id, [r]);
  }
  return [...byId.values()].map((v) => v.sort((a, b) => a.inForce.from.localeCompare(b.inForce.from)));
}

/**
 * The version in force when the organisation became aware: the duty arises then, so a rule that
 * comes into force later does not reach the incident, and an amended one applies as it stood.
 * Without one, the nearest version and why none applies.
 */
function versionAt(
  versions: readonly [Rule, ...Rule[]],
  awareAt: Date,
  zone: string,
): { rule: Rule; notInForce?: string } {
  const current = versions.find((r) => inForceAt(r, awareAt, zone) === "IN_FORCE");
  if (current) return { rule: current };
  const aware = `awareness ${DateTime.fromJSDate(awareAt, { zone: versions[0].inForce.zone ?? zone }).toISODate()}`;
  const next = versions.find((r) => inForceAt(r, awareAt, zone) === "BEFORE");
  if (next) return { rule: next, notInForce: `not in force at ${aware}: in force from ${next.inForce.from}` };
  const last = versions.at(-1) ?? versions[0];
  return { rule: last, notInForce: `no longer in force at ${aware}: in force until ${last.inForce.until}` };
}

/**
 * Every rule evaluated against the facts: the ones that apply or are still to be assessed, with
 * due times, and the ones that do not apply, with the reason. `filings` holds actual filing
 * times of earlier reports in a chain (DORA, NIS2), which start the next clock.
 */
export function obligationsFor(
  facts: IncidentFacts,
  client: ClientTerms,
  rules: readonly Rule[],
  filings: Readonly<Record<string, Date>> = {},
): { obligations: ComputedObligation[]; notApplicable: ComputedObligation[] } {
  const computed = new Map<string, ComputedObligation>();
  for (const versions of versionsById(rules)) {
    const { rule, notInForce } = versionAt(versions, facts.awareAt, client.timeZone);
    const verdicts = notInForce
      ? [{ result: "no" as const, why: notInForce }]
      : rule.when.map((c) => check(c, facts, client));
    const applicability: Applicability = verdicts.some((v) => v.result === "no")
      ? "NOT_APPLICABLE"
      : verdicts.some((v) => v.result === "unknown")
        ? "TO_ASSESS"
        : "APPLIES";
    const explanation =
      applicability === "NOT_APPLICABLE"
        ? `Does not apply: ${verdicts
            .filter((v) => v.result === "no")
            .map((v) => v.why)
            .join("; ")}.`
        : applicability === "TO_ASSESS"
          ? `To assess: ${verdicts
              .filter((v) => v.result === "unknown")
              .map((v) => v.why)
              .join("; ")}.${
              verdicts.some((v) => v.result === "yes")
                ? ` Known: ${verdicts
                    .filter((v) => v.result === "yes")
                    .map((v) => v.why)
                    .join("; ")}.`
                : ""
            }`
          : rule.contract
            ? `Applies: the contract requires notice within ${client.noticeHours} ${client.noticeBusinessHoursOnly ? "business hours" : "hours"} of awareness.`
            : `Applies: ${verdicts.map((v) => v.why).join("; ")}.`;

    const { clock, target } = effectiveClock(rule, client);
    const zone = clock.zone ?? client.timeZone;
    let dueAt: Date | null = null;
    let startsAt: Date | null = null;
    let basis = "";
    if (applicability !== "NOT_APPLICABLE") {
      const start = startOf(clock.start, facts, rule, filings, computed);
      if (start.at && clock.countFrom === "END_OF_YEAR") {
        // the year of the start in the zone counted in: 31 December 23:59:59.999, then n days
        const yearEnd = DateTime.fromJSDate(start.at, { zone }).endOf("year");
        dueAt = applyDuration(yearEnd.toJSDate(), clock.amount, clock.unit, zone, clock.holidays);
        startsAt = start.at;
        basis = `${unitWord(clock.amount, clock.unit)} after the end of ${yearEnd.year}, the calendar year of ${start.label} ${formatBasisTime(start.at, zone)}`;
      } else if (start.at) {
        dueAt = applyDuration(start.at, clock.amount, clock.unit, zone, clock.holidays);
        startsAt = start.at;
        basis = `${unitWord(clock.amount, clock.unit)} from ${start.label} ${formatBasisTime(start.at, clock.unit === "HOURS" ? "UTC" : zone)}`;
      } else {
        basis = `Clock not started: awaiting ${START_WORD[clock.start] === "determination" ? start.label : START_WORD[clock.start]}`;
      }
      if (clock.noLaterThan) {
        const backstop = startOf(clock.noLaterThan.start, facts, rule, filings, computed);
        if (backstop.at) {
          const limit = applyDuration(
            backstop.at,
            clock.noLaterThan.amount,
            clock.noLaterThan.unit,
            zone,
            clock.holidays,
          );
          const limitBasis = `${unitWord(clock.noLaterThan.amount, clock.noLaterThan.unit)} from ${backstop.label} ${formatBasisTime(backstop.at, "UTC")}`;
          if (!dueAt || limit < dueAt) {
            basis = dueAt ? `${limitBasis} (earlier than ${basis})` : `${limitBasis} (${basis.toLowerCase()})`;
            dueAt = limit;
            startsAt = backstop.at;
          } else {
            basis = `${basis} (no later than ${limitBasis})`;
          }
        }
      }
      if (clock.undueDelay) basis += "; the law says without undue delay: this figure is the default";
      if (clock.outerLimit) basis += "; the law says without unreasonable delay: this is the latest";
      if (target) basis += `; no time fixed by law — working target from the ${target}`;
    }
    computed.set(rule.id, {
      ruleId: rule.id,
      regime: rule.regime,
      citation: rule.citation,
      title: rule.title,
      party: rule.party,
      recipient: rule.recipient,
      applicability,
      dueAt,
      startsAt,
      basis,
      explanation,
      unconfirmed: rule.unconfirmed ?? null,
      content: rule.content,
    });
  }
  const all = [...computed.values()];
  return {
    obligations: all
      .filter((o) => o.applicability !== "NOT_APPLICABLE")
      .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity)),
    notApplicable: all.filter((o) => o.applicability === "NOT_APPLICABLE"),
  };
}
