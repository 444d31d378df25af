import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/domain/webhooks/events";

// An administrator subscribes a URL to events. The URL's form is checked here; where it points
// (private or loopback addresses) is checked by the service, which resolves the host.

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const id = (what: string) => z.uuid({ error: `No such ${what}.` });

const fields = {
  url: z
    .string({ error: "Enter the URL that receives the events." })
    .trim()
    .min(1, "Enter the URL that receives the events.")
    .max(2000, "A URL has at most 2,000 characters."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose events from the list." }), { error: "Choose at least one event." })
    .min(1, "Choose at least one event."),
  allowPrivate: checkbox,
};

export const createWebhookSchema = z.object(fields);
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({ ...fields, subscriptionId: id("subscription"), enabled: checkbox });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookIdSchema = z.object({ subscriptionId: id("subscription") });
export type WebhookIdInput = z.infer<typeof webhookIdSchema>;
