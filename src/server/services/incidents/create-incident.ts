import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../../db";
import { createIncidentKey } from "../../crypto/incident-keys";
import { clientWhere } from "../../data/scope";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { assertAssignable, auditIncident } from "./common";
import { tickKnownChecklist } from "./tick-known-checklist";
import { syncObligations } from "../obligations/sync-obligations";
import { queueAutomation } from "../automation/queue-automation";
import { signalIncidentCreated } from "../webhooks/incident-signals";
import { can } from "@/domain/access/can";
import { defaultChecklist } from "@/domain/incident/checklists";
import { SEVERITIES } from "@/domain/incident/types";
import type { CreateIncidentInput } from "@/lib/validation/incident";

export function formatReference(year: number, n: number): string {
  return `INC-${year}-${String(n).padStart(4, "0")}`;
}

/** Logs a new incident in Identify, with the default checklist of its type. */
export async function createIncident(
  ctx: ServiceContext,
  input: CreateIncidentInput,
): Promise<Result<{ id: string; reference: string }>> {
  return attempt(() => db().$transaction((tx) => createIncidentIn(tx, ctx, input)));
}

/** createIncident's work inside the caller's transaction (a promoted alert is logged with its decision). */
export async function createIncidentIn(
  tx: Tx,
  ctx: ServiceContext,
  input: CreateIncidentInput,
): Promise<{ id: string; reference: string }> {
  const { viewer, now } = ctx;
  if (!can(viewer, "incident:create", { clientId: input.clientId })) {
    fail("VALIDATION_FAILED", "Check the highlighted field.", {
      fieldErrors: { clientId: ["Choose one of your clients."] },
    });
  }
  const client = await tx.client.findFirst({
    where: clientWhere(viewer, { id: input.clientId }),
    select: { id: true },
  });
  if (!client)
    fail("VALIDATION_FAILED", "Check the highlighted field.", {
      fieldErrors: { clientId: ["Choose one of your clients."] },
    });
  if (
    input.ownerId &&
    input.ownerId !== viewer.userId &&
    !can(viewer, "incident:assign", { clientId: input.clientId })
  ) {
    fail("VALIDATION_FAILED", "Check the highlighted field.", {
      fieldErrors: {
        ownerId: ["You can log an incident for yourself only; a manager assigns it to someone else."],
      },
    });
  }
  if (input.ownerId) await assertAssignable(tx, ctx, input.ownerId, input.clientId, "ownerId");

  const year = now.getUTCFullYear();
  const [{ last }] = await tx.$queryRaw<[{ last: number }]>`
        INSERT INTO "IncidentCounter" ("organizationId", year, last) VALUES (${viewer.organizationId}::uuid, ${year}, 1)
        ON CONFLICT ("organizationId", year) DO UPDATE SET last = "IncidentCounter".last + 1
        RETURNING last`;
  const reference = formatReference(year, last);

  // The incident's data key comes first: its free text is stored sealed under it.
  const id = randomUUID();
  const cipher = await createIncidentKey(tx, { id, organizationId: viewer.organizationId });
  const incident = await tx.incident.create({
    data: {
      id,
      organizationId: viewer.organizationId,
      clientId: input.clientId,
      reference,
      title: input.title,
      summary: cipher.seal("incident.summary", input.summary),
      clientSummary: cipher.seal("incident.clientSummary", input.clientSummary),
      type: input.type,
      severity: input.severity,
      severityRank: SEVERITIES.indexOf(input.severity) + 1,
      phase: "IDENTIFY",
      reporterId: viewer.userId,
      ownerId: input.ownerId ?? viewer.userId,
      occurredAt: input.occurredAt,
      detectedAt: input.detectedAt,
      awareAt: input.awareAt,
      phaseEnteredAt: now,
      dataCategories: input.dataCategories,
      dataSubjectsCount: input.dataSubjectsCount ?? null,
      recordsCount: input.recordsCount ?? null,
      jurisdictions: input.jurisdictions,
      dataEncrypted: input.dataEncrypted,
      updatedById: viewer.userId,
      createdAt: now,
      checklist: { create: defaultChecklist(input.type).map((item, position) => ({ ...item, position })) },
      phaseEvents: {
        create: { kind: "OPEN", toPhase: "IDENTIFY", toSeverity: input.severity, actorId: viewer.userId, at: now },
      },
    },
  });
  await auditIncident(tx, ctx, incident, "incident.create", {
    reference,
    clientId: input.clientId,
    title: input.title,
    type: input.type,
    severity: input.severity,
    awareAt: input.awareAt.toISOString(),
  });
  await tickKnownChecklist(tx, ctx, incident);
  await syncObligations(tx, ctx, incident, "incident logged");
  await signalIncidentCreated(tx, incident, now);
  await queueAutomation(tx, viewer.organizationId, {
    trigger: "incident.created",
    subjectType: "incident",
    subjectId: incident.id,
    eventKey: `incident.created:${incident.id}`,
  });
  return { id: incident.id, reference };
}
