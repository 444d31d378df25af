import "server-only";
import { db, type Tx } from "../../db";
import { lockAuditChain } from "../../audit-lock";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { loadObligation } from "../obligations/load-obligation";
import { loadNotice } from "./load-notice";
import { writeCipher } from "../../crypto/incident-keys";
import { sealNoticeFields } from "../../crypto/sealed-notice";
import { can } from "@/domain/access/can";
import { ruleById } from "@/domain/deadlines/rules";
import { prefillNotice, type NoticeField } from "@/domain/notices/notice-content";
import type { DataCategory } from "@/domain/incident/types";

/** Starts a notice for an obligation, prefilled with the fields its rule requires. */
export async function draftNotice(
  ctx: ServiceContext,
  input: { obligationId: string },
): Promise<Result<{ id: string; incidentId: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const o = await loadObligation(tx, ctx, input.obligationId);
      if (!can(ctx.viewer, "notice:draft", o.incident)) fail("REFUSED", "You may not draft notices.");
      if (!o.active) fail("REFUSED", "This obligation no longer applies.");
      const open = await tx.notice.findFirst({ where: { obligationId: o.id, status: { not: "SENT" } } });
      if (open) return { id: open.id, incidentId: o.incidentId };
      const i = o.incident;
      const cipher = await writeCipher(tx, i);
      const [owner, measures, client] = await Promise.all([
        i.ownerId ? tx.user.findUnique({ where: { id: i.ownerId }, select: { name: true, email: true } }) : null,
        tx.checklistItem.findMany({
          where: { incidentId: i.id, doneAt: { not: null }, phase: { in: ["CONTAIN", "RESOLVE"] } },
          orderBy: { position: "asc" },
          select: { label: true },
        }),
        tx.client.findUniqueOrThrow({ where: { id: i.clientId }, select: { timeZone: true } }),
      ]);
      // the version of the rule in force when the BPO became aware decides what the notice must say
      const rule = ruleById(o.ruleId, i.awareAt, client.timeZone) ?? ruleById(o.ruleId);
      const content = prefillNotice(o.citation, rule?.content ?? [{ key: "summary", label: "Summary" }], {
        reference: i.reference,
        title: i.title,
        clientSummary: cipher.open("incident.clientSummary", i.clientSummary),
        type: i.type,
        occurredAt: i.occurredAt,
        detectedAt: i.detectedAt,
        awareAt: i.awareAt,
        // Every notice goes to the client: its times are in the client's zone, UTC beside.
        zone: client.timeZone,
        dataCategories: i.dataCategories as DataCategory[],
        dataSubjectsCount: i.dataSubjectsCount,
        recordsCount: i.recordsCount,
        jurisdictions: i.jurisdictions,
        subjectsByJurisdiction: (i.subjectsByJurisdiction as Record<string, number> | null) ?? null,
        dataEncrypted: i.dataEncrypted,
        measuresDone: measures.map((m) => m.label),
        contact: owner ? `${owner.name}, incident owner (${owner.email})` : "Our incident response team",
      });
      const notice = await tx.notice.create({
        data: {
          obligationId: o.id,
          incidentId: i.id,
          clientId: i.clientId,
          subject: content.subject,
          fields: sealNoticeFields(cipher, content.fields),
          draftedById: ctx.viewer.userId,
          createdAt: ctx.now,
        },
      });
      if (o.status === "PENDING" || o.status === "NOT_REQUIRED")
        await tx.obligation.update({ where: { id: o.id }, data: { status: "DRAFT" } });
      await auditIncident(
        tx,
        ctx,
        i,
        "notice.draft",
        { obligationId: o.id, ruleId: o.ruleId },
        { type: "Notice", id: notice.id },
      );
      return { id: notice.id, incidentId: i.id };
    }),
  );
}

export type DraftInput = { noticeId: string; version: number; subject: string; values: Record<string, string> };
type LoadedNotice = Awaited<ReturnType<typeof loadNotice>>;

/**
 * Writes what is in the editor onto a draft (optimistic lock on the version the editor showed).
 * Returns the fields as saved. Shared by "Save draft" and "Submit for approval", so a submit
 * never sends for approval anything other than what the drafter sees.
 */
export async function saveDraftIn(
  tx: Tx,
  ctx: ServiceContext,
  n: LoadedNotice,
  input: DraftInput,
): Promise<NoticeField[]> {
  if (n.status !== "DRAFT") {
    fail(
      "REFUSED",
      n.status === "SENT" || n.status === "APPROVED"
        ? "This notice is approved and frozen; it cannot be edited."
        : "This notice is awaiting approval; withdraw it (or ask the manager to return it) before editing.",
    );
  }
  const before = n.fields;
  const fields = before.map((f) => ({ ...f, value: input.values[f.key] ?? f.value }));
  const changed = fields.filter((f, k) => f.value !== before[k]?.value).map((f) => f.key);
  if (input.subject !== n.subject) changed.unshift("subject");
  const { count } = await tx.notice.updateMany({
    where: { id: n.id, version: input.version },
    data: {
      subject: input.subject,
      fields: sealNoticeFields(await writeCipher(tx, n.incident), fields),
      version: { increment: 1 },
    },
  });
  if (count !== 1)
    fail(
      "CONFLICT",
      "Someone else changed this draft since you opened it: nothing was saved. Copy your text, reload, and apply it to their version.",
    );
  if (changed.length)
    await auditIncident(
      tx,
      ctx,
      n.incident,
      "notice.edit",
      { noticeId: n.id, fields: changed },
      { type: "Notice", id: n.id },
    );
  return fields;
}

/** Edits a draft. Anything past the draft stage is frozen. */
export async function updateNoticeDraft(ctx: ServiceContext, input: DraftInput): Promise<Result<{ version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:draft", n.incident)) fail("REFUSED", "You may not edit notices.");
      await saveDraftIn(tx, ctx, n, input);
      return { version: input.version + 1 };
    }),
  );
}
