import { z } from "zod";
import { createIncidentSchema } from "./incident";
import { REASON_MAX } from "@/domain/incident/transition";

export const DISMISS_REASON_MIN = 5;

const alertId = z.uuid("No such alert. Reload the page.");

export const dismissAlertSchema = z.object({
  alertId,
  reason: z
    .string({ error: "Say why the alert is dismissed." })
    .trim()
    .min(DISMISS_REASON_MIN, `Say why the alert is dismissed (at least ${DISMISS_REASON_MIN} characters).`)
    .max(Math.min(REASON_MAX, 1000), "A reason has at most 1,000 characters."),
});
export type DismissAlertInput = z.output<typeof dismissAlertSchema>;

export const mergeAlertSchema = z.object({
  alertId,
  incidentId: z.uuid("Choose an open incident of this client."),
});
export type MergeAlertInput = z.output<typeof mergeAlertSchema>;

/**
 * Promotion: the alert, and the incident as the analyst confirmed it on the form (the facts
 * prefilled from the alert, each as editable as on the new-incident form). The client is the
 * alert's: the service sets it whatever the form says.
 */
export function promoteAlertSchema(now: Date) {
  const facts = createIncidentSchema(now);
  const ref = z.object({ alertId });
  return z.unknown().transform((raw, ctx) => {
    const form = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const r = ref.safeParse(form);
    const f = facts.safeParse(form);
    for (const issue of [...(r.error?.issues ?? []), ...(f.error?.issues ?? [])])
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (!r.success || !f.success) return z.NEVER;
    return { alertId: r.data.alertId, incident: f.data };
  });
}
export type PromoteAlertInput = z.output<ReturnType<typeof promoteAlertSchema>>;
