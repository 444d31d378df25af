import { jurisdictionName } from "../incident/jurisdictions";
import { DATA_CATEGORY_LABEL, TYPE_LABEL } from "../incident/types";
import type { ClockStart, Condition, Rule, RuleGroup, RuleSource, Unit } from "./types";

// Every rule as one row a compliance officer can read: where it applies, its clock, to whom,
// its thresholds, when it is law, whether its figure is confirmed, and its sources. The same
// rows feed `npm run rules:report` and the admin page /admin/rules. Pure.

export type RuleReportRow = {
  group: string;
  groupVersion: string;
  id: string;
  regime: string;
  jurisdiction: string;
  citation: string;
  title: string;
  /** "30 calendar days from discovery (America/Los_Angeles)". */
  clock: string;
  /** What the figure is in law. */
  limit: "fixed by law" | "outer limit" | "no fixed time" | "default (without undue delay)" | "contract";
  party: "BPO" | "CLIENT";
  recipient: string;
  /** From the conditions: ">500 residents of California (US); client: HIPAA covered entity". */
  thresholds: string;
  /** "2026-01-01 – (in force)" or "2003-07-01 – 2025-12-31". */
  inForce: string;
  status: "in force" | "not yet in force" | "replaced";
  confirmed: boolean;
  unconfirmed: string | null;
  sources: readonly RuleSource[];
};

const START: Record<ClockStart, string> = {
  AWARENESS: "awareness",
  DISCOVERY: "discovery",
  DETERMINATION: "determination",
  CLASSIFICATION: "classification",
  PREVIOUS_FILING: "the previous filing",
};

function duration(amount: number, unit: Unit): string {
  const s = amount === 1 ? "" : "s";
  switch (unit) {
    case "HOURS":
      return `${amount} hour${s}`;
    case "BUSINESS_HOURS":
      return `${amount} business hour${s}`;
    case "CALENDAR_DAYS":
      return `${amount} calendar day${s}`;
    case "BUSINESS_DAYS":
      return `${amount} business day${s}`;
    case "MONTHS":
      return `${amount} month${s}`;
  }
}

const HOLIDAY_WORD = { US_FEDERAL: "US federal", BR_NATIONAL: "Brazilian national", JP_NATIONAL: "Japanese national" };

function clockText(rule: Rule): string {
  const c = rule.clock;
  if (rule.contract) return "the client's contract notice window, from awareness";
  const from = c.start === "PREVIOUS_FILING" && c.after ? `the ${c.after} filing` : START[c.start];
  const base =
    c.countFrom === "END_OF_YEAR"
      ? `${duration(c.amount, c.unit)} after the end of the calendar year of ${from}`
      : `${duration(c.amount, c.unit)} from ${from}`;
  const extras = [
    c.noLaterThan
      ? `no later than ${duration(c.noLaterThan.amount, c.noLaterThan.unit)} from ${START[c.noLaterThan.start]}`
      : null,
    c.holidays ? `${HOLIDAY_WORD[c.holidays]} holidays excluded` : null,
    c.zone ?? null,
  ].filter(Boolean);
  const text = extras.length ? `${base} (${extras.join("; ")})` : base;
  return c.noStatutoryLimit ? `working target: ${text}` : text;
}

function limitOf(rule: Rule): RuleReportRow["limit"] {
  if (rule.contract) return "contract";
  if (rule.clock.noStatutoryLimit) return "no fixed time";
  if (rule.clock.outerLimit) return "outer limit";
  if (rule.clock.undueDelay) return "default (without undue delay)";
  return "fixed by law";
}

const CLIENT_WORD: Record<string, string> = {
  hipaaCoveredEntity: "HIPAA covered entity",
  doraFinancialEntity: "DORA financial entity",
  nis2Entity: "NIS2 entity",
  secRegistrant: "SEC registrant",
  handlesCardData: "handles card data",
  glbaFinancialInstitution: "GLBA financial institution (FTC)",
  nydfsCoveredEntity: "NYDFS-regulated",
  regSpCoveredInstitution: "Regulation S-P covered institution",
  telecomCarrier: "telecommunications carrier",
};
const RISK_WORD = { UNLIKELY: "any assessed", RISK: "a risk", HIGH_RISK: "a high risk" } as const;
const n = (x: number) => x.toLocaleString("en-US");

