import { z } from "zod";
import { isTimeZone, parseDateTimeInput } from "@/lib/datetime";

const reason = z
  .string({ error: "Give a reason." })
  .trim()
  .min(5, "Give a reason of at least 5 characters.")
  .max(2000, "A reason has at most 2,000 characters.");

export const obligationDecisionSchema = z.object({ obligationId: z.uuid(), reason });
/** A second person confirms a proposed decision, or rejects it saying why. */
export const reviewObligationDecisionSchema = z
  .object({
    obligationId: z.uuid(),
    decision: z.enum(["CONFIRM", "REJECT"], { error: "Confirm or reject." }),
    reason: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().trim().max(2000, "A reason has at most 2,000 characters.").optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECT" && (v.reason ?? "").length < 5)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why you reject it (at least 5 characters)." });
  });

export const externalFilingSchema = z
  .object({
    obligationId: z.uuid(),
    filedBy: z.enum(["CLIENT", "BPO"], { error: "Say who filed it." }),
    filedAt: z.string().trim().min(1, "Enter when it was filed.").max(40),
    timeZone: z.string().refine(isTimeZone, "Unknown time zone."),
    reference: z
      .string({ error: "Enter the filing reference." })
      .trim()
      .min(1, "Enter the filing reference.")
      .max(200, "At most 200 characters."),
    document: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().trim().max(500, "At most 500 characters.").optional(),
    ),
  })
  .transform((v, ctx) => {
    const filedAt = parseDateTimeInput(v.filedAt, v.timeZone);
    if (!filedAt) {
      ctx.addIssue({ code: "custom", path: ["filedAt"], message: "Enter a date and time like 2026-03-29 14:30." });
      return z.NEVER;
    }
    return {
      obligationId: v.obligationId,
      filedBy: v.filedBy,
      filedAt,
      reference: v.reference,
      document: v.document ?? null,
    };
  });

export const draftNoticeSchema = z.object({ obligationId: z.uuid() });

export const NOTICE_FIELD_MAX = 10_000;
export const updateNoticeSchema = z
  .object({
    noticeId: z.uuid(),
    version: z.coerce.number().int().min(1),
    subject: z
      .string({ error: "Enter a subject." })
      .trim()
      .min(3, "Enter a subject.")
      .max(300, "A subject has at most 300 characters."),
  })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    const values: Record<string, string> = {};
    for (const [k, raw] of Object.entries(v)) {
      if (!k.startsWith("field.")) continue;
      const value = typeof raw === "string" ? raw.trim() : "";
      if (value.length > NOTICE_FIELD_MAX)
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: `At most ${NOTICE_FIELD_MAX.toLocaleString("en-US")} characters.`,
        });
      values[k.slice("field.".length)] = value;
    }
    return { noticeId: v.noticeId, version: v.version, subject: v.subject, values };
  });

export const noticeIdSchema = z.object({ noticeId: z.uuid() });
/**
 * Sending needs the sender to have seen where it goes: `recipients` is the fingerprint of the
 * destinations the page showed, refused when they changed since.
 */
export const sendNoticeSchema = z.object({
  noticeId: z.uuid(),
  confirm: z.literal("yes", { error: "Confirm that you checked where the notice goes." }),
  recipients: z
    .string({ error: "Reload the page to see where the notice goes." })
    .regex(/^[0-9a-f]{64}$/, "Reload the page to see where the notice goes."),
});
export const reviewNoticeSchema = z.object({
  noticeId: z.uuid(),
  decision: z.enum(["APPROVE", "RETURN"], { error: "Approve or return." }),
  comment: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().trim().max(2000, "At most 2,000 characters.").optional(),
  ),
});
export const noticeMessageSchema = z.object({
  noticeId: z.uuid(),
  body: z
    .string({ error: "Write your question." })
    .trim()
    .min(1, "Write your message.")
    .max(5000, "A message has at most 5,000 characters."),
});

export const assessmentSchema = z
  .object({
    incidentId: z.uuid(),
    version: z.coerce.number().int().min(1),
    timeZone: z.string().refine(isTimeZone, "Unknown time zone."),
    risk: z.enum(["UNASSESSED", "UNLIKELY", "RISK", "HIGH_RISK"], { error: "Choose the risk level." }),
    riskAssessedAt: z.string().max(40).optional(),
    nis2Significant: z.enum(["", "yes", "no"]).optional(),
    doraMajor: z.enum(["", "yes", "no"]).optional(),
    doraClassifiedAt: z.string().max(40).optional(),
    secMaterial: z.enum(["", "yes", "no"]).optional(),
    secDeterminedAt: z.string().max(40).optional(),
    subjectsByJurisdiction: z.string().max(5000).optional(),
  })
  .transform((v, ctx) => {
    const when = (key: "riskAssessedAt" | "doraClassifiedAt" | "secDeterminedAt") => {
      const raw = v[key]?.trim();
      if (!raw) return null;
      const d = parseDateTimeInput(raw, v.timeZone);
      if (!d) ctx.addIssue({ code: "custom", path: [key], message: "Enter a date and time like 2026-03-29 14:30." });
      return d;
    };
    const yesNo = (x: string | undefined) => (x === "yes" ? true : x === "no" ? false : null);
    const counts: Record<string, number> = {};
    for (const line of (v.subjectsByJurisdiction ?? "").split(/[\n,;]+/)) {
      if (!line.trim()) continue;
      const m = /^\s*([A-Za-z]{2}(?:-[A-Za-z]{2})?)\s*[:=]\s*(\d{1,10})\s*$/.exec(line);
      if (!m?.[1] || !m[2]) {
        ctx.addIssue({
          code: "custom",
          path: ["subjectsByJurisdiction"],
          message: `Write one "CODE: number" per line (e.g. US-CA: 620); could not read "${line.trim().slice(0, 40)}".`,
        });
        break;
      }
      counts[m[1].toUpperCase()] = Number(m[2]);
    }
    return {
      incidentId: v.incidentId,
      version: v.version,
      risk: v.risk,
      riskAssessedAt: when("riskAssessedAt"),
      nis2Significant: yesNo(v.nis2Significant),
      doraMajor: yesNo(v.doraMajor),
      doraClassifiedAt: when("doraClassifiedAt"),
      secMaterial: yesNo(v.secMaterial),
      secDeterminedAt: when("secDeterminedAt"),
      subjectsByJurisdiction: Object.keys(counts).length ? counts : null,
    };
  });
export type AssessmentInput = z.output<typeof assessmentSchema>;

export const ruleOverrideSchema = z.object({
  ruleId: z.string().min(1).max(64),
  amount: z.coerce
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(1, "At least 1.")
    .max(1000, "At most 1,000."),
  unit: z.enum(["HOURS", "CALENDAR_DAYS", "BUSINESS_DAYS", "MONTHS"], { error: "Choose a unit." }),
  note: z
    .string({ error: "Say where the figure comes from." })
    .trim()
    .min(5, "Say where the figure comes from (at least 5 characters).")
    .max(1000, "At most 1,000 characters."),
});
