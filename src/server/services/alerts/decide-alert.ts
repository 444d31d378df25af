import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { writeCipher } from "../../crypto/incident-keys";
import { alertWhere, incidentWhere } from "../../data/scope";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { auditIncident, loadIncident, lockIncident } from "../incidents/common";
import { createIncidentIn } from "../incidents/create-incident";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { can } from "@/domain/access/can";
import { OPEN_PHASES } from "@/domain/incident/types";
import { promotionFacts } from "@/domain/triage/promotion";
import { formatInstant } from "@/lib/datetime";
import type { CreateIncidentInput } from "@/lib/validation/incident";
import type { DismissAlertInput, MergeAlertInput } from "@/lib/validation/alert-triage";
import type { Alert } from "@/generated/prisma/client";

export const ALERT_NOT_FOUND = "No such alert, or it is not one of your clients'.";

const DECISION_WORD = { DISMISSED: "dismissed", PROMOTED: "promoted", MERGED: "merged" } as const;

/**
 * The alert, locked until the transaction ends, if the viewer may triage it and nobody has
 * decided it yet. Two people deciding at once: the second waits for the first's lock, then
 * reads the decision and is told who made it.
 */
export async function lockUndecidedAlert(tx: Tx, ctx: ServiceContext, alertId: string): Promise<Alert> {
  await tx.$queryRaw`SELECT 1 FROM "Alert" WHERE id = ${alertId}::uuid FOR UPDATE`;
  const alert = await tx.alert.findFirst({ where: alertWhere(ctx.viewer, { id: alertId }) });
  if (!alert || !can(ctx.viewer, "alert:triage", alert)) fail("NOT_FOUND", ALERT_NOT_FOUND);
  if (alert.status !== "NEW" && alert.status !== "GROUPED") {
    const who = alert.decidedById
      ? ((await tx.user.findUnique({ where: { id: alert.decidedById }, select: { name: true } }))?.name ?? "someone")
      : "someone";
    const when = alert.decidedAt ? formatInstant(alert.decidedAt, ctx.viewer.timeZone) : "a moment ago";
    fail("CONFLICT", `Already decided: ${DECISION_WORD[alert.status]} by ${who} at ${when}. Reload the queue.`);
  }
  return alert;
}

async function decide(
  tx: Tx,
  ctx: ServiceContext,
  alert: Alert,
  data: { status: "DISMISSED" | "PROMOTED" | "MERGED"; incidentId?: string; dismissedReason?: string },
) {
  const { count } = await tx.alert.updateMany({
    where: { id: alert.id, status: { in: ["NEW", "GROUPED"] } },
    data: { ...data, decidedById: ctx.viewer.userId, decidedAt: ctx.now, version: { increment: 1 } },
  });
  // the row is locked: an undecided alert stays undecided until this transaction ends
  if (count !== 1) throw new Error("an alert locked as undecided was decided meanwhile");
}

/** What the audit entry says of the alert it concerns (no payload: ids, source and counts). */
const alertRef = (alert: Alert) => ({
  alertId: alert.id,
  source: alert.source,
  externalId: alert.externalId,
  count: alert.count,
});

/** Dismisses an alert, with the reason. */
export async function dismissAlert(ctx: ServiceContext, input: DismissAlertInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const alert = await lockUndecidedAlert(tx, ctx, input.alertId);
      await decide(tx, ctx, alert, { status: "DISMISSED", dismissedReason: input.reason });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "alert.dismiss",
        entityType: "Alert",
        entityId: alert.id,
        changes: { ...alertRef(alert), clientId: alert.clientId, reason: input.reason },
      });
      return { id: alert.id };
    }),
  );
}

/** The alert as an evidence item of the incident: its facts, sealed like every evidence description. */
async function alertAsEvidence(
  tx: Tx,
  ctx: ServiceContext,
  incident: { id: string; organizationId: string },
  alert: Alert,
) {
  const description = [
    `Alert from ${alert.source} (id ${alert.externalId}): ${alert.title}`,
    `Observed ${alert.observedAt.toISOString()}, received ${alert.receivedAt.toISOString()}`,
    alert.count > 1 ? `Seen ${alert.count} times, last ${alert.lastSeenAt.toISOString()}` : null,
    `Severity ${alert.severity}`,
    alert.assets.length ? `Systems: ${alert.assets.join(", ")}` : null,
    alert.dataCategories.length ? `Data categories: ${alert.dataCategories.join(", ")}` : null,
  ]
    .filter((line) => line !== null)
    .join("\n");
  // the hash identifies the alert as it was when it joined the incident
  const sha256 = createHash("sha256")
    .update(JSON.stringify({ id: alert.id, ...alertRef(alert), fingerprint: alert.fingerprint, title: alert.title }))
    .digest("hex");
  const location = `Warden alert ${alert.id} (${alert.source})`.slice(0, 500);
  const cipher = await writeCipher(tx, incident);
  const evidence = await tx.evidence.create({
    data: {
      incidentId: incident.id,
      description: cipher.seal("evidence.description", description),
      location,
      sha256,
      collectedById: ctx.viewer.userId,
      collectedAt: alert.receivedAt,
      createdAt: ctx.now,
      custody: { create: { action: "COLLECTED", actorId: ctx.viewer.userId, at: alert.receivedAt } },
    },
  });
  await auditIncident(
    tx,
    ctx,
    incident,
    "evidence.create",
    { description, location, sha256, collectedAt: alert.receivedAt.toISOString() },
    { type: "Evidence", id: evidence.id },
  );
}

