import { describe, expect, it } from "vitest";
import { openedNotice } from "../support/notice-fixture";
import { catchMail } from "../support/smtp-catcher";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { updateIncidentFacts } from "@/server/services/incidents/update-incident-facts";
import { transitionIncident } from "@/server/services/incidents/transition-incident";
import { toggleChecklistItem } from "@/server/services/incidents/toggle-checklist-item";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { addEvidence } from "@/server/services/incidents/add-evidence";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice } from "@/server/services/notices/review-notice";
import { sendNotice } from "@/server/services/notices/send-notice";
import { acknowledgeNotice, postNoticeMessage } from "@/server/services/notices/portal-actions";
import { recordExternalFiling } from "@/server/services/obligations/decide-obligation";
import { reviewObligationDecision } from "@/server/services/obligations/confirm-obligation-decision";
import { settleNotRequired } from "../support/settle-obligation";
import { listPortalIncidents } from "@/server/data/portal";
import { updateFactsSchema } from "@/lib/validation/incident";
import { noticeHash, type NoticeField } from "@/domain/notices/notice-content";
import { noticeDestinations } from "@/server/data/notice-destinations";
import type { ServiceContext } from "@/server/services/context";

/** Sends as the page does: confirming the destinations it showed. */
async function send(ctx: ServiceContext, noticeId: string) {
  const n = await openedNotice({ where: { id: noticeId } });
  const { fingerprint } = await noticeDestinations(db(), n.clientId);
  return sendNotice(ctx, { noticeId, recipients: fingerprint });
}

/** Submits as the editor does: with what is in the form (here, the saved draft). */
async function submitAsSaved(ctx: ServiceContext, noticeId: string) {
  const n = await openedNotice({ where: { id: noticeId } });
  return submitNotice(ctx, {
    noticeId,
    version: n.version,
    subject: n.subject,
    values: Object.fromEntries((n.fields as NoticeField[]).map((f) => [f.key, f.value])),
  });
}

// mail sent by the services lands here (a real SMTP listener on loopback)
const received = catchMail();

async function obligation(incidentId: string, ruleId: string) {
  return db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId } } });
}

async function approvedNotice(t: Awaited<ReturnType<typeof makeTenant>>, incidentId: string, ruleId = "contract") {
  const o = await obligation(incidentId, ruleId);
  const analyst = await ctxFor(t.analyst.id);
  const draft = await draftNotice(analyst, { obligationId: o.id });
  if (!draft.ok) throw new Error(draft.message);
  const notice = await openedNotice({ where: { id: draft.value.id } });
  const values = Object.fromEntries(
    (notice.fields as NoticeField[]).map((f) => [f.key, f.value || `Filled in: ${f.label}`]),
  );
  expect(
    (
      await updateNoticeDraft(analyst, {
        noticeId: notice.id,
        version: notice.version,
        subject: notice.subject,
        values,
      })
    ).ok,
  ).toBe(true);
  expect((await submitAsSaved(analyst, notice.id)).ok).toBe(true);
  expect((await reviewNotice(await ctxFor(t.manager.id), { noticeId: notice.id, decision: "APPROVE" })).ok).toBe(true);
  return notice.id;
}

