import "server-only";
import { db, type Tx } from "../../db";
import { lockAuditChain } from "../../audit-lock";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadNotice } from "./load-notice";
import { saveDraftIn, type DraftInput } from "./draft-notice";
import { can } from "@/domain/access/can";
import { ROLE_PERMISSIONS, ROLES } from "@/domain/access/permissions";
import { noticeHash } from "@/domain/notices/notice-content";
import { formatInstant } from "@/lib/datetime";

type LoadedNotice = Awaited<ReturnType<typeof loadNotice>>;

const APPROVER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("notice:approve"));

/** Tells everyone who may approve (but the drafter) that a notice waits for them. */
async function notifyApprovers(tx: Tx, ctx: ServiceContext, n: LoadedNotice): Promise<number> {
  const [approvers, client] = await Promise.all([
    tx.user.findMany({
      where: {
        organizationId: ctx.viewer.organizationId,
        active: true,
        role: { in: APPROVER_ROLES },
        id: { not: n.draftedById },
      },
      select: { id: true },
    }),
    tx.client.findUniqueOrThrow({ where: { id: n.clientId }, select: { name: true } }),
  ]);
  const due = n.obligation.dueAt ? `; due ${formatInstant(n.obligation.dueAt, ctx.viewer.timeZone)}` : "";
  const message = `Approval needed: ${n.incident.reference} notice to ${client.name} (${n.obligation.citation}) from ${ctx.viewer.name}${due}`;
  await tx.staffNotification.createMany({
    data: approvers.map((a) => ({
      userId: a.id,
      incidentId: n.incidentId,
      noticeId: n.id,
      kind: "approval_request",
      message: message.slice(0, 500),
      createdAt: ctx.now,
    })),
  });
  return approvers.length;
}

async function notifyDrafter(
  tx: Tx,
  ctx: ServiceContext,
  n: LoadedNotice,
  kind: "notice_approved" | "notice_returned",
  comment?: string,
) {
  const what =
    kind === "notice_approved"
      ? `approved by ${ctx.viewer.name}: ready to send`
      : `returned by ${ctx.viewer.name}${comment ? `: "${comment}"` : ""}`;
  await tx.staffNotification.create({
    data: {
      userId: n.draftedById,
      incidentId: n.incidentId,
      noticeId: n.id,
      kind,
      message: `${n.incident.reference} notice (${n.obligation.citation}) ${what}`.slice(0, 500),
      createdAt: ctx.now,
    },
  });
}

/**
 * The drafter asks for the four-eyes review. What is in the editor is saved first, in the same
 * transaction: nothing typed is lost, and what the manager approves is what the drafter saw.
 */
export async function submitNotice(ctx: ServiceContext, input: DraftInput): Promise<Result<{ approvers: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:draft", n.incident)) fail("REFUSED", "You may not submit notices.");
      if (n.status !== "DRAFT") fail("REFUSED", "Only a draft can be submitted for approval.");
      const fields = await saveDraftIn(tx, ctx, n, input);
      const empty = fields.filter((f) => !f.value.trim());
      if (empty.length) {
        // Refused before anything is written: the transaction rolls back the save as well, and
        // the editor keeps every character for the drafter to complete.
        const named = empty.map((f) => `“${f.label}”`).join(", ");
        fail(
          "REFUSED",
          `Not submitted, and nothing saved yet: write ${named} first. Everything you typed is still in the form.`,
          {
            fieldErrors: Object.fromEntries(empty.map((f) => [`field.${f.key}`, ["Write this before submitting."]])),
          },
        );
      }
      await tx.notice.update({
        where: { id: n.id },
        data: { status: "AWAITING_APPROVAL", submittedAt: ctx.now, version: { increment: 1 } },
      });
      await tx.obligation.update({ where: { id: n.obligationId }, data: { status: "AWAITING_APPROVAL" } });
      const approvers = await notifyApprovers(tx, ctx, n);
      await auditIncident(
        tx,
        ctx,
        n.incident,
        "notice.submit",
        { noticeId: n.id, approversNotified: approvers },
        { type: "Notice", id: n.id },
      );
      return { approvers };
    }),
  );
}

