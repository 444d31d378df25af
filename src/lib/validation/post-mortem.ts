import { z } from "zod";
import { isTimeZone, parseDateTimeInput } from "@/lib/datetime";

const section = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z.string().trim().max(10_000, "At most 10,000 characters."),
);

export const reviewSchema = z.object({
  incidentId: z.uuid(),
  version: z.coerce.number().int().min(0),
  summary: section,
  rootCause: section,
  contributingFactors: section,
  wentWell: section,
  wentBadly: section,
  lessons: section,
});

export const completeReviewSchema = z.object({ incidentId: z.uuid(), version: z.coerce.number().int().min(1) });

export const actionItemSchema = z
  .object({
    incidentId: z.uuid(),
    title: z
      .string({ error: "Describe the action." })
      .trim()
      .min(3, "Describe the action (at least 3 characters).")
      .max(300, "At most 300 characters."),
    ownerId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose an owner from the list.").optional()),
    dueAt: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional()),
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

export const updateActionItemSchema = z.object({
  incidentId: z.uuid(),
  actionItemId: z.uuid(),
  ownerId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose an owner from the list.").nullable()),
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE"], { error: "Choose a status." }),
});