describe("obligations follow the facts", () => {
  it("are computed when the incident is logged and recomputed, with history, when facts change", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id, { jurisdictions: ["DE"], dataCategories: ["PERSONAL"] });
    const first = await db().obligation.findMany({ where: { incidentId: id, active: true } });
    expect(first.map((o) => o.ruleId).sort()).toEqual(["contract", "gdpr-33", "gdpr-33-2", "gdpr-34"].sort());

    const facts = updateFactsSchema(ctx.now).parse({
      incidentId: id,
      version: 1,
      title: "Phishing led to mailbox access",
      summary: "s",
      timeZone: "UTC",
      occurredAt: "2026-01-10T08:00",
      detectedAt: "2026-01-10T09:00",
      awareAt: "2026-01-10T11:30",
      dataCategories: ["PERSONAL"],
      jurisdictions: ["US-CA"],
    });
    // a minute later (revisions are ordered by time)
    expect(
      (await updateIncidentFacts(await ctxFor(t.analyst.id, new Date(ctx.now.getTime() + 60_000)), facts)).ok,
    ).toBe(true);
    const after = await db().obligation.findMany({
      where: { incidentId: id },
      include: { revisions: { orderBy: { at: "asc" } } },
    });
    const active = after
      .filter((o) => o.active)
      .map((o) => o.ruleId)
      .sort();
    // the AG notice needs more than 500 Californians: with no count recorded it stays to assess;
    // the BPO's own notice to the data owner under 1798.82(b) comes beside the contract's
    expect(active).toEqual(["contract", "us-ca", "us-ca-ag", "us-ca-vendor"]);
    expect(after.find((o) => o.ruleId === "us-ca-ag")).toMatchObject({ applicability: "TO_ASSESS" });
    const gdpr = after.find((o) => o.ruleId === "gdpr-33-2")!;
    expect(gdpr).toMatchObject({ active: false, applicability: "NOT_APPLICABLE" });
    expect(gdpr.revisions.map((r) => r.applicability)).toEqual(["APPLIES", "NOT_APPLICABLE"]);
    // the contract clock moved with the awareness time: 24 h from 11:30
    const contract = after.find((o) => o.ruleId === "contract")!;
    expect(contract.dueAt?.toISOString()).toBe("2026-01-11T11:30:00.000Z");
    expect(contract.revisions).toHaveLength(2);
    expect(contract.revisions[1]!.cause).toContain("awareAt");
  });
});

describe("four-eyes notices", () => {
  it("freezes the approved text by its hash; edits after approval are refused", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await approvedNotice(t, id);
    const n = await openedNotice({ where: { id: noticeId } });
    expect(n.status).toBe("APPROVED");
    expect(n.contentHash).toBe(noticeHash({ subject: n.subject, fields: n.fields as NoticeField[] }));
    const edit = await updateNoticeDraft(await ctxFor(t.analyst.id), {
      noticeId,
      version: n.version,
      subject: "Changed",
      values: {},
    });
    expect(edit).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: "This notice is approved and frozen; it cannot be edited.",
    });
    expect((await openedNotice({ where: { id: noticeId } })).subject).toBe(n.subject);
  });

  it("refuses a manager approving their own draft, and audits the attempt", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.manager.id), t.clientA.id);
    const o = await obligation(id, "contract");
    const manager = await ctxFor(t.manager.id);
    const draft = await draftNotice(manager, { obligationId: o.id });
    if (!draft.ok) throw new Error(draft.message);
    const n = await openedNotice({ where: { id: draft.value.id } });
    await updateNoticeDraft(manager, {
      noticeId: n.id,
      version: n.version,
      subject: n.subject,
      values: Object.fromEntries((n.fields as NoticeField[]).map((f) => [f.key, f.value || "x"])),
    });
    await submitAsSaved(manager, n.id);
    const self = await reviewNotice(manager, { noticeId: n.id, decision: "APPROVE" });
    expect(self).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: "You drafted this notice: another manager must approve it (four-eyes).",
    });
    expect((await openedNotice({ where: { id: n.id } })).status).toBe("AWAITING_APPROVAL");
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "notice.self_approval_refused" } })).toBe(1);
    expect((await reviewNotice(await ctxFor(t.admin.id), { noticeId: n.id, decision: "APPROVE" })).ok).toBe(true);
  });

  it("sends to the portal and by SMTP to each contact, recording delivery", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await approvedNotice(t, id);
    const sent = await send(await ctxFor(t.analyst.id), noticeId);
    expect(sent).toEqual({ ok: true, value: { emailed: 1, failed: 0 } });
    const mail = received.find((m) => m.to.includes(t.contactA.email));
    expect(mail?.body).toContain("Approved content SHA-256");
    const deliveries = await db().noticeDelivery.findMany({ where: { noticeId }, orderBy: { channel: "asc" } });
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([
      ["PORTAL", "SENT"],
      ["EMAIL", "SENT"],
    ]);
    expect(await obligation(id, "contract")).toMatchObject({ status: "SENT", deliveredAt: expect.any(Date) });
    expect(await send(await ctxFor(t.analyst.id), noticeId)).toMatchObject({
      ok: false,
      message: "This notice was already sent.",
    });
  });
});

