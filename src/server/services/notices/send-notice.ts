import "server-only";
import { db } from "../../db";
import { lockAuditChain } from "../../audit-lock";
import { sendMail } from "../../mailer";
import { attempt, fail, type Result } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident } from "../incidents/common";
import { syncObligations } from "../obligations/sync-obligations";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { loadNotice } from "./load-notice";
import { noticeDestinations } from "../../data/notice-destinations";
import { can } from "@/domain/access/can";
import { noticeHash } from "@/domain/notices/notice-content";

/**
 * Sends an approved notice to the client: on the portal at once, and by e-mail to each active
 * contact and the contract's notice address (delivery recorded per recipient). What is sent must
 * still hash to the approved hash, and go where the sender saw it would.
 */
export async function sendNotice(
  ctx: ServiceContext,
  input: { noticeId: string; recipients: string },
): Promise<Result<{ emailed: number; failed: number }>> {
  const sent = await attempt(() =>
    db().$transaction(async (tx) => {
      await lockAuditChain(tx, ctx.viewer.organizationId); // before any row lock: one order with administration changes (audit-lock.ts)
      const n = await loadNotice(tx, ctx, input.noticeId);
      if (!can(ctx.viewer, "notice:draft", n.incident)) fail("REFUSED", "You may not send notices.");
      if (n.status === "SENT") fail("REFUSED", "This notice was already sent.");
      if (n.status !== "APPROVED") fail("REFUSED", "A notice is sent only after a manager approves it.");
      const fields = n.fields;
      if (noticeHash({ subject: n.subject, fields }) !== n.contentHash)
        fail("REFUSED", "The notice no longer matches its approved version; it was not sent.");
      const destinations = await noticeDestinations(tx, n.clientId);
      if (destinations.fingerprint !== input.recipients) {
        fail(
          "CONFLICT",
          "Where this notice goes changed since the page was loaded (a contact or the mail set-up changed): nothing was sent. Reload and check the recipients again.",
        );
      }
      await tx.notice.update({
        where: { id: n.id },
        data: { status: "SENT", sentAt: ctx.now, version: { increment: 1 } },
      });
      await tx.noticeDelivery.create({
        data: { noticeId: n.id, channel: "PORTAL", recipient: "client portal", status: "SENT", at: ctx.now },
      });
      const deliveries = [];
      for (const email of destinations.emails) {
        deliveries.push(
          await tx.noticeDelivery.create({
            data: { noticeId: n.id, channel: "EMAIL", recipient: email, status: "QUEUED", at: ctx.now },
          }),
        );
      }
      await tx.obligation.update({
        where: { id: n.obligationId },
        data: {
          ...(["ACKNOWLEDGED", "FILED"].includes(n.obligation.status) ? {} : { status: "SENT" as const }),
          deliveredAt:
            n.obligation.deliveredAt && n.obligation.deliveredAt < ctx.now ? n.obligation.deliveredAt : ctx.now,
        },
      });
      await auditIncident(
        tx,
        ctx,
        n.incident,
        "notice.send",
        { noticeId: n.id, contentHash: n.contentHash, recipients: destinations.emails.length, mail: destinations.mail },
        { type: "Notice", id: n.id },
      );
      await syncObligations(tx, ctx, n.incident, `notice sent for ${n.obligation.ruleId}`);
      await emitWebhookEvent(tx, {
        organizationId: n.incident.organizationId,
        event: "notice.sent",
        payload: {
          noticeId: n.id,
          incidentId: n.incident.id,
          reference: n.incident.reference,
          clientId: n.incident.clientId,
          obligationId: n.obligationId,
          ruleId: n.obligation.ruleId,
          sentAt: ctx.now.toISOString(),
        },
        at: ctx.now,
      });
      return { notice: n, fields, deliveries };
    }),
  );
  if (!sent.ok) return sent;

  // E-mail goes out after the commit: a slow or failing mail server never loses the notice.
  const { notice, fields, deliveries } = sent.value;
  const text = `${notice.subject}\n\n${fields.map((f) => `${f.label}\n${f.value}`).join("\n\n")}\n\nApproved content SHA-256: ${notice.contentHash}\nRead and acknowledge this notice on the client portal.`;
  let failed = 0;
  for (const d of deliveries) {
    const r = await sendMail({ to: d.recipient, subject: notice.subject, text });
    if (!r.ok) failed += 1;
    await db().noticeDelivery.update({
      where: { id: d.id },
      data: { status: r.ok ? "SENT" : "FAILED", detail: r.ok ? r.messageId.slice(0, 500) : r.detail, at: new Date() },
    });
  }
  return { ok: true, value: { emailed: deliveries.length - failed, failed } };
}
