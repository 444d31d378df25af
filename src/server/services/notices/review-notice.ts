import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadNotice } from "./load-notice";
import { can } from "@/domain/access/can";
import { noticeHash, type NoticeField } from "@/domain/notices/notice-content";

/** The drafter asks for the four-eyes review. */
export async function submitNotice(ctx: ServiceContext, input: { noticeId: string }): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:draft", n.incident)) fail("REFUSED", "You may not submit notices.");
      if (n.status !== "DRAFT") fail("REFUSED", "Only a draft can be submitted for approval.");
      const empty = (n.fields as NoticeField[]).filter((f) => !f.value.trim());
      if (empty.length) fail("REFUSED", "Fill in every required field first.", { reasons: empty.map((f) => `Empty: ${f.label}`) });
      await tx.notice.update({ where: { id: n.id }, data: { status: "AWAITING_APPROVAL", submittedAt: ctx.now, version: { increment: 1 } } });
      await tx.obligation.update({ where: { id: n.obligationId }, data: { status: "AWAITING_APPROVAL" } });
      await auditIncident(tx, ctx, n.incident, "notice.submit", { noticeId: n.id }, { type: "Notice", id: n.id });
      return null;
    }),
  );
}

/**
 * A manager approves (freezing the text by its hash) or returns the draft with a comment.
 * Nobody approves their own draft.
 */
export async function reviewNotice(ctx: ServiceContext, input: { noticeId: string; decision: "APPROVE" | "RETURN"; comment?: string }): Promise<Result<{ contentHash: string | null }>> {
  const outcome = await attempt(() =>
    db().$transaction(async (tx): Promise<{ self: true } | { self: false; contentHash: string | null }> => {
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:approve", n.incident)) fail("REFUSED", "Only a manager may approve notices.");
      if (n.status !== "AWAITING_APPROVAL") fail("REFUSED", "This notice is not awaiting approval.");
      if (n.draftedById === ctx.viewer.userId) {
        // refused, but the attempt itself is recorded: this transaction commits only the audit entry
        await auditIncident(tx, ctx, n.incident, "notice.self_approval_refused", { noticeId: n.id }, { type: "Notice", id: n.id });
        return { self: true };
      }
      if (input.decision === "RETURN") {
        await tx.notice.update({ where: { id: n.id }, data: { status: "DRAFT", version: { increment: 1 } } });
        await tx.obligation.update({ where: { id: n.obligationId }, data: { status: "DRAFT" } });
        await auditIncident(tx, ctx, n.incident, "notice.return", { noticeId: n.id, comment: input.comment ?? null }, { type: "Notice", id: n.id });
        return { self: false, contentHash: null };
      }
      const contentHash = noticeHash({ subject: n.subject, fields: n.fields as NoticeField[] });
      await tx.notice.update({ where: { id: n.id }, data: { status: "APPROVED", approvedById: ctx.viewer.userId, approvedAt: ctx.now, contentHash, version: { increment: 1 } } });
      await auditIncident(tx, ctx, n.incident, "notice.approve", { noticeId: n.id, contentHash }, { type: "Notice", id: n.id });
      return { self: false, contentHash };
    }),
  );
  if (!outcome.ok) return outcome;
  if (outcome.value.self) return { ok: false, code: "REFUSED", message: "You drafted this notice: another manager must approve it (four-eyes)." };
  return { ok: true, value: { contentHash: outcome.value.contentHash } };
}
