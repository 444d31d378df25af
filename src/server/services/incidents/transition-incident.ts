import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident, writeIncident } from "./common";
import { readChecklist, tickKnownChecklist } from "./tick-known-checklist";
import { queueAutomation } from "../automation/queue-automation";
import { signalIncidentChanged } from "../webhooks/incident-signals";
import { postMortemState, unsettledObligations } from "../../data/gate-facts";
import { transition, type IncidentEvent } from "@/domain/incident/transition";
import { can } from "@/domain/access/can";
import { SEVERITIES, type Phase } from "@/domain/incident/types";
import type { TransitionInput } from "@/lib/validation/incident";
import type { Prisma } from "@/generated/prisma/client";

const FIRST_ENTRY: Partial<Record<Phase, keyof Prisma.IncidentUncheckedUpdateManyInput>> = {
  CONTAIN: "containStartedAt",
  INVESTIGATE: "investigateStartedAt",
  RESOLVE: "resolveStartedAt",
  REPORT: "reportStartedAt",
  POST_MORTEM: "postMortemStartedAt",
};

/** Moves an incident through its lifecycle (or changes its severity), if the rules allow. */
export async function transitionIncident(
  ctx: ServiceContext,
  input: TransitionInput,
): Promise<Result<{ phase: Phase; version: number }>> {
  return attempt(() => db().$transaction((tx) => transitionIncidentIn(tx, ctx, input)));
}

/** transitionIncident's work inside the caller's transaction (an automation rule's severity change). */
export async function transitionIncidentIn(
  tx: Tx,
  ctx: ServiceContext,
  input: TransitionInput,
): Promise<{ phase: Phase; version: number }> {
  // the checklist read below is the one a tick in flight has finished with (see lockIncident)
  const incident = await loadIncident(tx, ctx, input.incidentId, { lock: true });
  const checklist = await readChecklist(tx, incident.id);
  // incidents logged before Warden ticked what it knows catch up here (the write below bumps the version)
  if (can(ctx.viewer, "incident:transition", incident)) await tickKnownChecklist(tx, ctx, incident, checklist);
  const state = {
    phase: incident.phase,
    severity: incident.severity,
    resolution: incident.resolution,
    checklist: checklist.map((c) => ({
      phase: c.phase,
      key: c.key,
      label: c.label,
      required: c.required,
      done: c.doneAt !== null,
    })),
    unsettledObligations: incident.phase === "REPORT" ? await unsettledObligations(tx, incident.id) : [],
    postMortem: incident.phase === "POST_MORTEM" ? await postMortemState(tx, incident.id) : undefined,
  };
  const { incidentId: _id, version, ...event } = input;
  const result = transition(state, event as IncidentEvent, ctx.viewer, ctx.now);
  if (!result.ok) fail("REFUSED", result.reasons[0] ?? "Not allowed.", { reasons: result.reasons });

  const data: Prisma.IncidentUncheckedUpdateManyInput = {};
  if (result.to !== incident.phase) {
    data.phase = result.to;
    data.phaseEnteredAt = ctx.now;
    const first = FIRST_ENTRY[result.to];
    if (first && !incident[first as keyof typeof incident]) (data as Record<string, unknown>)[first] = ctx.now;
    data.closedAt = result.to === "CLOSED" ? ctx.now : null;
  }
  if (result.severity !== incident.severity) {
    data.severity = result.severity;
    data.severityRank = SEVERITIES.indexOf(result.severity) + 1;
  }
  if (result.resolution !== incident.resolution) data.resolution = result.resolution;
  await writeIncident(tx, ctx, incident.id, version, data);

  const severityChanged = result.severity !== incident.severity;
  // raw: every transition writes one, and the ORM's own work per statement cost more than it
  await tx.$executeRaw`
    INSERT INTO "PhaseEvent" (id, "incidentId", kind, "fromPhase", "toPhase", "fromSeverity", "toSeverity", reason, "actorId", at)
    VALUES (${randomUUID()}::uuid, ${incident.id}::uuid, ${result.kind}::"PhaseEventKind", ${result.from}::"Phase", ${result.to}::"Phase",
      ${severityChanged ? incident.severity : null}::"Severity", ${severityChanged ? result.severity : null}::"Severity",
      ${result.reason ?? null}, ${ctx.viewer.userId}::uuid, ${ctx.now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  await auditIncident(tx, ctx, incident, `incident.${result.kind.toLowerCase()}`, {
    phase: { before: incident.phase, after: result.to },
    ...(result.severity !== incident.severity
      ? { severity: { before: incident.severity, after: result.severity } }
      : {}),
    ...(result.resolution !== incident.resolution
      ? { resolution: { before: incident.resolution, after: result.resolution } }
      : {}),
    ...(result.reason ? { reason: result.reason } : {}),
  });
  await signalIncidentChanged(
    tx,
    incident,
    { phase: result.to, severity: result.severity, kind: result.kind },
    ctx.now,
  );
  if (result.to !== incident.phase)
    await queueAutomation(tx, incident.organizationId, {
      trigger: "incident.phase_changed",
      subjectType: "incident",
      subjectId: incident.id,
      eventKey: `incident.phase_changed:${incident.id}:${version + 1}`,
    });
  return { phase: result.to, version: version + 1 };
}
