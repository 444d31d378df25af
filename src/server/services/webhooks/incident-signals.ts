import "server-only";
import type { Tx } from "../../db";
import { emitWebhookEvent } from "./emit-webhook-event";
import { pageOnCall, URGENT_SEVERITIES } from "../on-call/page-on-call";

// What the incident services tell the world, inside their transactions: the webhook events and
// the on-call page. Payloads carry ids, reference, type, severity, phase and times only.

type IncidentFacts = {
  id: string;
  organizationId: string;
  clientId: string;
  reference: string;
  type: string;
  severity: string;
  phase: string;
};

/** A new incident: "incident.created", and a page when it is high or critical. */
export async function signalIncidentCreated(
  tx: Tx,
  incident: IncidentFacts & { detectedAt: Date; awareAt: Date },
  now: Date,
): Promise<void> {
  await emitWebhookEvent(tx, {
    organizationId: incident.organizationId,
    event: "incident.created",
    payload: {
      incidentId: incident.id,
      reference: incident.reference,
      clientId: incident.clientId,
      type: incident.type,
      severity: incident.severity,
      phase: incident.phase,
      detectedAt: incident.detectedAt.toISOString(),
      awareAt: incident.awareAt.toISOString(),
      createdAt: now.toISOString(),
    },
    at: now,
  });
  await pageOnCall(tx, incident, "created", now);
}

/** A transition: "incident.phase_changed" when the phase moved; a page when severity rose to high or critical. */
export async function signalIncidentChanged(
  tx: Tx,
  before: IncidentFacts,
  after: { phase: string; severity: string; kind: string },
  now: Date,
): Promise<void> {
  if (after.phase !== before.phase)
    await emitWebhookEvent(tx, {
      organizationId: before.organizationId,
      event: "incident.phase_changed",
      payload: {
        incidentId: before.id,
        reference: before.reference,
        clientId: before.clientId,
        type: before.type,
        severity: after.severity,
        fromPhase: before.phase,
        toPhase: after.phase,
        change: after.kind.toLowerCase(),
        changedAt: now.toISOString(),
      },
      at: now,
    });
  if (
    after.severity !== before.severity &&
    URGENT_SEVERITIES.has(after.severity) &&
    !URGENT_SEVERITIES.has(before.severity)
  )
    await pageOnCall(tx, { ...before, severity: after.severity }, "severity_raised", now);
}
