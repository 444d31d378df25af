import { z } from "zod";
import { DATA_CATEGORIES, INCIDENT_TYPES, PHASES, SEVERITIES } from "@/domain/incident/types";
import { isJurisdiction } from "@/domain/incident/jurisdictions";
import { REASON_MAX, REASON_MIN } from "@/domain/incident/transition";
import { isTimeZone, parseDateTimeInput } from "@/lib/datetime";

// One schema per input, shared by forms, actions and the API. Form values arrive as strings
// (empty meaning "not given"); dates are wall times in `timeZone` unless they carry an offset.

/** Clock skew we tolerate before calling a time "in the future". */
const FUTURE_LEEWAY_MS = 5 * 60 * 1000;
export const COUNT_MAX = 10_000_000_000;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const count = (label: string) =>
  optionalString(
    z.coerce
      .number({ error: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(0, `${label} cannot be negative.`)
      .max(COUNT_MAX, `${label} is too large.`),
  );

const dateField = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(40, `Enter ${label} as a date and time.`);

const listOf = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(max, `Choose at most ${max} ${label}.`),
  );

export const factsShape = {
  timeZone: z.string().refine(isTimeZone, "Unknown time zone."),
  occurredAt: optionalString(dateField("when it occurred")),
  detectedAt: dateField("when it was detected"),
  awareAt: dateField("when we became aware"),
  dataCategories: listOf(
    z.enum(DATA_CATEGORIES, { error: "Unknown data category." }),
    DATA_CATEGORIES.length,
    "categories",
  ),
  dataSubjectsCount: count("The number of data subjects"),
  recordsCount: count("The number of records"),
  jurisdictions: listOf(z.string().refine(isJurisdiction, "Unknown jurisdiction."), 100, "jurisdictions"),
  dataEncrypted: z.preprocess(
    blankToUndefined,
    z.enum(["yes", "no", "unknown"], { error: "Choose yes, no or unknown." }).default("unknown"),
  ),
};

type DateFields = { timeZone: string; occurredAt?: string; detectedAt: string; awareAt: string };

/** Checks the three moments: real instants, none in the future, in a possible order. */
function checkDates(v: DateFields, ctx: z.RefinementCtx, now: Date) {
  const parsed: Record<string, Date | null> = {};
  for (const key of ["occurredAt", "detectedAt", "awareAt"] as const) {
    const raw = v[key];
    if (raw === undefined) continue;
    const d = parseDateTimeInput(raw, v.timeZone);
    parsed[key] = d;
    if (!d) ctx.addIssue({ code: "custom", path: [key], message: "Enter a date and time like 2026-03-29 14:30." });
    else if (d.getTime() > now.getTime() + FUTURE_LEEWAY_MS)
      ctx.addIssue({ code: "custom", path: [key], message: "This is in the future." });
  }
  const { occurredAt, detectedAt, awareAt } = parsed;
  if (occurredAt && detectedAt && detectedAt < occurredAt) {
    ctx.addIssue({
      code: "custom",
      path: ["detectedAt"],
      message: "Detection cannot be before the incident occurred.",
    });
  }
  if (occurredAt && awareAt && awareAt < occurredAt) {
    ctx.addIssue({ code: "custom", path: ["awareAt"], message: "Awareness cannot be before the incident occurred." });
  }
}

/** A required time the schema has already checked parses: not parsing here is a bug, not bad input. */
function validInstant(value: string, zone: string): Date {
  const at = parseDateTimeInput(value, zone);
  if (!at) throw new Error("a date the schema accepted did not parse");
  return at;
}

function toFacts<T extends DateFields & { dataEncrypted: "yes" | "no" | "unknown" }>(v: T) {
  const { timeZone, dataEncrypted, ...rest } = v;
  return {
    ...rest,
    occurredAt: v.occurredAt ? parseDateTimeInput(v.occurredAt, timeZone) : null,
    detectedAt: validInstant(v.detectedAt, timeZone),
    awareAt: validInstant(v.awareAt, timeZone),
    dataEncrypted: dataEncrypted === "unknown" ? null : dataEncrypted === "yes",
  };
}

const titleField = z
  .string({ error: "Enter a title." })
  .trim()
  .min(3, "A title needs at least 3 characters.")
  .max(200, "A title has at most 200 characters.");
const summaryField = z
  .string({ error: "Describe what happened." })
  .trim()
  .min(1, "Describe what happened.")
  .max(10_000, "A summary has at most 10,000 characters.");
/** What the client reads in notices and on the portal; may be written later (a notice cannot be submitted without it). */
const clientSummaryField = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z.string().trim().max(10_000, "A client-facing description has at most 10,000 characters."),
);

