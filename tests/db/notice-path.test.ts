import { describe, expect, it } from "vitest";
import { openedNotice } from "../support/notice-fixture";
import { catchMail } from "../support/smtp-catcher";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice, withdrawNotice } from "@/server/services/notices/review-notice";
import { sendNotice } from "@/server/services/notices/send-notice";
import { noticeDestinations } from "@/server/data/notice-destinations";
import { listNoticesAwaitingApproval } from "@/server/data/approvals";
import { listPortalIncidents } from "@/server/data/portal";
import type { NoticeField } from "@/domain/notices/notice-content";
import type { ServiceContext } from "@/server/services/context";

// mail sent by the services lands here (a real SMTP listener on loopback)
const received = catchMail();

const INTERNAL = "INTERNAL-ONLY: the night-shift lead reused her password";
const CLIENT_TEXT = "A staff mailbox holding claim forms was opened by an outsider for two hours.";

async function contractDraft(t: Awaited<ReturnType<typeof makeTenant>>, patch: Record<string, unknown> = {}) {
  const analyst = await ctxFor(t.analyst.id);
  const { id } = await logIncident(analyst, t.clientA.id, { summary: INTERNAL, clientSummary: CLIENT_TEXT, ...patch });
  const o = await db().obligation.findUniqueOrThrow({
    where: { incidentId_ruleId: { incidentId: id, ruleId: "contract" } },
  });
  const draft = await draftNotice(analyst, { obligationId: o.id });
  if (!draft.ok) throw new Error(draft.message);
  return { incidentId: id, notice: await openedNotice({ where: { id: draft.value.id } }), analyst };
}

/** What the editor would post: the draft as shown, with `edits` typed over it. */
function editorInput(
  n: { id: string; version: number; subject: string; fields: unknown },
  edits: Record<string, string> = {},
) {
  const values = Object.fromEntries((n.fields as NoticeField[]).map((f) => [f.key, f.value || `Filled: ${f.label}`]));
  return { noticeId: n.id, version: n.version, subject: n.subject, values: { ...values, ...edits } };
}

async function send(ctx: ServiceContext, noticeId: string) {
  const n = await openedNotice({ where: { id: noticeId } });
  return sendNotice(ctx, { noticeId, recipients: (await noticeDestinations(db(), n.clientId)).fingerprint });
}

describe("a notice draft says only what the client may read", () => {
  it("is prefilled from the client-facing description, never the internal one, with times in the client's zone and UTC", async () => {
    const t = await makeTenant();
    const { notice } = await contractDraft(t, {
      dataSubjectsCount: 1250,
      recordsCount: 3400,
      jurisdictions: ["US-CA", "US-NY"],
      dataEncrypted: "no",
    });
    const text = JSON.stringify(notice);
    expect(text).not.toContain("INTERNAL-ONLY");
    expect(text).toContain(CLIENT_TEXT);
    // the fixture's awareness: 10 Jan 2026 09:30 UTC; the client is in America/Chicago (UTC−6)
    expect(text).toContain("We became aware: 10 Jan 2026, 03:30 CST (09:30 UTC)");
  });

  it("leaves the description empty while the incident has no client-facing text, so it cannot be submitted unnoticed", async () => {
    const t = await makeTenant();
    const { notice, analyst } = await contractDraft(t, { clientSummary: "" });
    const fields = notice.fields as NoticeField[];
    expect(JSON.stringify(fields)).not.toContain("INTERNAL-ONLY");
    const described = fields.filter((f) => /what happened|description/i.test(f.label));
    expect(described.length).toBeGreaterThan(0);
    for (const f of described) expect(f.value).toBe("");
    const refused = await submitNotice(analyst, {
      noticeId: notice.id,
      version: notice.version,
      subject: notice.subject,
      values: {},
    });
    expect(refused).toMatchObject({ ok: false, code: "REFUSED" });
    expect(!refused.ok && Object.keys(refused.fieldErrors ?? {})).toEqual(described.map((f) => `field.${f.key}`));
    expect((await openedNotice({ where: { id: notice.id } })).status).toBe("DRAFT");
  });
});

