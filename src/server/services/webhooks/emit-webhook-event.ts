import "server-only";
import type { Tx } from "../../db";
import type { WebhookEventName, WebhookPayload } from "@/domain/webhooks/events";

/**
 * Queues an event for every enabled subscription of the organization that asks for it, inside
 * the caller's transaction: a WebhookDelivery row each, due now. Rolled back with the change,
 * nothing is sent; committed, the dispatcher (src/server/jobs/dispatch-worker.ts) hands each to
 * a pg-boss job within a second. The payload carries ids, reference, type, severity, phase and
 * times only (never free text or personal data): its type admits scalars and lists of strings.
 * Returns the number of deliveries queued.
 */
export async function emitWebhookEvent(
  tx: Tx,
  e: {
    organizationId: string;
    event: WebhookEventName;
    payload: WebhookPayload;
    at: Date;
    /** one subscription only, whatever it subscribes to (the Send test button) */
    subscriptionId?: string;
  },
): Promise<number> {
  const subscriptions = await tx.webhookSubscription.findMany({
    where: {
      organizationId: e.organizationId,
      enabled: true,
      ...(e.subscriptionId ? { id: e.subscriptionId } : { events: { has: e.event } }),
    },
    select: { id: true },
  });
  if (!subscriptions.length) return 0;
  await tx.webhookDelivery.createMany({
    data: subscriptions.map((s) => ({
      organizationId: e.organizationId,
      subscriptionId: s.id,
      event: e.event,
      payload: { ...e.payload },
      createdAt: e.at,
      nextAttemptAt: e.at,
    })),
  });
  return subscriptions.length;
}
