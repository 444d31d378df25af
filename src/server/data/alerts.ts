import "server-only";
import { db } from "../db";
import { alertWhere, clientWhere, incidentWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { OPEN_PHASES, SEVERITIES, type Phase, type Severity } from "@/domain/incident/types";
import { promotionFacts } from "@/domain/triage/promotion";
import { isJurisdiction } from "@/domain/incident/jurisdictions";
import { toDateTimeInput } from "@/lib/datetime";
import { AGES, QUEUE_TABS, type AlertQueueQuery, type QueueTab } from "@/lib/validation/alert-queue";
import type { AlertStatus, Prisma } from "@/generated/prisma/client";

export const QUEUE_LIMIT = 200;

const TAB_STATUS: Record<QueueTab, AlertStatus[]> = {
  open: ["NEW", "GROUPED"],
  new: ["NEW"],
  grouped: ["GROUPED"],
  dismissed: ["DISMISSED"],
  promoted: ["PROMOTED"],
  merged: ["MERGED"],
};

export type AlertQueueRow = {
  id: string;
  title: string;
  source: string;
  severity: Severity;
  status: AlertStatus;
  count: number;
  clientId: string;
  clientName: string;
  observedAt: Date;
  receivedAt: Date;
  lastSeenAt: Date;
  incident: { id: string; reference: string } | null;
};

/**
 * The analyst's queue: alerts of the viewer's clients on one tab, filtered, the most severe first
 * and, within a severity, the longest waiting first. With the count on every tab (same filters).
 */
export async function listAlertQueue(viewer: Viewer, q: AlertQueueQuery, now: Date) {
  const filters: Prisma.AlertWhereInput = {
    ...(q.clientId ? { clientId: q.clientId } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.minSeverity ? { severityRank: { gte: SEVERITIES.indexOf(q.minSeverity) + 1 } } : {}),
    ...(q.age ? { receivedAt: { gte: new Date(now.getTime() - AGES[q.age]) } } : {}),
  };
  const [rows, byStatus, sources] = await Promise.all([
    db().alert.findMany({
      where: alertWhere(viewer, { ...filters, status: { in: TAB_STATUS[q.tab] } }),
      orderBy: [{ severityRank: "desc" }, { receivedAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
      select: {
        id: true,
        title: true,
        source: true,
        severity: true,
        status: true,
        count: true,
        clientId: true,
        observedAt: true,
        receivedAt: true,
        lastSeenAt: true,
        client: { select: { name: true } },
        incident: { select: { id: true, reference: true } },
      },
    }),
    db().alert.groupBy({ by: ["status"], where: alertWhere(viewer, filters), _count: { _all: true } }),
    db().alert.findMany({
      where: alertWhere(viewer),
      distinct: ["source"],
      select: { source: true },
      orderBy: { source: "asc" },
      take: 100,
    }),
  ]);
  const count = (s: AlertStatus) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
  const counts = Object.fromEntries(
    QUEUE_TABS.map((tab) => [tab, TAB_STATUS[tab].reduce((n, s) => n + count(s), 0)]),
  ) as Record<QueueTab, number>;
  return {
    rows: rows.map(({ client, ...r }): AlertQueueRow => ({
      ...r,
      clientName: client.name,
      incident: r.incident ?? null,
    })),
    counts,
    sources: sources.map((s) => s.source),
    truncated: rows.length === QUEUE_LIMIT,
  };
}

export type OpenIncidentOption = { id: string; reference: string; title: string; phase: Phase };

/**
 * One alert for triage, in the viewer's scope (null otherwise, like a missing id): its facts,
 * who decided it, the client's open incidents to merge into, and the promotion form's values
 * (times in the viewer's zone).
 */
export async function getAlertForTriage(viewer: Viewer, alertId: string) {
  const alert = await db().alert.findFirst({
    where: alertWhere(viewer, { id: alertId }),
    include: {
      client: { select: { name: true } },
      decidedBy: { select: { name: true } },
      incident: { select: { id: true, reference: true } },
    },
  });
  if (!alert) return null;
  const client = await db().client.findFirst({
    where: clientWhere(viewer, { id: alert.clientId }),
    select: { id: true },
  });
  if (!client) return null;
  const openIncidents: OpenIncidentOption[] = await db().incident.findMany({
    where: incidentWhere(viewer, { clientId: alert.clientId, phase: { in: [...OPEN_PHASES] }, erasedAt: null }),
    orderBy: [{ awareAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, reference: true, title: true, phase: true },
  });
  const facts = promotionFacts(alert);
  return {
    alert: {
      id: alert.id,
      title: alert.title,
      source: alert.source,
      externalId: alert.externalId,
      severity: alert.severity,
      type: alert.type,
      status: alert.status,
      count: alert.count,
      clientId: alert.clientId,
      clientName: alert.client.name,
      observedAt: alert.observedAt,
      receivedAt: alert.receivedAt,
      lastSeenAt: alert.lastSeenAt,
      dataCategories: alert.dataCategories,
      assets: alert.assets,
      jurisdictions: alert.jurisdictions,
      decidedBy: alert.decidedBy?.name ?? null,
      decidedAt: alert.decidedAt,
      dismissedReason: alert.dismissedReason,
      incident: alert.incident,
    },
    openIncidents,
    promotion: {
      title: facts.title,
      type: facts.type,
      severity: facts.severity,
      summary: facts.summary,
      detectedAt: toDateTimeInput(facts.detectedAt, viewer.timeZone),
      awareAt: toDateTimeInput(facts.awareAt, viewer.timeZone),
      dataCategories: facts.dataCategories,
      jurisdictions: facts.jurisdictions.filter(isJurisdiction),
      assets: facts.assets,
    },
  };
}
export type AlertForTriage = NonNullable<Awaited<ReturnType<typeof getAlertForTriage>>>;