describe("the client portal", () => {
  it("shows the client's notices through a DTO without internal fields, notes or evidence", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const { id } = await logIncident(analyst, t.clientA.id);
    await addIncidentNote(analyst, { incidentId: id, body: "INTERNAL-NOTE-MARKER: suspect the night shift" });
    await addEvidence(analyst, {
      incidentId: id,
      description: "EVIDENCE-MARKER",
      location: "vault://VAULT-MARKER",
      sha256: "b".repeat(64),
      collectedAt: "2026-01-10T10:00",
      timeZone: "UTC",
    });
    const noticeId = await approvedNotice(t, id);
    await send(analyst, noticeId);

    const contact = await ctxFor(t.contactA.id);
    const dto = await listPortalIncidents(contact.viewer, t.clientA.id);
    const json = JSON.stringify(dto);
    // (the analyst's e-mail may appear: the approved notice names its contact point, as GDPR 33(3)(b) requires)
    for (const secret of [
      "INTERNAL-NOTE-MARKER",
      "EVIDENCE-MARKER",
      "VAULT-MARKER",
      t.analyst.id,
      t.org.id,
      t.clientA.id,
      "passwordHash",
      "ownerId",
      "reporterId",
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(Object.keys(dto![0]!).sort()).toEqual([
      "awareAt",
      "closedAt",
      "notices",
      "occurredAt",
      "phase",
      "reference",
      "severity",
      "title",
      "type",
    ]);
    expect(dto![0]!.notices[0]).toMatchObject({ id: noticeId, verified: true, read: false, acknowledgedAt: null });

    // another client's contact sees nothing, and a guessed id answers like a missing one
    const other = await ctxFor(t.contactB.id);
    expect(await listPortalIncidents(other.viewer, t.clientA.id)).toBeNull();
    const foreign = await acknowledgeNotice(other, { noticeId });
    expect(foreign).toEqual(await acknowledgeNotice(other, { noticeId: "00000000-0000-4000-8000-000000000000" }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().acknowledgement.count({ where: { noticeId } })).toBe(0);
  });

  it("acknowledging is timestamped, audited and settles the obligation; a question reaches the analyst", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await approvedNotice(t, id);
    await send(await ctxFor(t.analyst.id), noticeId);
    const contact = await ctxFor(t.contactA.id);
    const ack = await acknowledgeNotice(contact, { noticeId });
    expect(ack.ok).toBe(true);
    expect((await obligation(id, "contract")).status).toBe("ACKNOWLEDGED");
    expect(
      await db().auditEvent.count({ where: { incidentId: id, action: "notice.acknowledge", actorId: t.contactA.id } }),
    ).toBe(1);

    expect((await postNoticeMessage(contact, { noticeId, body: "Were our member IDs in the mailbox?" })).ok).toBe(true);
    const notes = await db().staffNotification.findMany({
      where: { userId: t.analyst.id, incidentId: id, kind: { not: "notice_approved" } },
    });
    expect(notes.map((n) => n.kind)).toEqual(["client_question"]);
    expect(
      (await postNoticeMessage(await ctxFor(t.analyst.id), { noticeId, body: "No: only names and claim numbers." })).ok,
    ).toBe(true);
    const thread = (await listPortalIncidents(contact.viewer, t.clientA.id))![0]!.notices[0]!.messages;
    expect(thread.map((m) => m.fromClient)).toEqual([true, false]);
  });
});

describe("the report gate", () => {
  it("keeps an incident in Report until every obligation is sent, filed, not required or waived", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const { id } = await logIncident(analyst, t.clientA.id, { jurisdictions: ["DE"] });
    // walk to Report
    for (let i = 0; i < 4; i++) {
      const inc = await db().incident.findUniqueOrThrow({ where: { id }, include: { checklist: true } });
      for (const item of inc.checklist.filter((c) => c.phase === inc.phase && c.required))
        await toggleChecklistItem(analyst, { incidentId: id, itemId: item.id, done: true });
      const v = (await db().incident.findUniqueOrThrow({ where: { id } })).version;
      expect((await transitionIncident(analyst, { incidentId: id, version: v, kind: "ADVANCE" })).ok).toBe(true);
    }
    const inc = await db().incident.findUniqueOrThrow({ where: { id }, include: { checklist: true } });
    expect(inc.phase).toBe("REPORT");
    for (const item of inc.checklist.filter((c) => c.phase === "REPORT" && c.required))
      await toggleChecklistItem(analyst, { incidentId: id, itemId: item.id, done: true });
    const version = async () => (await db().incident.findUniqueOrThrow({ where: { id } })).version;

    const refused = await transitionIncident(analyst, { incidentId: id, version: await version(), kind: "ADVANCE" });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reasons).toContain(
      "Notification obligation not settled: Client contract notice clause — Notice to the client under the contract",
    );

    const open = await db().obligation.findMany({ where: { incidentId: id, active: true } });
    for (const o of open) {
      if (o.ruleId === "contract") await send(analyst, await approvedNotice(t, id));
      else if (o.party === "BPO") await settleNotRequired(t, o.id, "Covered by the contract notice sent the same hour");
      else {
        expect(
          (
            await recordExternalFiling(analyst, {
              obligationId: o.id,
              filedBy: "CLIENT",
              filedAt: new Date(),
              reference: "BfDI-2026-118",
              document: null,
            })
          ).ok,
        ).toBe(true);
        expect(
          (await reviewObligationDecision(await ctxFor(t.manager.id), { obligationId: o.id, decision: "CONFIRM" })).ok,
        ).toBe(true);
      }
    }
    expect((await transitionIncident(analyst, { incidentId: id, version: await version(), kind: "ADVANCE" })).ok).toBe(
      true,
    );
  });
});

