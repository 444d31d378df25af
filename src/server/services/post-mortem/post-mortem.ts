import "server-only";
import { db, type Tx } from "../../db";
import { writeCipher } from "../../crypto/incident-keys";
import { openSections, sealSections } from "../../crypto/sealed-review";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { assertAssignable, auditIncident, diff, loadIncident, touchIncident } from "../incidents/common";
import { tickKnownChecklist } from "../incidents/tick-known-checklist";
import { can } from "@/domain/access/can";
import { missingSections, REVIEW_SECTIONS, type ReviewSection } from "@/domain/incident/post-mortem";

type Sections = Record<ReviewSection, string>;

/** Review-held, lessons-recorded and actions-assigned tick themselves as the review gets there. */
async function tickKnown(tx: Tx, ctx: ServiceContext, incident: Parameters<typeof tickKnownChecklist>[2]) {
  if (await tickKnownChecklist(tx, ctx, incident)) await touchIncident(tx, ctx, incident.id);
}

function assertReviewPhase(phase: string) {
  if (phase !== "POST_MORTEM") fail("REFUSED", "The review is written in the Post-mortem phase.");
}

/** Saves the review's sections. Changing a completed review reopens it (it must be completed again). */
export async function saveReview(
  ctx: ServiceContext,
  input: { incidentId: string; version: number } & Sections,
): Promise<Result<{ version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "postmortem:run", incident)) fail("REFUSED", "You may not write this review.");
      assertReviewPhase(incident.phase);
      const sections = Object.fromEntries(REVIEW_SECTIONS.map((s) => [s.key, input[s.key]])) as Sections;
      const cipher = await writeCipher(tx, incident);
      const stored = await tx.postMortem.findUnique({ where: { incidentId: incident.id } });
      if (!stored) {
        if (input.version !== 0) fail("CONFLICT", "Someone else started this review — reload to see it.");
        await tx.postMortem.create({ data: { incidentId: incident.id, ...sealSections(cipher, sections) } });
        await auditIncident(tx, ctx, incident, "postmortem.create", {
          sections: Object.keys(sections).filter((k) => sections[k as ReviewSection]),
        });
        await tickKnown(tx, ctx, incident);
        return { version: 1 };
      }
      const current = openSections(cipher, stored);
      const changes = diff(current as unknown as Record<string, unknown>, sections);
      if (!Object.keys(changes).length) return { version: current.version };
      const { count } = await tx.postMortem.updateMany({
        where: { incidentId: incident.id, version: input.version },
        data: { ...sealSections(cipher, sections), completedAt: null, completedById: null, version: { increment: 1 } },
      });
      if (count !== 1)
        fail("CONFLICT", "Someone else changed this review — reload to see their version, then try again.");
      await auditIncident(tx, ctx, incident, "postmortem.update", {
        changed: Object.keys(changes),
        reopened: current.completedAt !== null,
      });
      await tickKnown(tx, ctx, incident);
      return { version: input.version + 1 };
    }),
  );
}

/** Marks the review complete once every section has content; freezes a timeline excerpt. */
export async function completeReview(
  ctx: ServiceContext,
  input: { incidentId: string; version: number },
): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "postmortem:run", incident)) fail("REFUSED", "You may not complete this review.");
      assertReviewPhase(incident.phase);
      const stored = await tx.postMortem.findUnique({ where: { incidentId: incident.id } });
      if (!stored) fail("REFUSED", "Write the review first.");
      const pm = openSections(await writeCipher(tx, incident), stored);
      if (pm.completedAt) return null;
      const missing = missingSections(pm);
      if (missing.length)
        fail("REFUSED", "Every section of the review needs content.", { reasons: missing.map((m) => `Empty: ${m}`) });
      const events = await tx.phaseEvent.findMany({
        where: { incidentId: incident.id },
        orderBy: { at: "asc" },
        include: { actor: { select: { name: true } } },
      });
      const excerpt = events.map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
        from: e.fromPhase,
        to: e.toPhase,
        by: e.actor.name,
        reason: e.reason,
      }));
      const { count } = await tx.postMortem.updateMany({
        where: { incidentId: incident.id, version: input.version },
        data: {
          completedAt: ctx.now,
          completedById: ctx.viewer.userId,
          timelineExcerpt: excerpt,
          version: { increment: 1 },
        },
      });
      if (count !== 1)
        fail("CONFLICT", "Someone else changed this review — reload to see their version, then try again.");
      await auditIncident(tx, ctx, incident, "postmortem.complete", { events: excerpt.length });
      await tickKnown(tx, ctx, incident);
      return null;
    }),
  );
}

export async function addActionItem(
  ctx: ServiceContext,
  input: { incidentId: string; title: string; ownerId: string | null; dueAt: Date | null },
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "postmortem:run", incident)) fail("REFUSED", "You may not add action items.");
      if (!["POST_MORTEM", "CLOSED"].includes(incident.phase))
        fail("REFUSED", "Action items come out of the post-incident review.");
      if (input.ownerId) await assertAssignable(tx, ctx, input.ownerId, incident.clientId, "ownerId");
      const item = await tx.actionItem.create({
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
        "action_item.create",
        { title: input.title, ownerId: input.ownerId, dueAt: input.dueAt?.toISOString() ?? null },
        { type: "ActionItem", id: item.id },
      );
      await tickKnown(tx, ctx, incident);
      return { id: item.id };
    }),
  );
}

/** Assign, re-date or move an action item along (open → in progress → done), also after closing. */
export async function updateActionItem(
  ctx: ServiceContext,
  input: { incidentId: string; actionItemId: string; ownerId: string | null; status: "OPEN" | "IN_PROGRESS" | "DONE" },
): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const incident = await loadIncident(tx, ctx, input.incidentId);
      if (!can(ctx.viewer, "postmortem:run", incident)) fail("REFUSED", "You may not change action items.");
      const item = await tx.actionItem.findFirst({ where: { id: input.actionItemId, incidentId: incident.id } });
      if (!item) fail("NOT_FOUND", "No such action item.");
      if (input.ownerId) await assertAssignable(tx, ctx, input.ownerId, incident.clientId, "ownerId");
      const after = {
        ownerId: input.ownerId,
        status: input.status,
        doneAt: input.status === "DONE" ? (item.doneAt ?? ctx.now) : null,
      };
      const changes = diff(item as unknown as Record<string, unknown>, after);
      if (!Object.keys(changes).length) return null;
      await tx.actionItem.update({ where: { id: item.id }, data: after });
      await auditIncident(
        tx,
        ctx,
        incident,
        "action_item.update",
        { title: item.title, ...changes },
        { type: "ActionItem", id: item.id },
      );
      await tickKnown(tx, ctx, incident);
      return null;
    }),
  );
}