/** The drafter takes a submitted notice back to draft, as long as nobody has approved it. */
export async function withdrawNotice(ctx: ServiceContext, input: { noticeId: string }): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:draft", n.incident)) fail("REFUSED", "You may not withdraw notices.");
      if (n.draftedById !== ctx.viewer.userId)
        fail("REFUSED", "Only the person who drafted this notice can withdraw it; a manager can return it instead.");
      if (n.status !== "AWAITING_APPROVAL") {
        fail(
          "REFUSED",
          n.status === "DRAFT"
            ? "This notice is already a draft."
            : "This notice is approved and frozen; it can no longer be withdrawn.",
        );
      }
      const { count } = await tx.notice.updateMany({
        where: { id: n.id, status: "AWAITING_APPROVAL" },
        data: { status: "DRAFT", submittedAt: null, version: { increment: 1 } },
      });
      if (count !== 1) fail("CONFLICT", "A manager decided on this notice a moment ago: reload to see it.");
      await tx.obligation.update({ where: { id: n.obligationId }, data: { status: "DRAFT" } });
      await auditIncident(tx, ctx, n.incident, "notice.withdraw", { noticeId: n.id }, { type: "Notice", id: n.id });
      return null;
    }),
  );
}

/**
 * A manager approves (freezing the text by its hash) or returns the draft with a comment.
 * Nobody approves their own draft.
 */
export async function reviewNotice(
  ctx: ServiceContext,
  input: { noticeId: string; decision: "APPROVE" | "RETURN"; comment?: string },
): Promise<Result<{ contentHash: string | null }>> {
  const outcome = await attempt(() =>
    db().$transaction(async (tx): Promise<{ self: true } | { self: false; contentHash: string | null }> => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:approve", n.incident)) fail("REFUSED", "Only a manager may approve notices.");
      if (n.status !== "AWAITING_APPROVAL")
        fail(
          "REFUSED",
          n.status === "DRAFT"
            ? "The drafter withdrew this notice to edit it; it is a draft again."
            : "This notice is not awaiting approval.",
        );
      if (n.draftedById === ctx.viewer.userId) {
        // refused, but the attempt itself is recorded: this transaction commits only the audit entry
        await auditIncident(
          tx,
          ctx,
          n.incident,
          "notice.self_approval_refused",
          { noticeId: n.id },
          { type: "Notice", id: n.id },
        );
        return { self: true };
      }
      if (input.decision === "APPROVE") {
        // Four-eyes means the approver wrote none of it: not the drafter, nor anyone who edited the text.
        const edited = await tx.auditEvent.count({
          where: {
            organizationId: ctx.viewer.organizationId,
            entityType: "Notice",
            entityId: n.id,
            action: "notice.edit",
            actorId: ctx.viewer.userId,
          },
        });
        if (edited > 0)
          fail(
            "REFUSED",
            "You edited this notice's text: someone who did not write any of it must approve it (four-eyes).",
          );
      }
      if (input.decision === "RETURN") {
        await tx.notice.update({ where: { id: n.id }, data: { status: "DRAFT", version: { increment: 1 } } });
        await tx.obligation.update({ where: { id: n.obligationId }, data: { status: "DRAFT" } });
        await notifyDrafter(tx, ctx, n, "notice_returned", input.comment);
        await auditIncident(
          tx,
          ctx,
          n.incident,
          "notice.return",
          { noticeId: n.id, comment: input.comment ?? null },
          { type: "Notice", id: n.id },
        );
        return { self: false, contentHash: null };
      }
      const contentHash = noticeHash({ subject: n.subject, fields: n.fields });
      await tx.notice.update({
        where: { id: n.id },
        data: {
          status: "APPROVED",
          approvedById: ctx.viewer.userId,
          approvedAt: ctx.now,
          contentHash,
          version: { increment: 1 },
        },
      });
      await notifyDrafter(tx, ctx, n, "notice_approved");
      await auditIncident(
        tx,
        ctx,
        n.incident,
        "notice.approve",
        { noticeId: n.id, contentHash },
        { type: "Notice", id: n.id },
      );
      return { self: false, contentHash };
    }),
  );
  if (!outcome.ok) return outcome;
  if (outcome.value.self)
    return {
      ok: false,
      code: "REFUSED",
      message: "You drafted this notice: another manager must approve it (four-eyes).",
    };
  return { ok: true, value: { contentHash: outcome.value.contentHash } };
}
