import "server-only";
import { randomUUID } from "node:crypto";
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
      // raw: the busiest write there is, and the ORM's own work per statement cost more than it
      const note = { id: randomUUID() };
      await tx.$executeRaw`
        INSERT INTO "IncidentNote" (id, "incidentId", body, "authorId", "createdAt")
        VALUES (${note.id}::uuid, ${incident.id}::uuid, ${cipher.seal("note.body", input.body)}, ${ctx.viewer.userId}::uuid,
          ${ctx.now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
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
