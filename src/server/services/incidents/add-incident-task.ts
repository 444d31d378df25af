import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { assertAssignable, auditIncident, loadIncident } from "./common";
import { can } from "@/domain/access/can";

export async function addIncidentTask(
  ctx: ServiceContext,
  input: { incidentId: string; title: string; ownerId: string | null; dueAt: Date | null },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      if (input.ownerId) await assertAssignable(tx, ctx, input.ownerId, incident.clientId, "ownerId");
      const task = await tx.incidentTask.create({
        data: {
          incidentId: incident.id,
          title: input.title,
          ownerId: input.ownerId,
          dueAt: input.dueAt,
          createdById: ctx.viewer.userId,
          createdAt: ctx.now,
        },
      });
      await auditIncident(
        tx,
        ctx,
        incident,
        "task.create",
        { title: input.title, ownerId: input.ownerId, dueAt: input.dueAt?.toISOString() ?? null },
        { type: "IncidentTask", id: task.id },
      );
      return { id: task.id };
    }),
  );
}

export async function toggleIncidentTask(
  ctx: ServiceContext,
  input: { incidentId: string; taskId: string; done: boolean },
): Promise<Result<{ done: boolean }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      const task = await tx.incidentTask.findFirst({ where: { id: input.taskId, incidentId: incident.id } });
      if (!task) fail("NOT_FOUND", "No such task.");
      if ((task.doneAt !== null) === input.done) return { done: input.done };
      await tx.incidentTask.update({ where: { id: task.id }, data: { doneAt: input.done ? ctx.now : null } });
      await auditIncident(
        tx,
        ctx,
        incident,
        input.done ? "task.complete" : "task.reopen",
        { title: task.title },
        { type: "IncidentTask", id: task.id },
      );
      return { done: input.done };
    }),
  );
}