/** A condition as a threshold, or null when it only says where (jurisdiction) or is a given. */
function thresholdOf(c: Condition): string | null {
  switch (c.kind) {
    case "residentsOver": {
      const where =
        c.codes === "ANY_US_STATE" ? "one US state or territory" : c.codes.map(jurisdictionName).join(" or ");
      return `>${n(c.over)} residents of ${where}`;
    }
    case "subjectsAtLeast":
      return `≥${n(c.count)} individuals in total`;
    case "subjectsFewerThan":
      return `<${n(c.count)} individuals in total`;
    case "risk":
      return `assessed as ${RISK_WORD[c.atLeast]} to individuals`;
    case "notEncrypted":
      return "not encrypted (encryption safe harbour)";
    case "categoryAny":
      return `data: ${c.categories.map((d) => DATA_CATEGORY_LABEL[d]).join(" or ")}`;
    case "clientFlag":
      return `client: ${CLIENT_WORD[c.flag] ?? c.flag}`;
    case "nis2Significant":
      return "significant incident (NIS2)";
    case "doraMajor":
      return "major ICT-related incident (DORA)";
    case "secMaterial":
      return "determined material (SEC)";
    case "incidentTypeAny":
      return `incident type: ${c.types.map((t) => TYPE_LABEL[t].toLowerCase()).join(" or ")}`;
    case "anyOf": {
      const parts = c.conditions.map((x) => thresholdOf(x) ?? jurisdictionOf([x]) ?? x.kind);
      return `any of: ${parts.join("; or ")}`;
    }
    case "personalData":
    case "jurisdictionEU":
    case "jurisdictionAny":
      return null;
    default:
      // a condition kind added to the data without its wording here: shown by its name
      return (c as { kind: string }).kind;
  }
}

function jurisdictionOf(conditions: readonly Condition[]): string | null {
  const names: string[] = [];
  for (const c of conditions) {
    if (c.kind === "jurisdictionEU") names.push("European Union");
    if (c.kind === "jurisdictionAny") names.push(...c.codes.map(jurisdictionName));
  }
  if (!names.length) {
    // no place named outright: the place a resident threshold counts in
    for (const c of conditions) {
      if (c.kind === "residentsOver")
        names.push(...(c.codes === "ANY_US_STATE" ? ["United States"] : c.codes.map(jurisdictionName)));
    }
  }
  return names.length ? [...new Set(names)].join(", ") : null;
}

function statusOf(rule: Rule, today: string): RuleReportRow["status"] {
  if (today < rule.inForce.from) return "not yet in force";
  if (rule.inForce.until && today > rule.inForce.until) return "replaced";
  return "in force";
}

/**
 * One row per rule version, ordered by group, then jurisdiction, then id, then date in force.
 * `today` (YYYY-MM-DD) decides which versions are in force, not yet, or replaced.
 */
export function rulesReport(groups: readonly RuleGroup[], today: string): RuleReportRow[] {
  const rows = groups.flatMap((g) =>
    g.rules.map((rule): RuleReportRow => ({
      group: g.group,
      groupVersion: g.version,
      id: rule.id,
      regime: rule.regime,
      jurisdiction:
        jurisdictionOf(rule.when) ?? (rule.contract ? "Any (the client's contract)" : "Any (by client type)"),
      citation: rule.citation,
      title: rule.title,
      clock: clockText(rule),
      limit: limitOf(rule),
      party: rule.party,
      recipient: rule.recipient,
      thresholds:
        rule.when
          .map(thresholdOf)
          .filter((t): t is string => t !== null)
          .join("; ") || "none",
      inForce: `${rule.inForce.from} – ${rule.inForce.until ?? "(in force)"}`,
      status: statusOf(rule, today),
      confirmed: !rule.unconfirmed,
      unconfirmed: rule.unconfirmed ?? null,
      sources: rule.sources,
    })),
  );
  const order = new Map(groups.map((g, i) => [g.group, i]));
  return rows.sort(
    (a, b) =>
      (order.get(a.group) ?? 0) - (order.get(b.group) ?? 0) ||
      a.jurisdiction.localeCompare(b.jurisdiction) ||
      a.id.localeCompare(b.id) ||
      a.inForce.localeCompare(b.inForce),
  );
}

/** The rows whose group, jurisdiction, regime, id or citation contain the text (any case). */
export function filterReport(rows: readonly RuleReportRow[], query: string): RuleReportRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter((r) =>
    [r.group, r.jurisdiction, r.regime, r.id, r.citation].some((v) => v.toLowerCase().includes(q)),
  );
}

export type Coverage = {
  rules: number;
  versions: number;
  unconfirmed: number;
  groups: { group: string; version: string; rules: number; regimes: string[] }[];
};

