import "server-only";
import { db } from "../db";
import { auditEventWhere, incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import type { IncidentReport } from "@/domain/reports/incident-report";
import type { WorkingTargetSource } from "@/domain/deadlines/obligations";
import { workingTargetNote, workingTargetOf } from "@/domain/deadlines/working-target";
import { REVIEW_SECTIONS } from "@/domain/incident/post-mortem";
import {
  DATA_CATEGORY_LABEL,
  PHASE_LABEL,
  SEVERITY_LABEL,
  TYPE_LABEL,
  type DataCategory,
} from "@/domain/incident/types";
import { jurisdictionName } from "@/domain/incident/jurisdictions";
import { parseId } from "@/lib/validation/ids";
import { formatInstantWithUtc } from "@/lib/datetime";
import { describeEvent, eventReason } from "@/domain/timeline/describe-event";
import { incidentEventNames } from "./event-names";
import { readCipher } from "../crypto/incident-keys";
import { sentAt } from "./sent-at";
import { openChanges } from "../crypto/sealed-changes";
import { openSections } from "../crypto/sealed-review";

/**
 * Everything the incident report says, for staff who may see the incident; null otherwise. A
 * staff document: times in the organization's zone (the viewer's), with UTC beside them.
 */
export async function getIncidentReport(viewer: Viewer, idRaw: unknown, now: Date): Promise<IncidentReport | null> {
  const id = parseId(idRaw);
  if (!id) return null;
  const i = await db().incident.findFirst({
    where: incidentWhere(viewer, { id }),
    include: {
      client: { select: { name: true } },
      owner: { select: { name: true } },
      assets: { orderBy: { createdAt: "asc" } },
      obligations: { where: { active: true }, orderBy: { dueAt: { sort: "asc", nulls: "last" } } },
      notices: {
        where: { status: "SENT" },
        orderBy: { sentAt: "asc" },
        include: {
          obligation: { select: { citation: true } },
          acknowledgements: { include: { user: { select: { name: true } } } },
        },
      },
      postMortem: true,
      actionItems: { orderBy: { createdAt: "asc" }, include: { owner: { select: { name: true } } } },
    },
  });
  if (!i) return null;
  const zone = viewer.timeZone;
  const instant = (d: Date) => formatInstantWithUtc(d, zone);
  const utc = (d: Date | null | undefined) => (d ? instant(d) : null);
  // a law that fixes no time: the due time is a working target, and the report says so
  const withTarget = (due: string | null, target: WorkingTargetSource | null) =>
    due && target ? `${due} (${workingTargetNote(target).toLowerCase()})` : due;
  const [cipher, organization, sealedAudit] = await Promise.all([
    readCipher(db(), i.id),
    db().organization.findUniqueOrThrow({ where: { id: viewer.organizationId }, select: { name: true } }),
    db().auditEvent.findMany({
      where: auditEventWhere(viewer, { incidentId: i.id }),
      orderBy: { seq: "asc" },
      select: { at: true, actorLabel: true, action: true, entityType: true, entityId: true, changes: true },
    }),
  ]);
  const audit = sealedAudit.map((a) => ({ ...a, changes: openChanges(cipher, a.changes) as typeof a.changes }));
  const names = await incidentEventNames(viewer.organizationId, i.id, audit);
  const review = i.postMortem ? openSections(cipher, i.postMortem) : null;
  return {
    organization: organization.name,
    timeZone: zone,
    reference: i.reference,
    title: i.title,
    client: i.client.name,
    type: TYPE_LABEL[i.type],
    severity: SEVERITY_LABEL[i.severity],
    phase: PHASE_LABEL[i.phase],
    resolution: i.resolution === "FALSE_POSITIVE" ? "false positive" : i.resolution === "RESOLVED" ? "resolved" : null,
    summary: cipher.open("incident.summary", i.summary),
    clientSummary: cipher.open("incident.clientSummary", i.clientSummary),
    occurredAt: utc(i.occurredAt),
    detectedAt: instant(i.detectedAt),
    awareAt: instant(i.awareAt),
    closedAt: utc(i.closedAt),
    owner: i.owner?.name ?? null,
    dataCategories: i.dataCategories.map((c) => DATA_CATEGORY_LABEL[c as DataCategory]),
    dataSubjects: i.dataSubjectsCount,
    records: i.recordsCount,
    jurisdictions: i.jurisdictions.map(jurisdictionName),
    encrypted: i.dataEncrypted,
    systems: i.assets
      .map((a) => ({ name: cipher.open("asset.name", a.name), kind: a.kind }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => (a.kind ? `${a.name} (${a.kind})` : a.name)),
    timeline: audit.map((a) => ({
      at: instant(a.at),
      what: describeEvent(a, names),
      by: a.actorLabel,
      reason: eventReason(a),
    })),
    obligations: i.obligations.map((o) => ({
      citation: o.citation,
      title: o.title,
      recipient: o.recipient,
      due: withTarget(utc(o.dueAt), workingTargetOf(o.basis)),
      status: o.status.replaceAll("_", " ").toLowerCase(),
      decision: o.decisionReason,
    })),
    notices: i.notices.map((n) => ({
      citation: n.obligation.citation,
      subject: n.subject,
      sentAt: instant(sentAt(n)),
      hash: n.contentHash ?? "",
      acknowledged: n.acknowledgements.map((a) => `${a.user.name} (${instant(a.at)})`),
    })),
    review: review
      ? {
          completedAt: utc(review.completedAt),
          sections: REVIEW_SECTIONS.map((s) => ({ label: s.label, text: review[s.key] })),
        }
      : null,
    actionItems: i.actionItems.map((a) => ({
      title: a.title,
      owner: a.owner?.name ?? null,
      due: utc(a.dueAt),
      status: a.status.replace("_", " ").toLowerCase(),
    })),
    generatedAt: instant(now),
  };
}
