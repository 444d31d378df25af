import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, loadIncident } from "./common";
import { can } from "@/domain/access/can";

export async function addAffectedAsset(ctx: ServiceContext, input: { incidentId: string; name: string; kind?: string }): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "incident:update", incident)) fail("REFUSED", "You may not change this incident.");
      const existing = await tx.affectedAsset.findFirst({ where: { incidentId: incident.id, name: { equals: input.name, mode: "insensitive" } } });
      if (existing) fail("VALIDATION_FAILED", "Check the highlighted field.", { fieldErrors: { name: ["This system is already listed."] } });
      const asset = await tx.affectedAsset.create({ data: { incidentId: incident.id, name: input.name, kind: input.kind ?? null, createdAt: ctx.now } });
      await auditIncident(tx, ctx, incident, "asset.create", { name: input.name, kind: input.kind ?? null }, { type: "AffectedAsset", id: asset.id });
      return { id: asset.id };
    }),
  );
}