describe("submitting a draft", () => {
  it("saves what is in the editor: the client receives the edited text, not the prefilled one", async () => {
    const t = await makeTenant();
    const { notice, analyst, incidentId } = await contractDraft(t);
    const key = (notice.fields as NoticeField[])[0]!.key;
    const submitted = await submitNotice(
      analyst,
      editorInput(notice, { [key]: "EDITED-IN-THE-FORM: typed and never saved separately." }),
    );
    expect(submitted).toMatchObject({ ok: true });
    const approve = await reviewNotice(await ctxFor(t.manager.id), { noticeId: notice.id, decision: "APPROVE" });
    expect(approve.ok).toBe(true);
    expect((await send(analyst, notice.id)).ok).toBe(true);

    const mail = received.find((m) => m.to.includes(t.contactA.email) && m.body.includes("EDITED-IN-THE-FORM"));
    expect(mail).toBeDefined();
    expect(mail!.body).not.toContain("INTERNAL-ONLY");
    const portal = JSON.stringify(await listPortalIncidents((await ctxFor(t.contactA.id)).viewer, t.clientA.id));
    expect(portal).toContain("EDITED-IN-THE-FORM");
    expect(portal).not.toContain("INTERNAL-ONLY");
    const actions = (await db().auditEvent.findMany({ where: { incidentId }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions.slice(actions.indexOf("notice.draft"))).toEqual(
      expect.arrayContaining(["notice.edit", "notice.submit", "notice.approve", "notice.send"]),
    );
  });

  it("refuses an editor opened before someone else saved, without saving anything", async () => {
    const t = await makeTenant();
    const { notice, analyst } = await contractDraft(t);
    const stale = editorInput(notice, { [(notice.fields as NoticeField[])[0]!.key]: "late typing" });
    expect((await updateNoticeDraft(await ctxFor(t.manager.id), editorInput(notice))).ok).toBe(true);
    expect(await submitNotice(analyst, stale)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await openedNotice({ where: { id: notice.id } })).status).toBe("DRAFT");
    expect(JSON.stringify((await openedNotice({ where: { id: notice.id } })).fields)).not.toContain("late typing");
  });

  it("notifies every approver but the drafter, and lists the notice in the approval queue, oldest first", async () => {
    const t = await makeTenant();
    const first = await contractDraft(t);
    expect((await submitNotice(first.analyst, editorInput(first.notice))).ok).toBe(true);
    const second = await contractDraft(t);
    expect(
      (await submitNotice(await ctxFor(t.analyst.id, new Date(Date.now() + 60_000)), editorInput(second.notice))).ok,
    ).toBe(true);

    const requests = await db().staffNotification.findMany({
      where: { kind: "approval_request", noticeId: first.notice.id },
    });
    expect(requests.map((r) => r.userId).sort()).toEqual([t.admin.id, t.manager.id].sort());
    expect(requests[0]!.message).toMatch(/^Approval needed: INC-\d{4}-\d{4,} notice to Client A/);

    const queue = await listNoticesAwaitingApproval((await ctxFor(t.manager.id)).viewer);
    expect(queue.map((q) => q.noticeId)).toEqual([first.notice.id, second.notice.id]);
    expect(queue[0]).toMatchObject({ ownDraft: false, dueAt: expect.any(Date) });
    // another organization's manager sees none of it
    const other = await makeTenant();
    expect(await listNoticesAwaitingApproval((await ctxFor(other.manager.id)).viewer)).toEqual([]);
  });
});

describe("four-eyes", () => {
  it("refuses approval by anyone who edited the text, not only the drafter", async () => {
    const t = await makeTenant();
    const { notice, analyst } = await contractDraft(t);
    const manager = await ctxFor(t.manager.id);
    expect(
      (
        await updateNoticeDraft(
          manager,
          editorInput(notice, { [(notice.fields as NoticeField[])[0]!.key]: "A manager's wording" }),
        )
      ).ok,
    ).toBe(true);
    const saved = await openedNotice({ where: { id: notice.id } });
    expect((await submitNotice(analyst, editorInput(saved))).ok).toBe(true);
    expect(await reviewNotice(manager, { noticeId: notice.id, decision: "APPROVE" })).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: expect.stringMatching(/You edited this notice/),
    });
    expect((await openedNotice({ where: { id: notice.id } })).status).toBe("AWAITING_APPROVAL");
    expect((await reviewNotice(await ctxFor(t.admin.id), { noticeId: notice.id, decision: "APPROVE" })).ok).toBe(true);
  });
});

describe("withdrawing a submitted notice", () => {
  it("takes it back to draft for the drafter only, until it is approved, and is audited", async () => {
    const t = await makeTenant();
    const { notice, analyst, incidentId } = await contractDraft(t);
    expect((await submitNotice(analyst, editorInput(notice))).ok).toBe(true);
    expect(await withdrawNotice(await ctxFor(t.manager.id), { noticeId: notice.id })).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect(await withdrawNotice(analyst, { noticeId: notice.id })).toEqual({ ok: true, value: null });
    expect(await openedNotice({ where: { id: notice.id } })).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await reviewNotice(await ctxFor(t.manager.id), { noticeId: notice.id, decision: "APPROVE" })).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect(
      await db().auditEvent.count({ where: { incidentId, action: "notice.withdraw", actorId: t.analyst.id } }),
    ).toBe(1);

    const again = await openedNotice({ where: { id: notice.id } });
    expect((await submitNotice(analyst, editorInput(again))).ok).toBe(true);
    expect((await reviewNotice(await ctxFor(t.manager.id), { noticeId: notice.id, decision: "APPROVE" })).ok).toBe(
      true,
    );
    expect(await withdrawNotice(analyst, { noticeId: notice.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/approved and frozen/),
    });
    // someone else's notice id answers like a missing one
    const stranger = await makeTenant();
    expect(await withdrawNotice(await ctxFor(stranger.analyst.id), { noticeId: notice.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});

describe("sending", () => {
  it("goes where the page said: contacts and the contract address, and refuses when that changed since", async () => {
    const t = await makeTenant();
    await db().client.update({ where: { id: t.clientA.id }, data: { noticeEmail: "Privacy@ClientA.test" } });
    const { notice, analyst } = await contractDraft(t);
    expect((await submitNotice(analyst, editorInput(notice))).ok).toBe(true);
    expect((await reviewNotice(await ctxFor(t.manager.id), { noticeId: notice.id, decision: "APPROVE" })).ok).toBe(
      true,
    );
    const shown = await noticeDestinations(db(), t.clientA.id);
    expect(shown).toMatchObject({ emails: [t.contactA.email, "privacy@clienta.test"], mail: true });

    await db().user.update({ where: { id: t.contactA.id }, data: { active: false } });
    expect(await sendNotice(analyst, { noticeId: notice.id, recipients: shown.fingerprint })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect((await openedNotice({ where: { id: notice.id } })).status).toBe("APPROVED");

    const now = await noticeDestinations(db(), t.clientA.id);
    expect(await sendNotice(analyst, { noticeId: notice.id, recipients: now.fingerprint })).toEqual({
      ok: true,
      value: { emailed: 1, failed: 0 },
    });
    const deliveries = await db().noticeDelivery.findMany({ where: { noticeId: notice.id, channel: "EMAIL" } });
    expect(deliveries.map((d) => d.recipient)).toEqual(["privacy@clienta.test"]);
  });
});
