import "server-only";
import { db } from "../../db";
import { writeCipher } from "../../crypto/incident-keys";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident } from "./common";
import { can } from "@/domain/access/can";

/** Internal notes are append-only: a correction is a new note. */
export async function addIncidentNote(
  ctx: ServiceContext,
  input: { incidentId: string; body: string },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      const cipher = await writeCipher(tx, incident);
      const note = await tx.incidentNote.create({
        data: {
          incidentId: incident.id,
          body: cipher.seal("note.body", input.body),
          authorId: ctx.viewer.userId,
          createdAt: ctx.now,
        },
      });
      // The audit entry records that a note was added and its length, not its (internal) text.
      await auditIncident(
        tx,
        ctx,
        incident,
        "note.create",
        { length: input.body.length },
        { type: "IncidentNote", id: note.id },
      );
      return { id: note.id };
    }),
  );
}
