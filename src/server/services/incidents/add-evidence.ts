import "server-only";
import { db } from "../../db";
import { writeCipher } from "../../crypto/incident-keys";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident } from "./common";
import { can } from "@/domain/access/can";
import { parseDateTimeInput } from "@/lib/datetime";

/** Registers an evidence item; its custody log starts with the collection. */
export async function addEvidence(
  ctx: ServiceContext,
  input: {
    incidentId: string;
    description: string;
    location: string;
    sha256: string;
    collectedAt: string;
    timeZone: string;
  },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      const collectedAt = parseDateTimeInput(input.collectedAt, input.timeZone);
      if (!collectedAt)
        fail("VALIDATION_FAILED", "Check the highlighted field.", {
          fieldErrors: { collectedAt: ["Enter a date and time like 2026-03-29 14:30."] },
        });
      if (collectedAt.getTime() > ctx.now.getTime() + 5 * 60_000)
        fail("VALIDATION_FAILED", "Check the highlighted field.", {
          fieldErrors: { collectedAt: ["This is in the future."] },
        });
      const cipher = await writeCipher(tx, incident);
      const evidence = await tx.evidence.create({
        data: {
          incidentId: incident.id,
          description: cipher.seal("evidence.description", input.description),
          location: input.location,
          sha256: input.sha256,
          collectedById: ctx.viewer.userId,
          collectedAt,
          createdAt: ctx.now,
          custody: { create: { action: "COLLECTED", actorId: ctx.viewer.userId, at: collectedAt } },
        },
      });
      await auditIncident(
        tx,
        ctx,
        incident,
        "evidence.create",
        {
          description: input.description,
          location: input.location,
          sha256: input.sha256,
          collectedAt: collectedAt.toISOString(),
        },
        { type: "Evidence", id: evidence.id },
      );
      return { id: evidence.id };
    }),
  );
}

export async function addCustodyEntry(
  ctx: ServiceContext,
  input: {
    incidentId: string;
    evidenceId: string;
    action: "TRANSFERRED" | "ACCESSED" | "RETURNED" | "DISPOSED";
    note?: string;
  },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      const evidence = await tx.evidence.findFirst({
        where: { id: input.evidenceId, incidentId: incident.id },
        include: { custody: { orderBy: { at: "desc" }, take: 1 } },
      });
      if (!evidence) fail("NOT_FOUND", "No such evidence item.");
      if (evidence.custody[0]?.action === "DISPOSED")
        fail("REFUSED", "This item was disposed of; its custody log is closed.");
      const note = input.note ? (await writeCipher(tx, incident)).seal("custody.note", input.note) : null;
      const entry = await tx.custodyEntry.create({
        data: { evidenceId: evidence.id, action: input.action, actorId: ctx.viewer.userId, at: ctx.now, note },
      });
      await auditIncident(
        tx,
        ctx,
        incident,
        "evidence.custody",
        { evidenceId: evidence.id, action: input.action, note: input.note ?? null },
        { type: "Evidence", id: evidence.id },
      );
      return { id: entry.id };
    }),
  );
}
