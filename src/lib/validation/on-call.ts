import { z } from "zod";
import { isTimeZone, parseDateTimeInput } from "@/lib/datetime";

// Managers and administrators keep on-call rotas: who takes turns, in what order, handing over
// when (local time in the rota's zone), and who stands in (overrides).

export const MAX_ROTA_MEMBERS = 12;
const id = (message: string) => z.uuid({ error: message });
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const rotaFields = {
  name: z
    .string({ error: "Name the rota." })
    .trim()
    .min(1, "Name the rota.")
    .max(200, "A name has at most 200 characters."),
  /** empty: the rota answers for every client without one of its own */
  clientId: z.preprocess(blankToUndefined, id("Choose one of the organization's clients.").optional()),
  /** empty: the client's zone (the organization's for a rota of every client) */
  timeZone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine(isTimeZone, "Enter an IANA time zone such as Europe/London or America/New_York.")
      .optional(),
  ),
  handoverTime: z
    .string({ error: "Enter the handover time." })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the handover time as HH:MM, e.g. 09:00."),
  rotation: z.enum(["weekly", "custom"], { error: "Choose weekly or a custom shift length." }),
  shiftHours: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the shift length in hours." })
      .int("Enter whole hours.")
      .min(1, "A shift lasts at least 1 hour.")
      .max(336, "A shift lasts at most 336 hours (two weeks).")
      .optional(),
  ),
  startsOn: z
    .string({ error: "Enter the date of the first shift." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of the first shift (YYYY-MM-DD).")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Enter a real date."),
  memberIds: z
    .array(z.string())
    .transform((ids) => ids.map((v) => v.trim()).filter(Boolean))
    .pipe(
      z
        .array(id("Choose people of the organization."))
        .min(1, "Put at least one person on the rota.")
        .max(MAX_ROTA_MEMBERS, `A rota has at most ${MAX_ROTA_MEMBERS} people.`)
        .refine((ids) => new Set(ids).size === ids.length, "Each person takes one place in the order."),
    ),
  /** empty: the member after the primary */
  secondaryUserId: z.preprocess(blankToUndefined, id("Choose a person of the organization.").optional()),
  escalateAfterMinutes: z.coerce
    .number({ error: "Enter the minutes before a page escalates." })
    .int("Enter whole minutes.")
    .min(1, "At least 1 minute.")
    .max(1440, "At most 1,440 minutes (a day)."),
  enabled: checkbox,
};

function shiftLength<T extends { rotation: "weekly" | "custom"; shiftHours?: number }>(v: T, ctx: z.RefinementCtx) {
  if (v.rotation === "custom" && v.shiftHours === undefined)
    ctx.addIssue({ code: "custom", path: ["shiftHours"], message: "Enter the shift length in hours." });
}

export const createRotaSchema = z.object(rotaFields).superRefine(shiftLength);
export type CreateRotaInput = z.infer<typeof createRotaSchema>;

export const updateRotaSchema = z
  .object({
    ...rotaFields,
    rotaId: id("No such rota."),
    version: z.coerce.number({ error: "Reload the page." }).int().min(1),
  })
  .superRefine(shiftLength);
export type UpdateRotaInput = z.infer<typeof updateRotaSchema>;

/** An override: its times are local wall-clock times in the rota's zone (datetime-local inputs). */
export const overrideSchema = z.object({
  rotaId: id("No such rota."),
  userId: id("Choose who stands in."),
  startsAt: z.string({ error: "Enter when it starts." }).trim().min(1, "Enter when it starts."),
  endsAt: z.string({ error: "Enter when it ends." }).trim().min(1, "Enter when it ends."),
  reason: z
    .string({ error: "Say why (e.g. covering leave)." })
    .trim()
    .min(1, "Say why (e.g. covering leave).")
    .max(300, "A reason has at most 300 characters."),
});
export type OverrideInput = z.infer<typeof overrideSchema>;

/** The override's instants in the rota's zone, or field errors. */
export function overrideSpan(
  input: Pick<OverrideInput, "startsAt" | "endsAt">,
  zone: string,
): { ok: true; startsAt: Date; endsAt: Date } | { ok: false; fieldErrors: Record<string, string[]> } {
  const startsAt = parseDateTimeInput(input.startsAt, zone);
  const endsAt = parseDateTimeInput(input.endsAt, zone);
  const fieldErrors: Record<string, string[]> = {};
  if (!startsAt) fieldErrors.startsAt = ["Enter a date and time."];
  if (!endsAt) fieldErrors.endsAt = ["Enter a date and time."];
  if (startsAt && endsAt && endsAt <= startsAt) fieldErrors.endsAt = ["The end must be after the start."];
  if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > 90 * 86_400_000)
    fieldErrors.endsAt = ["An override lasts at most 90 days; change the rota for longer."];
  return startsAt && endsAt && !Object.keys(fieldErrors).length
    ? { ok: true, startsAt, endsAt }
    : { ok: false, fieldErrors };
}

export const removeOverrideSchema = z.object({ overrideId: id("No such override.") });
export type RemoveOverrideInput = z.infer<typeof removeOverrideSchema>;

export const incidentIdSchema = z.object({ incidentId: id("No such incident.") });
export type IncidentIdInput = z.infer<typeof incidentIdSchema>;
