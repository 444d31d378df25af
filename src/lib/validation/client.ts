import { z } from "zod";
import { SECTORS, REGIME_FLAG_KEYS, type RegimeFlag } from "@/domain/clients";
import { isTimeZone } from "@/lib/datetime";
import { DEFAULT_RETENTION_YEARS, RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from "@/domain/retention/erasure";

// An administrator adds a client and keeps its contract terms and regime flags current.

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max, `${label} has at most ${max} characters.`).optional(),
  );

const flags = Object.fromEntries(REGIME_FLAG_KEYS.map((k) => [k, checkbox])) as Record<RegimeFlag, typeof checkbox>;

const fields = {
  name: z
    .string({ error: "Enter the client's name." })
    .trim()
    .min(1, "Enter the client's name.")
    .max(200, "A name has at most 200 characters."),
  sector: z.enum(SECTORS, { error: "Choose a sector." }),
  timeZone: z
    .string({ error: "Enter a time zone." })
    .trim()
    .refine(isTimeZone, "Enter an IANA time zone such as Europe/Berlin or America/New_York."),
  country: z
    .string({ error: "Enter a country code." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the two-letter country code (ISO 3166-1), e.g. DE or US."),
  noticeHours: z.coerce
    .number({ error: "Enter the contract's notice window in hours." })
    .int("Enter whole hours.")
    .min(1, "The notice window is at least 1 hour.")
    .max(8760, "The notice window is at most 8,760 hours (a year)."),
  noticeBusinessHoursOnly: checkbox,
  // left out (not sent at all), the usual six years; sent empty, a field error
  retentionYears: z.preprocess(
    (v) => (v === undefined ? DEFAULT_RETENTION_YEARS : typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "Enter how many years closed incidents are kept." })
      .int("Enter whole years.")
      .min(RETENTION_YEARS_MIN, `Closed incidents are kept at least ${RETENTION_YEARS_MIN} year.`)
      .max(RETENTION_YEARS_MAX, `Closed incidents are kept at most ${RETENTION_YEARS_MAX} years.`),
  ),
  contractReference: optionalText(100, "A contract reference"),
  noticeEmail: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .toLowerCase()
      .max(320, "An email address has at most 320 characters.")
      .pipe(z.email("Enter an email address like privacy@client.example."))
      .optional(),
  ),
  ...flags,
};

export const clientSchema = z.object(fields);
export type ClientInput = z.output<typeof clientSchema>;

export const updateClientSchema = z
  .object({
    clientId: z.uuid("Unknown client."),
    ...fields,
    /** The second submit of a change of terms: confirms the preview whose hash it carries. */
    confirm: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.literal("1", { error: "Unknown confirmation." }).optional(),
    ),
    previewHash: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^[0-9a-f]{64}$/, "This preview is not recognised; preview the change again.")
        .optional(),
    ),
  })
  .refine((v) => !v.confirm || v.previewHash, {
    path: ["previewHash"],
    message: "Preview the change before confirming it.",
  });
export type UpdateClientInput = z.output<typeof updateClientSchema>;
