import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident, lockIncident, touchIncident } from "./common";
import { can } from "@/domain/access/can";
import { untickRefusal } from "@/domain/incident/known-checklist";
import { readKnownFacts } from "./tick-known-checklist";

/** Ticks or unticks a checklist item, holding the incident's row so a transition in flight sees the result or waits for it. */
export async function toggleChecklistItem(
  ctx: ServiceContext,
  input: { incidentId: string; itemId: string; done: boolean },
): Promise<Result<{ done: boolean }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockIncident(tx, input.incidentId);
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      if (incident.phase === "CLOSED") fail("REFUSED", "The checklist of a closed incident cannot change.");
      const item = await tx.checklistItem.findFirst({ where: { id: input.itemId, incidentId: incident.id } });
      if (!item) fail("NOT_FOUND", "No such checklist item.");
      if ((item.doneAt !== null) === input.done) return { done: input.done };
      if (!input.done) {
        const refusal = untickRefusal(item.key, await readKnownFacts(tx, incident));
        if (refusal) fail("REFUSED", refusal);
      }
      await tx.checklistItem.update({
        where: { id: item.id },
        data: input.done ? { doneAt: ctx.now, doneById: ctx.viewer.userId } : { doneAt: null, doneById: null },
      });
      await touchIncident(tx, ctx, incident.id);
      await auditIncident(
        tx,
        ctx,
        incident,
        input.done ? "checklist.check" : "checklist.uncheck",
        { item: item.label, phase: item.phase },
        { type: "ChecklistItem", id: item.id },
      );
      return { done: input.done };
    }),
  );
}
