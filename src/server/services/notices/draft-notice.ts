import "server-only";
import { db } from "../../db";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadObligation } from "../obligations/load-obligation";
import { loadNotice } from "./load-notice";
import { can } from "@/domain/access/can";
import { ruleById } from "@/domain/deadlines/rules";
import { prefillNotice, type NoticeField } from "@/domain/notices/notice-content";
import { formatInstant } from "@/lib/datetime";
import type { DataCategory } from "@/domain/incident/types";

/** Starts a notice for an obligation, prefilled with the fields its rule requires. */
export async function draftNotice(ctx: ServiceContext, input: { obligationId: string }): Promise<Result<{ id: string; incidentId: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const o = await loadObligation(tx, ctx, input.obligationId);
      if (!can(ctx.viewer, "notice:draft", o.incident)) fail("REFUSED", "You may not draft notices.");
      if (!o.active) fail("REFUSED", "This obligation no longer applies.");
      const open = await tx.notice.findFirst({ where: { obligationId: o.id, status: { not: "SENT" } } });
      if (open) return { id: open.id, incidentId: o.incidentId };
      const rule = ruleById(o.ruleId);
      const i = o.incident;
      const [owner, measures] = await Promise.all([
        i.ownerId ? tx.user.findUnique({ where: { id: i.ownerId }, select: { name: true, email: true } }) : null,
        tx.checklistItem.findMany({ where: { incidentId: i.id, doneAt: { not: null }, phase: { in: ["CONTAIN", "RESOLVE"] } }, orderBy: { position: "asc" }, select: { label: true } }),
      ]);
      const when = (d: Date | null) => (d ? formatInstant(d, "UTC") : null);
      const content = prefillNotice(o.citation, i.title, rule?.content ?? [{ key: "summary", label: "Summary" }], {
        reference: i.reference,
        title: i.title,
        summary: i.summary,
        type: i.type,
        occurredAt: when(i.occurredAt),
        detectedAt: when(i.detectedAt)!,
        awareAt: when(i.awareAt)!,
        dataCategories: i.dataCategories as DataCategory[],
        dataSubjectsCount: i.dataSubjectsCount,
        recordsCount: i.recordsCount,
        jurisdictions: i.jurisdictions,
        dataEncrypted: i.dataEncrypted,
        measuresDone: measures.map((m) => m.label),
        contact: owner ? `${owner.name}, incident owner (${owner.email})` : "Our incident response team",
      });
      const notice = await tx.notice.create({
        data: { obligationId: o.id, incidentId: i.id, clientId: i.clientId, subject: content.subject, fields: content.fields, draftedById: ctx.viewer.userId, createdAt: ctx.now },
      });
      if (o.status === "PENDING" || o.status === "NOT_REQUIRED") await tx.obligation.update({ where: { id: o.id }, data: { status: "DRAFT" } });
      await auditIncident(tx, ctx, i, "notice.draft", { obligationId: o.id, ruleId: o.ruleId }, { type: "Notice", id: notice.id });
      return { id: notice.id, incidentId: i.id };
    }),
  );
}

/** Edits a draft. Anything past the draft stage is frozen. */
export async function updateNoticeDraft(ctx: ServiceContext, input: { noticeId: string; version: number; subject: string; values: Record<string, string> }): Promise<Result<{ version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:draft", n.incident)) fail("REFUSED", "You may not edit notices.");
      if (n.status !== "DRAFT") fail("REFUSED", n.status === "SENT" || n.status === "APPROVED" ? "This notice is approved and frozen; it cannot be edited." : "This notice is awaiting approval; ask the manager to return it before editing.");
      const fields = (n.fields as NoticeField[]).map((f) => ({ ...f, value: input.values[f.key] ?? f.value }));
      const { count } = await tx.notice.updateMany({ where: { id: n.id, version: input.version }, data: { subject: input.subject, fields, version: { increment: 1 } } });
      if (count !== 1) fail("CONFLICT", "Someone else changed this draft — reload to see their version.");
      await auditIncident(tx, ctx, n.incident, "notice.edit", { noticeId: n.id, fields: fields.filter((f, k) => f.value !== (n.fields as NoticeField[])[k]?.value).map((f) => f.key) }, { type: "Notice", id: n.id });
      return { version: input.version + 1 };
    }),
  );
}
