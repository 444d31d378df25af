import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident, touchIncident, UUID } from "./common";
import type { ChecklistItem } from "@/generated/prisma/client";
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
      const incident = await loadIncident(tx, ctx, input.incidentId, { lock: true });
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      if (incident.phase === "CLOSED") fail("REFUSED", "The checklist of a closed incident cannot change.");
      // raw statements: a tick is among the busiest writes, and the ORM's work per statement cost more than it
      const [item] = UUID.test(input.itemId)
        ? await tx.$queryRaw<Pick<ChecklistItem, "id" | "key" | "label" | "phase" | "doneAt">[]>`
            SELECT id::text, key, label, phase::text, "doneAt" FROM "ChecklistItem" WHERE id = ${input.itemId}::uuid AND "incidentId" = ${incident.id}::uuid`
        : [];
      if (!item) fail("NOT_FOUND", "No such checklist item.");
      if ((item.doneAt !== null) === input.done) return { done: input.done };
      if (!input.done) {
        const refusal = untickRefusal(item.key, await readKnownFacts(tx, incident));
        if (refusal) fail("REFUSED", refusal);
      }
      const [doneAt, doneById] = input.done ? [ctx.now.toISOString(), ctx.viewer.userId] : [null, null];
      await tx.$executeRaw`
        UPDATE "ChecklistItem" SET "doneAt" = ${doneAt}::timestamptz AT TIME ZONE 'UTC', "doneById" = ${doneById}::uuid WHERE id = ${item.id}::uuid`;
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
