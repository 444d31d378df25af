import "server-only";
import { db } from "../db";
import type { Prisma } from "@/generated/prisma/client";
import { auditEventWhere, incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { parseId } from "@/lib/validation/ids";
import { advanceBlockers } from "@/domain/incident/transition";
import { postMortemState, unsettledObligations } from "./gate-facts";
import { PHASE_LABEL, type Phase } from "@/domain/incident/types";
import { describeEvent, eventReason } from "@/domain/timeline/describe-event";
import { incidentEventNames } from "./event-names";
import { readCipher, type IncidentCipher } from "../crypto/incident-keys";
import { openChanges } from "../crypto/sealed-changes";
import { openSections } from "../crypto/sealed-review";

export type TimelineEntry = {
  id: string;
  at: Date;
  kind: "phase" | "note" | "audit";
  actor: string;
  title: string;
  detail: string | null;
};

const DETAIL_INCLUDE = {
  client: { select: { id: true, name: true, timeZone: true } },
  reporter: { select: { name: true } },
  owner: { select: { id: true, name: true } },
  updatedBy: { select: { name: true } },
  checklist: { orderBy: { position: "asc" }, include: { doneBy: { select: { name: true } } } },
  tasks: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], include: { owner: { select: { name: true } } } },
  notes: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
  evidence: { orderBy: { collectedAt: "asc" }, include: { collectedBy: { select: { name: true } }, custody: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } } } },
  assets: { orderBy: { createdAt: "asc" } }, // names are sealed: sorted once opened
  phaseEvents: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
  postMortem: { include: { completedBy: { select: { name: true } } } },
  actionItems: { orderBy: [{ status: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }], include: { owner: { select: { id: true, name: true } } } },
} satisfies Prisma.IncidentInclude;

/** Everything the incident page shows, for staff who may see the incident; null otherwise. */
export async function getIncidentDetail(viewer: Viewer, id: unknown) {
  const incidentId = parseId(id);
  if (!incidentId) return null;
  const stored = await db().incident.findFirst({
    where: incidentWhere(viewer, { id: incidentId }),
    include: DETAIL_INCLUDE,
  });
  if (!stored) return null;

  const [cipher, sealedAudit] = await Promise.all([
    readCipher(db(), stored.id),
    db().auditEvent.findMany({
      where: auditEventWhere(viewer, { incidentId: stored.id }),
      orderBy: { seq: "asc" },
      select: { id: true, seq: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true, changes: true, hash: true },
    }),
  ]);
  const incident = openIncident(cipher, stored);
  const audit = sealedAudit.map((a) => ({ ...a, changes: openChanges(cipher, a.changes) as typeof a.changes }));
  const names = await incidentEventNames(viewer.organizationId, incident.id, audit);

  const checklistState = incident.checklist.map((c) => ({ phase: c.phase as Phase, key: c.key, label: c.label, required: c.required, done: c.doneAt !== null }));
  const unsettled = incident.phase === "REPORT" ? await unsettledObligations(db(), incident.id) : [];
  const postMortem = incident.phase === "POST_MORTEM" ? await postMortemState(db(), incident.id) : undefined;
  const blockers = advanceBlockers({ phase: incident.phase, severity: incident.severity, resolution: incident.resolution, checklist: checklistState, unsettledObligations: unsettled, postMortem });
  const unmet = blockers.map((b) => b.reason);

  const timeline: TimelineEntry[] = [
    ...incident.phaseEvents.map((e) => ({
      id: `p-${e.id}`,
      at: e.at,
      kind: "phase" as const,
      actor: e.actor.name,
      title: phaseEventTitle(e),
      detail: e.reason,
    })),
    ...incident.notes.map((n) => ({ id: `n-${n.id}`, at: n.createdAt, kind: "note" as const, actor: n.author.name, title: "Note", detail: n.body })),
    ...audit
      // phase changes and notes already stand above in their own words
      .filter((a) => !a.action.startsWith("incident.") || a.action === "incident.update_facts" || a.action === "incident.assign")
      .filter((a) => a.action !== "note.create")
      .map((a) => ({ id: `a-${a.id}`, at: a.at, kind: "audit" as const, actor: a.actorLabel, title: describeEvent(a, names), detail: eventReason(a) })),
  ].sort((x, y) => x.at.getTime() - y.at.getTime() || x.id.localeCompare(y.id));

  return { incident, unmet, blockers, timeline, audit };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncidentDetail>>>;

type StoredDetail = Prisma.IncidentGetPayload<{ include: typeof DETAIL_INCLUDE }>;

/** The incident with every free text opened under its data key (assets sorted by their opened names). */
function openIncident(cipher: IncidentCipher, i: StoredDetail): StoredDetail {
  return {
    ...i,
    summary: cipher.open("incident.summary", i.summary),
    clientSummary: cipher.open("incident.clientSummary", i.clientSummary),
    notes: i.notes.map((n) => ({ ...n, body: cipher.open("note.body", n.body) })),
    evidence: i.evidence.map((e) => ({
      ...e,
      description: cipher.open("evidence.description", e.description),
      custody: e.custody.map((c) => ({ ...c, note: c.note === null ? null : cipher.open("custody.note", c.note) })),
    })),
    assets: i.assets.map((a) => ({ ...a, name: cipher.open("asset.name", a.name) })).sort((a, b) => a.name.localeCompare(b.name)),
    postMortem: i.postMortem ? openSections(cipher, i.postMortem) : null,
  };
}


function phaseEventTitle(e: { kind: string; fromPhase: string | null; toPhase: string; fromSeverity: string | null; toSeverity: string | null }): string {
  switch (e.kind) {
    case "OPEN": return `Incident logged (severity ${e.toSeverity?.toLowerCase() ?? "—"})`;
    case "ADVANCE": return e.toPhase === "CLOSED" ? "Closed as resolved" : `Moved to ${PHASE_LABEL[e.toPhase as Phase]}`;
    case "STEP_BACK": return `Stepped back from ${(e.fromPhase ? PHASE_LABEL[e.fromPhase as Phase] : "?")} to ${PHASE_LABEL[e.toPhase as Phase]}`;
    case "CLOSE_FALSE_POSITIVE": return "Closed as a false positive";
    case "REOPEN": return `Reopened in ${PHASE_LABEL[e.toPhase as Phase]}`;
    case "CHANGE_SEVERITY": return `Severity changed from ${e.fromSeverity?.toLowerCase()} to ${e.toSeverity?.toLowerCase()}`;
    default: return e.kind;
  }
}