export function createIncidentSchema(now: Date) {
  return z
    .object({
      clientId: z.uuid("Choose a client."),
      title: titleField,
      summary: summaryField,
      clientSummary: clientSummaryField,
      type: z.enum(INCIDENT_TYPES, { error: "Choose the type of incident." }),
      severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
      ownerId: optionalString(z.uuid("Choose an owner from the list.")),
      ...factsShape,
    })
    .superRefine((v, ctx) => checkDates(v, ctx, now))
    .transform((v) => ({ ...toFacts(v), ownerId: v.ownerId ?? null }));
}
export type CreateIncidentInput = z.output<ReturnType<typeof createIncidentSchema>>;

export function updateFactsSchema(now: Date) {
  return z
    .object({
      incidentId: z.uuid(),
      version: z.coerce.number().int().min(1),
      title: titleField,
      summary: summaryField,
      clientSummary: clientSummaryField,
      ...factsShape,
    })
    .superRefine((v, ctx) => checkDates(v, ctx, now))
    .transform(toFacts);
}
export type UpdateFactsInput = z.output<ReturnType<typeof updateFactsSchema>>;

const reasonField = z
  .string({ error: "Give a reason." })
  .trim()
  .min(REASON_MIN, `Give a reason of at least ${REASON_MIN} characters.`)
  .max(REASON_MAX, `A reason has at most ${REASON_MAX} characters.`);

const versioned = { incidentId: z.uuid(), version: z.coerce.number({ error: "Reload the page." }).int().min(1) };

export const transitionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...versioned, kind: z.literal("ADVANCE") }),
    z.object({
      ...versioned,
      kind: z.literal("STEP_BACK"),
      to: z.enum(PHASES, { error: "Choose the phase to go back to." }),
      reason: reasonField,
    }),
    z.object({ ...versioned, kind: z.literal("CLOSE_FALSE_POSITIVE"), reason: reasonField }),
    z.object({
      ...versioned,
      kind: z.literal("REOPEN"),
      to: z.enum(PHASES, { error: "Choose the phase to reopen in." }),
      reason: reasonField,
    }),
    z.object({
      ...versioned,
      kind: z.literal("CHANGE_SEVERITY"),
      severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
      reason: reasonField,
    }),
  ],
  { error: "Unknown action." },
);
export type TransitionInput = z.output<typeof transitionSchema>;

export const assignOwnerSchema = z.object({
  ...versioned,
  ownerId: optionalString(z.uuid("Choose an owner from the list.")),
});

export const checklistToggleSchema = z.object({
  incidentId: z.uuid(),
  itemId: z.uuid(),
  done: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const addTaskSchema = z
  .object({
    incidentId: z.uuid(),
    title: z
      .string({ error: "Enter the task." })
      .trim()
      .min(1, "Enter the task.")
      .max(300, "A task has at most 300 characters."),
    ownerId: optionalString(z.uuid("Choose an owner from the list.")),
    dueAt: optionalString(z.string().max(40)),
    timeZone: z.string().refine(isTimeZone, "Unknown time zone."),
  })
  .transform((v, ctx) => {
    const due = v.dueAt ? parseDateTimeInput(v.dueAt, v.timeZone) : null;
    if (v.dueAt && !due) {
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "Enter a date and time like 2026-03-29 14:30." });
      return z.NEVER;
    }
    return { incidentId: v.incidentId, title: v.title, ownerId: v.ownerId ?? null, dueAt: due };
  });

export const taskToggleSchema = z.object({
  incidentId: z.uuid(),
  taskId: z.uuid(),
  done: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const addNoteSchema = z.object({
  incidentId: z.uuid(),
  body: z
    .string({ error: "Write the note." })
    .trim()
    .min(1, "Write the note.")
    .max(10_000, "A note has at most 10,000 characters."),
});

export const addEvidenceSchema = z.object({
  incidentId: z.uuid(),
  description: z
    .string({ error: "Describe the item." })
    .trim()
    .min(3, "Describe the item (at least 3 characters).")
    .max(2000, "At most 2,000 characters."),
  location: z
    .string({ error: "Say where it is kept." })
    .trim()
    .min(1, "Say where it is kept.")
    .max(500, "At most 500 characters."),
  sha256: z
    .string({ error: "Enter the SHA-256." })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "A SHA-256 is 64 hexadecimal characters."),
  collectedAt: z.string().trim().min(1, "Enter when it was collected.").max(40),
  timeZone: z.string().refine(isTimeZone, "Unknown time zone."),
});

export const CUSTODY_ACTIONS = ["TRANSFERRED", "ACCESSED", "RETURNED", "DISPOSED"] as const;
export const addCustodySchema = z.object({
  incidentId: z.uuid(),
  evidenceId: z.uuid(),
  action: z.enum(CUSTODY_ACTIONS, { error: "Choose what happened to the item." }),
  note: optionalString(z.string().trim().max(1000, "At most 1,000 characters.")),
});

export const addAssetSchema = z.object({
  incidentId: z.uuid(),
  name: z
    .string({ error: "Name the system or asset." })
    .trim()
    .min(1, "Name the system or asset.")
    .max(200, "At most 200 characters."),
  kind: optionalString(z.string().trim().max(100, "At most 100 characters.")),
});