/** Merges an alert into an open incident of the same client: the incident's evidence gains it. */
export async function mergeAlert(
  ctx: ServiceContext,
  input: MergeAlertInput,
): Promise<Result<{ id: string; incidentId: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const alert = await lockUndecidedAlert(tx, ctx, input.alertId);
      const refuse: (message: string) => never = (message) =>
        fail("VALIDATION_FAILED", "Check the highlighted field.", { fieldErrors: { incidentId: [message] } });
      const incident = await tx.incident.findFirst({ where: incidentWhere(ctx.viewer, { id: input.incidentId }) });
      if (!incident || incident.erasedAt || incident.clientId !== alert.clientId)
        refuse("Choose an open incident of this alert's client.");
      if (!(OPEN_PHASES as readonly string[]).includes(incident.phase))
        refuse(`${incident.reference} is closed; choose an open incident.`);
      if (!can(ctx.viewer, "incident:update", incident)) refuse("You may not change this incident.");
      await lockIncident(tx, incident.id);
      await decide(tx, ctx, alert, { status: "MERGED", incidentId: incident.id });
      await alertAsEvidence(tx, ctx, incident, alert);
      await auditIncident(
        tx,
        ctx,
        incident,
        "alert.merge",
        { ...alertRef(alert), reference: incident.reference },
        { type: "Alert", id: alert.id },
      );
      return { id: alert.id, incidentId: incident.id };
    }),
  );
}

/**
 * Promotes an alert to a new incident in Identify, logged by the create-incident service (every
 * guarantee of a hand-logged incident holds), with the alert's systems as affected assets and
 * the alert itself as the first evidence item. Inside the caller's transaction.
 */
export async function promoteAlertIn(
  tx: Tx,
  ctx: ServiceContext,
  alert: Alert,
  facts: CreateIncidentInput,
  assets: readonly string[],
  audit: Record<string, string | number> = {},
): Promise<{ id: string; reference: string }> {
  const created = await createIncidentIn(tx, ctx, { ...facts, clientId: alert.clientId });
  const incident = await loadIncident(tx, ctx, created.id);
  await decide(tx, ctx, alert, { status: "PROMOTED", incidentId: created.id });
  const cipher = await writeCipher(tx, incident);
  const seen = new Set<string>();
  for (const name of assets) {
    const nameDigest = cipher.digest("asset.name", name.toLocaleLowerCase("und"));
    if (seen.has(nameDigest)) continue;
    seen.add(nameDigest);
    const asset = await tx.affectedAsset.create({
      data: {
        incidentId: created.id,
        name: cipher.seal("asset.name", name),
        nameDigest,
        kind: null,
        createdAt: ctx.now,
      },
    });
    await auditIncident(
      tx,
      ctx,
      incident,
      "asset.create",
      { name, kind: null },
      { type: "AffectedAsset", id: asset.id },
    );
  }
  await alertAsEvidence(tx, ctx, incident, alert);
  await auditIncident(
    tx,
    ctx,
    incident,
    "alert.promote",
    { ...alertRef(alert), reference: created.reference, ...audit },
    {
      type: "Alert",
      id: alert.id,
    },
  );
  await emitWebhookEvent(tx, {
    organizationId: alert.organizationId,
    event: "alert.promoted",
    payload: {
      alertId: alert.id,
      incidentId: created.id,
      reference: created.reference,
      clientId: alert.clientId,
      source: alert.source,
      severity: facts.severity,
      type: facts.type,
      promotedAt: ctx.now.toISOString(),
    },
    at: ctx.now,
  });
  return created;
}

/** An analyst's promotion: the facts as confirmed on the form. */
export async function promoteAlert(
  ctx: ServiceContext,
  input: { alertId: string; incident: CreateIncidentInput },
): Promise<Result<{ id: string; reference: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const alert = await lockUndecidedAlert(tx, ctx, input.alertId);
      return promoteAlertIn(tx, ctx, alert, input.incident, promotionFacts(alert).assets);
    }),
  );
}
