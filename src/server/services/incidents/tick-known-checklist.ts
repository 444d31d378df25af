import "server-only";
import type { Tx } from "../../db";
import { readCipher } from "../../crypto/incident-keys";
import type { ServiceContext } from "../context";
import { auditIncident, lockIncident } from "./common";
import { KNOWN_CHECKLIST_ITEMS, itemsToTick, type KnownFacts } from "@/domain/incident/known-checklist";
import type { ChecklistItem } from "@/generated/prisma/client";

/** What Warden knows about the incident that checklist items restate, read inside `tx`. */
export async function readKnownFacts(tx: Tx, incident: { id: string; awareAt: Date | null }): Promise<KnownFacts> {
  const [review, actionItems] = await Promise.all([
    tx.postMortem.findUnique({ where: { incidentId: incident.id }, select: { completedAt: true, lessons: true } }),
    tx.actionItem.findMany({ where: { incidentId: incident.id }, select: { ownerId: true } }),
  ]);
  return {
    awareAt: incident.awareAt,
    review: review
      ? {
          completed: review.completedAt !== null,
          lessons: review.lessons && (await readCipher(tx, incident.id)).open("postmortem.section", review.lessons),
        }
      : null,
    actionItems: actionItems.map((a) => ({ assigned: a.ownerId !== null })),
  };
}

/**
 * Ticks the open checklist items the facts show are done, in the caller's transaction, each
 * with an audit entry saying Warden ticked it and why (the actor is the person whose change
 * made it true). Returns how many were ticked; the caller bumps the incident's version if its
 * own write does not (a tick changes what the next transition needs).
 */
export async function tickKnownChecklist(
  tx: Tx,
  ctx: ServiceContext,
  incident: { id: string; organizationId: string; phase: string; awareAt: Date | null },
  checklist?: ChecklistRow[],
): Promise<number> {
  // a closed incident's checklist is frozen (action items still move along after closing)
  if (incident.phase === "CLOSED") return 0;
  const items = checklist ?? (await readChecklist(tx, incident.id));
  const open = items.filter((c) => c.doneAt === null);
  // the facts are read only when an open item is one of those they can tick
  if (!open.some((c) => c.key in KNOWN_CHECKLIST_ITEMS)) return 0;
  const due = itemsToTick(
    open.map((c) => ({ ...c, done: false })),
    await readKnownFacts(tx, incident),
  );
  // the incident's row first, as every checklist change takes it (one lock order: no deadlock)
  if (due.length) await lockIncident(tx, incident.id);
  for (const { item, because } of due) {
    await tx.checklistItem.update({ where: { id: item.id }, data: { doneAt: ctx.now, doneById: ctx.viewer.userId } });
    // the caller's copy of the checklist says so too
    const row = items.find((c) => c.id === item.id);
    if (row) row.doneAt = ctx.now;
    await auditIncident(
      tx,
      ctx,
      incident,
      "checklist.auto_check",
      { item: item.label, phase: item.phase, because: `Ticked by Warden: ${because}` },
      { type: "ChecklistItem", id: item.id },
    );
  }
  return due.length;
}

export type ChecklistRow = Pick<ChecklistItem, "id" | "phase" | "key" | "label" | "required" | "position" | "doneAt">;

/** The incident's checklist in its order (one raw read: every transition makes it). */
export function readChecklist(tx: Tx, incidentId: string): Promise<ChecklistRow[]> {
  return tx.$queryRaw<ChecklistRow[]>`
    SELECT id::text, phase::text, key, label, required, position, "doneAt"
    FROM "ChecklistItem" WHERE "incidentId" = ${incidentId}::uuid ORDER BY position`;
}
