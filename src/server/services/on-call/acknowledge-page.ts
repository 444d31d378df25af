import "server-only";
import { db } from "../../db";
import { auditIncident } from "../incidents/common";
import { incidentWhere } from "../../data/scope";
import { attempt, fail, NOT_FOUND_MESSAGE, type Result } from "../result";
import type { ServiceContext } from "../context";
import { can } from "@/domain/access/can";
import type { IncidentIdInput } from "@/lib/validation/on-call";

/**
 * Stops a page's escalation: whoever was paged for the incident acknowledges it, or a manager
 * does on their behalf. Once only: a page acknowledged meanwhile (or escalated past everyone)
 * is said so, and nothing is written twice.
 */
export async function acknowledgePage(ctx: ServiceContext, input: IncidentIdInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const { viewer, now } = ctx;
      const incident = await tx.incident.findFirst({
        where: incidentWhere(viewer, { id: input.incidentId }),
        select: { id: true, organizationId: true, clientId: true, reference: true, version: true },
      });
      if (!incident) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
      const page = await tx.onCallPage.findUnique({ where: { incidentId: incident.id } });
      if (!page) fail("REFUSED", "Nobody was paged for this incident.");
      if (page.status === "ACKNOWLEDGED") fail("CONFLICT", "This page was acknowledged already.");
      if (!page.pagedUserIds.includes(viewer.userId) && !can(viewer, "incident:assign", incident))
        fail("REFUSED", "You were not paged for this incident; a manager or the person paged acknowledges it.");
      const done = await tx.onCallPage.updateMany({
        where: { id: page.id, status: { not: "ACKNOWLEDGED" } },
        data: { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedById: viewer.userId, escalateAt: null },
      });
      if (done.count !== 1) fail("CONFLICT", "This page was acknowledged already.");
      await auditIncident(tx, ctx, incident, "oncall.acknowledge", {
        pageId: page.id,
        level: page.level,
        minutesAfterPage: Math.round((now.getTime() - page.pagedAt.getTime()) / 60_000),
      });
      return { id: page.id };
    }),
  );
}
