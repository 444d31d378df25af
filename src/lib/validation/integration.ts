import { z } from "zod";
import { INTEGRATION_FORMATS } from "@/domain/alerts/mappings/map-payload";
import { idSchema } from "./ids";

// Administrators' forms for the integrations that post alerts (Admin → Integrations).

const clientIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(idSchema).min(1, "Choose at least one client.").max(500),
);

export const createIntegrationSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
    format: z.enum(INTEGRATION_FORMATS, { error: "Choose the format the tool posts." }),
    clientIds,
    defaultClientId: z.preprocess((v) => (v === "" ? undefined : v), idSchema.optional()),
    rateLimitPerMinute: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(1, "At least 1 a minute.")
      .max(100_000, "At most 100,000 a minute."),
  })
  .superRefine((v, ctx) => {
    if (v.defaultClientId && !v.clientIds.includes(v.defaultClientId))
      ctx.addIssue({
        code: "custom",
        path: ["defaultClientId"],
        message: "The default client must be one of the clients chosen.",
      });
  });
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

export const integrationIdSchema = z.object({ integrationId: idSchema });
export type IntegrationIdInput = z.infer<typeof integrationIdSchema>;
