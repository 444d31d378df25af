import "server-only";
import { db } from "../../db";
import { writeCipher } from "../../crypto/incident-keys";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident } from "./common";
import { can } from "@/domain/access/can";

export async function addAffectedAsset(
  ctx: ServiceContext,
  input: { incidentId: string; name: string; kind?: string },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      // Names are sealed: the same name (ignoring case) is found by its keyed digest.
      const cipher = await writeCipher(tx, incident);
      const nameDigest = cipher.digest("asset.name", input.name.toLocaleLowerCase("und"));
      const existing = await tx.affectedAsset.findFirst({
        where: { incidentId: incident.id, nameDigest },
        select: { id: true },
      });
      if (existing)
        fail("VALIDATION_FAILED", "Check the highlighted field.", {
          fieldErrors: { name: ["This system is already listed."] },
        });
      const asset = await tx.affectedAsset.create({
        data: {
          incidentId: incident.id,
          name: cipher.seal("asset.name", input.name),
          nameDigest,
          kind: input.kind ?? null,
          createdAt: ctx.now,
        },
      });
      await auditIncident(
        tx,
        ctx,
        incident,
        "asset.create",
        { name: input.name, kind: input.kind ?? null },
        { type: "AffectedAsset", id: asset.id },
      );
      return { id: asset.id };
    }),
  );
}
