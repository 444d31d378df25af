// The events an organization may subscribe to, and what each payload carries: ids, reference,
// type, severity, phase and times only, never an incident's free text or anyone's personal data.

export const WEBHOOK_EVENTS = [
  "incident.created",
  "incident.phase_changed",
  "obligation.overdue",
  "notice.sent",
  "alert.promoted",
  "automation.rule_fired",
] as const;
export type SubscribableEvent = (typeof WEBHOOK_EVENTS)[number];
/** "webhook.test" is sent by the Send test button, to one subscription, whatever it subscribes to. */
export type WebhookEventName = SubscribableEvent | "webhook.test";

export const EVENT_LABELS: Readonly<Record<SubscribableEvent, string>> = {
  "incident.created": "Incident created",
  "incident.phase_changed": "Incident phase changed",
  "obligation.overdue": "Obligation overdue",
  "notice.sent": "Notice sent",
  "alert.promoted": "Alert promoted to an incident",
  "automation.rule_fired": 'An automation rule\'s "send a webhook" action',
};

export type WebhookPayloadValue = string | number | boolean | null | readonly string[];
export type WebhookPayload = Readonly<Record<string, WebhookPayloadValue>>;

/** The JSON body: the event, its delivery id and time, and the payload under "data". */
export function webhookBody(e: { event: string; deliveryId: string; occurredAt: Date; payload: unknown }): string {
  return JSON.stringify({ id: e.deliveryId, event: e.event, occurredAt: e.occurredAt.toISOString(), data: e.payload });
}
