import { z } from "zod";

/** The organization's working target for laws that fix no time (hours, up to a year). */
export const workingTargetSchema = z.object({
  hours: z.coerce
    .number({ error: "Enter a whole number of hours." })
    .int("Enter a whole number of hours.")
    .min(1, "At least 1 hour.")
    .max(8760, "At most 8,760 hours (a year)."),
});

export type WorkingTargetInput = z.infer<typeof workingTargetSchema>;