/** Counts for the README and the page header: distinct rules, versions, per group with its regimes. */
export function coverageOf(groups: readonly RuleGroup[]): Coverage {
  const ids = (g: RuleGroup) => new Set(g.rules.map((r) => r.id));
  return {
    rules: groups.reduce((sum, g) => sum + ids(g).size, 0),
    versions: groups.reduce((sum, g) => sum + g.rules.length, 0),
    unconfirmed: new Set(groups.flatMap((g) => g.rules.filter((r) => r.unconfirmed).map((r) => r.id))).size,
    groups: groups.map((g) => ({
      group: g.group,
      version: g.version,
      rules: ids(g).size,
      regimes: [...new Set(g.rules.map((r) => r.regime))].sort((a, b) => a.localeCompare(b)),
    })),
  };
}

/** The coverage as Markdown, for the README (`npm run rules:report -- --readme` writes it there). */
export function formatCoverageMarkdown(coverage: Coverage): string {
  const lines = [
    `${coverage.rules} rules (${coverage.versions} dated versions) in ${coverage.groups.length} groups; ${coverage.unconfirmed} carry an UNCONFIRMED figure.`,
    "",
    "| Group (file) | Version | Rules | Regimes |",
    "| --- | --- | --- | --- |",
    ...coverage.groups.map(
      (g) => `| \`${g.group}\` | ${g.version} | ${g.rules} | ${g.regimes.join(", ").replace(/\|/g, "\\|")} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

export const COVERAGE_START = "<!-- rules-coverage:start (npm run rules:report -- --readme) -->";
export const COVERAGE_END = "<!-- rules-coverage:end -->";

/** The text with the block between the coverage markers replaced; null when the markers are missing. */
export function withCoverage(text: string, coverage: Coverage): string | null {
  const start = text.indexOf(COVERAGE_START);
  const end = text.indexOf(COVERAGE_END);
  if (start < 0 || end < start) return null;
  return `${text.slice(0, start + COVERAGE_START.length)}\n${formatCoverageMarkdown(coverage)}${text.slice(end)}`;
}

const COLUMNS: { head: string; cell: (r: RuleReportRow) => string }[] = [
  { head: "Jurisdiction / regime", cell: (r) => `${r.jurisdiction} / ${r.regime}` },
  { head: "Rule", cell: (r) => `${r.id} (${r.citation})` },
  { head: "Clock", cell: (r) => `${r.clock} [${r.limit}]` },
  { head: "Recipient (party)", cell: (r) => `${r.recipient} (${r.party === "BPO" ? "we owe it" : "client owes it"})` },
  { head: "Thresholds", cell: (r) => r.thresholds },
  { head: "In force", cell: (r) => `${r.inForce} ${r.status === "in force" ? "" : `[${r.status}]`}`.trim() },
  { head: "Confirmed", cell: (r) => (r.confirmed ? "confirmed" : `UNCONFIRMED: ${r.unconfirmed}`) },
  { head: "Sources", cell: (r) => r.sources.map((s) => `${s.url} (retrieved ${s.retrieved})`).join(" ") },
];

/**
 * The rows as text for a terminal: one block per rule, a field per line (a table of eight wide
 * columns does not fit a terminal), groups under a heading with their version.
 */
export function formatReport(rows: readonly RuleReportRow[], coverage: Coverage): string {
  const lines = [
    `Warden deadline rules: ${coverage.rules} rules (${coverage.versions} versions) in ${coverage.groups.length} groups; ${coverage.unconfirmed} with an UNCONFIRMED figure.`,
  ];
  const width = Math.max(...COLUMNS.map((c) => c.head.length));
  let group = "";
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push("", `== ${r.group} (version ${r.groupVersion}) ==`);
    }
    lines.push("");
    for (const c of COLUMNS) lines.push(`${c.head.padEnd(width)}  ${c.cell(r)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A Markdown table, one row per rule version, under a line of counts (the default of `npm run rules:report`). */
export function formatReportTable(rows: readonly RuleReportRow[], coverage: Coverage): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/[\t\n\r]+/g, " ");
  const head = ["Group", ...COLUMNS.map((c) => c.head)];
  const lines = [
    `Warden deadline rules: ${coverage.rules} rules (${coverage.versions} versions) in ${coverage.groups.length} groups; ${coverage.unconfirmed} with an UNCONFIRMED figure.`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map(
      (r) => `| ${[`${r.group} ${r.groupVersion}`, ...COLUMNS.map((c) => c.cell(r))].map(cell).join(" | ")} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** Tab-separated values with a header row, for a spreadsheet (`npm run rules:report -- --tsv`). */
export function formatReportTsv(rows: readonly RuleReportRow[]): string {
  const clean = (s: string) => s.replace(/[\t\n\r]+/g, " ");
  return [COLUMNS.map((c) => c.head), ...rows.map((r) => COLUMNS.map((c) => clean(c.cell(r))))]
    .map((cells) => cells.join("\t"))
    .join("\n")
    .concat("\n");
}
