import { z } from "zod";
import { DATA_CATEGORIES, INCIDENT_TYPES } from "../incident/types";
import { isJurisdiction } from "../incident/jurisdictions";
import { CLOCK_STARTS, HOLIDAY_CALENDARS, type Condition, type Rule } from "./types";

// The shape every rule in the data files must have, checked when the rules are loaded: a rule
// without a citation or a source, with a source that is not a web address, or naming a
// jurisdiction Warden does not know is refused with the rule's id and the field at fault.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UNITS = ["HOURS", "BUSINESS_HOURS", "CALENDAR_DAYS", "BUSINESS_DAYS", "MONTHS"] as const;
const FLAGS = [
  "hipaaCoveredEntity",
  "doraFinancialEntity",
  "nis2Entity",
  "secRegistrant",
  "handlesCardData",
  "glbaFinancialInstitution",
  "nydfsCoveredEntity",
  "regSpCoveredInstitution",
  "telecomCarrier",
] as const;

const text = (what: string) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .min(1, `${what} is missing`);

const jurisdictionCode = z
  .string()
  .refine((code) => isJurisdiction(code), { error: (issue) => `unknown jurisdiction code "${String(issue.input)}"` });

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("personalData") }),
    z.object({ kind: z.literal("categoryAny"), categories: z.array(z.enum(DATA_CATEGORIES)).min(1) }),
    z.object({ kind: z.literal("jurisdictionEU") }),
    z.object({ kind: z.literal("jurisdictionAny"), codes: z.array(jurisdictionCode).min(1) }),
    z.object({ kind: z.literal("clientFlag"), flag: z.enum(FLAGS) }),
    z.object({ kind: z.literal("notEncrypted") }),
    z.object({ kind: z.literal("risk"), atLeast: z.enum(["UNLIKELY", "RISK", "HIGH_RISK"]) }),
    z.object({ kind: z.literal("nis2Significant") }),
    z.object({ kind: z.literal("doraMajor") }),
    z.object({ kind: z.literal("secMaterial") }),
    z.object({
      kind: z.literal("residentsOver"),
      codes: z.union([z.literal("ANY_US_STATE"), z.array(jurisdictionCode).min(1)]),
      over: z.number().int().nonnegative(),
    }),
    z.object({ kind: z.literal("subjectsAtLeast"), count: z.number().int().positive() }),
    z.object({ kind: z.literal("subjectsFewerThan"), count: z.number().int().positive() }),
    z.object({ kind: z.literal("incidentTypeAny"), types: z.array(z.enum(INCIDENT_TYPES)).min(1) }),
    z.object({ kind: z.literal("anyOf"), conditions: z.array(conditionSchema).min(1) }),
  ]),
);

const duration = {
  start: z.enum(CLOCK_STARTS),
  amount: z.number().positive("the clock's amount must be more than zero"),
  unit: z.enum(UNITS),
};

const clockSchema = z.object({
  ...duration,
  after: z.string().min(1).optional(),
  noLaterThan: z.object(duration).optional(),
  zone: z.string().min(1).optional(),
  holidays: z.enum(HOLIDAY_CALENDARS).optional(),
  undueDelay: z.boolean().optional(),
  outerLimit: z.boolean().optional(),
  noStatutoryLimit: z.literal(true).optional(),
  countFrom: z.literal("END_OF_YEAR").optional(),
});

const day = (what: string) => z.string().regex(ISO_DAY, `${what} must be a day (YYYY-MM-DD)`);

const sourceSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "source url must be an http(s) web address" }),
  retrieved: day("source retrieved date"),
  title: z.string().min(1).optional(),
});

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "id must be lower-case letters, digits and hyphens"),
    regime: text("regime"),
    citation: text("citation"),
    title: text("title"),
    party: z.enum(["BPO", "CLIENT"]),
    recipient: text("recipient"),
    when: z.array(conditionSchema),
    clock: clockSchema,
    inForce: z.object({
      from: z.string(),
      until: z.string().optional(),
      zone: z.string().min(1).optional(),
      note: z.string().optional(),
    }),
    contract: z.literal(true).optional(),
    content: z.array(z.object({ key: z.string().min(1), label: z.string().min(1) })),
    unconfirmed: z.string().min(1).optional(),
    note: z.string().optional(),
    sources: z.array(sourceSchema, { error: "sources are missing" }).min(1, "at least one source is required"),
  })
  .refine((r) => !(r.clock.noStatutoryLimit && r.clock.outerLimit), {
    error: "a clock cannot both have no limit in law (noStatutoryLimit) and an outer limit",
    path: ["clock"],
  });

function where(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "rule";
}

/** The schema's complaints about each rule, as "id: field: message" lines. */
export function ruleSchemaProblems(rules: readonly unknown[]): string[] {
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    const parsed = ruleSchema.safeParse(rule);
    if (parsed.success) return;
    const id = (rule as Partial<Rule> | null)?.id;
    const name = typeof id === "string" && id ? id : `rule #${index + 1}`;
    for (const issue of parsed.error.issues) problems.push(`${name}: ${where(issue.path)}: ${issue.message}`);
  });
  return problems;
}
