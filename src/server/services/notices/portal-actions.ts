import "server-only";
import { db } from "../../db";
import { noticeWhere } from "../../data/scope";
import { lockAuditChain } from "../../audit-lock";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { writeCipher } from "../../crypto/incident-keys";
import { incidentHolders } from "../incidents/incident-holders";
import { can } from "@/domain/access/can";

/** A sent notice of one of the viewer's clients; anything else is "not found". */
async function loadSentNotice(ctx: ServiceContext, noticeId: string) {
  const notice = await db().notice.findFirst({
    where: noticeWhere(ctx.viewer, { id: noticeId, status: "SENT" }),
    include: { incident: true, obligation: true },
  });
  if (!notice) fail("NOT_FOUND", "No such notice.");
  return notice;
}

/** A client contact confirms receipt: timestamped, audited, visible to staff. */
export async function acknowledgeNotice(
  ctx: ServiceContext,
  input: { noticeId: string },
): Promise<Result<{ at: Date }>> {
  return attempt(async () => {
    if (!can(ctx.viewer, "portal:acknowledge")) fail("NOT_FOUND", "No such notice.");
    const notice = await loadSentNotice(ctx, input.noticeId);
    return db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const existing = await tx.acknowledgement.findUnique({
        where: { noticeId_userId: { noticeId: notice.id, userId: ctx.viewer.userId } },
      });
      if (existing) return { at: existing.at };
      await tx.acknowledgement.create({ data: { noticeId: notice.id, userId: ctx.viewer.userId, at: ctx.now } });
      await tx.noticeRead.upsert({
        where: { noticeId_userId: { noticeId: notice.id, userId: ctx.viewer.userId } },
        create: { noticeId: notice.id, userId: ctx.viewer.userId, readAt: ctx.now },
        update: {},
      });
      if (notice.obligation.status === "SENT")
        await tx.obligation.update({ where: { id: notice.obligationId }, data: { status: "ACKNOWLEDGED" } });
      await auditIncident(
        tx,
        ctx,
        notice.incident,
        "notice.acknowledge",
        { noticeId: notice.id },
        { type: "Notice", id: notice.id },
      );
      return { at: ctx.now };
    });
  });
}

/**
 * A client contact has opened a sent notice: posted by the notice page once it is shown (a GET
 * never writes), so staff see "read" and the portal stops saying "Unread". The first read is
 * audited; opening it again changes nothing. Staff looking at the portal leave no read behind.
 */
export async function markNoticeRead(
  ctx: ServiceContext,
  input: { noticeId: string },
): Promise<Result<{ readAt: Date | null }>> {
  return attempt(async () => {
    if (!can(ctx.viewer, "portal:view")) fail("NOT_FOUND", "No such notice.");
    const notice = await loadSentNotice(ctx, input.noticeId);
    if (ctx.viewer.role !== "CLIENT_CONTACT") return { readAt: null };
    return db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const key = { noticeId_userId: { noticeId: notice.id, userId: ctx.viewer.userId } };
      const existing = await tx.noticeRead.findUnique({ where: key });
      if (existing) return { readAt: existing.readAt };
      await tx.noticeRead.create({ data: { noticeId: notice.id, userId: ctx.viewer.userId, readAt: ctx.now } });
      await auditIncident(
        tx,
        ctx,
        notice.incident,
        "notice.read",
        { noticeId: notice.id },
        { type: "Notice", id: notice.id },
      );
      return { readAt: ctx.now };
    });
  });
}

/** A question from a client contact, or a staff answer, on a sent notice's thread. */
export async function postNoticeMessage(
  ctx: ServiceContext,
  input: { noticeId: string; body: string },
): Promise<Result<{ id: string }>> {
  return attempt(async () => {
    const asking = ctx.viewer.role === "CLIENT_CONTACT";
    if (!can(ctx.viewer, asking ? "portal:ask" : "notice:draft")) fail("NOT_FOUND", "No such notice.");
    const notice = await loadSentNotice(ctx, input.noticeId);
    return db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const body = (await writeCipher(tx, notice.incident)).seal("notice.message", input.body);
      const message = await tx.noticeMessage.create({
        data: { noticeId: notice.id, authorId: ctx.viewer.userId, body, createdAt: ctx.now },
      });
      if (asking) {
        // The owner (or reporter) hears of it in the app while they still hold the client;
        // otherwise the analysts assigned to it now.
        const people = await incidentHolders(tx, notice.incident);
        const message = `${ctx.viewer.name} asked a question on ${notice.incident.reference}`;
        await tx.staffNotification.createMany({
          data: people.map((p) => ({
            userId: p.id,
            incidentId: notice.incidentId,
            kind: "client_question",
            message,
            createdAt: ctx.now,
          })),
        });
      }
      await auditIncident(
        tx,
        ctx,
        notice.incident,
        asking ? "notice.question" : "notice.answer",
        { noticeId: notice.id, length: input.body.length },
        { type: "Notice", id: notice.id },
      );
      return { id: message.id };
    });
  });
}