import { setRuleOverride } from "@/server/services/set-rule-override";

describe("unconfirmed figures", () => {
  it("an administrator's figure for an unconfirmed rule recomputes open incidents; confirmed rules cannot be changed", async () => {
    const t = await makeTenant();
    await db().client.update({ where: { id: t.clientA.id }, data: { handlesCardData: true } });
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, {
      dataCategories: ["PAYMENT_CARD"],
      jurisdictions: ["US-IL"],
    });
    const before = await obligation(id, "pci-visa");
    expect(before.unconfirmed).toMatch(/not confirmed/);
    const admin = await ctxFor(t.admin.id);
    expect(
      await setRuleOverride(admin, {
        ruleId: "pci-visa",
        amount: 72,
        unit: "HOURS",
        note: "Acquirer agreement 2026 §4",
      }),
    ).toEqual({ ok: true, value: { recomputed: 1 } });
    const after = await obligation(id, "pci-visa");
    expect(after.dueAt?.toISOString()).toBe("2026-01-13T09:30:00.000Z"); // 72 h from awareness 10 Jan 09:30 UTC
    expect(after.unconfirmed).toContain("Acquirer agreement 2026 §4");
    expect(
      await setRuleOverride(admin, { ruleId: "gdpr-33", amount: 96, unit: "HOURS", note: "wishful thinking" }),
    ).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(
      await setRuleOverride(await ctxFor(t.manager.id), {
        ruleId: "pci-visa",
        amount: 1,
        unit: "HOURS",
        note: "nope nope",
      }),
    ).toMatchObject({ ok: false, code: "REFUSED" });
  });
});
