import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice } from "@/server/services/notices/review-notice";
import { sendNotice } from "@/server/services/notices/send-notice";
import { markNoticeRead } from "@/server/services/notices/portal-actions";
import { listPortalIncidents } from "@/server/data/portal";
import { noticeDestinations } from "@/server/data/notice-destinations";
import type { NoticeField } from "@/domain/notices/notice-content";

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** A contract notice drafted by the analyst, approved by the manager and sent to client A. */
async function sentNotice(t: Tenant, incidentId: string) {
  const analyst = await ctxFor(t.analyst.id);
  const o = await db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: "contract" } } });
  const draft = await draftNotice(analyst, { obligationId: o.id });
  if (!draft.ok) throw new Error(draft.message);
  const n = await db().notice.findUniqueOrThrow({ where: { id: draft.value.id } });
  const values = Object.fromEntries((n.fields as NoticeField[]).map((f) => [f.key, f.value || `Filled in: ${f.label}`]));
  expect((await updateNoticeDraft(analyst, { noticeId: n.id, version: n.version, subject: n.subject, values })).ok).toBe(true);
  const saved = await db().notice.findUniqueOrThrow({ where: { id: n.id } });
  expect((await submitNotice(analyst, { noticeId: n.id, version: saved.version, subject: saved.subject, values })).ok).toBe(true);
  expect((await reviewNotice(await ctxFor(t.manager.id), { noticeId: n.id, decision: "APPROVE" })).ok).toBe(true);
  const { fingerprint } = await noticeDestinations(db(), t.clientA.id);
  expect((await sendNotice(analyst, { noticeId: n.id, recipients: fingerprint })).ok).toBe(true);
  return n.id;
}

describe("a portal notice is marked read by a POST, never by reading it", () => {
  it("listing the notice (what the page's GET does) writes nothing; the posted read is recorded once and audited once", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentNotice(t, id);
    const contact = await ctxFor(t.contactA.id);

    const shown = async () => (await listPortalIncidents(contact.viewer, t.clientA.id))![0]!.notices[0]!;
    expect((await shown()).read).toBe(false);
    expect((await shown()).read).toBe(false); // rendering twice still records nothing
    expect(await db().noticeRead.count({ where: { noticeId } })).toBe(0);

    const first = await markNoticeRead(contact, { noticeId });
    expect(first).toEqual({ ok: true, value: { readAt: contact.now } });
    expect((await shown()).read).toBe(true);
    const again = await markNoticeRead(await ctxFor(t.contactA.id, new Date(contact.now.getTime() + 60_000)), { noticeId });
    expect(again).toEqual({ ok: true, value: { readAt: contact.now } }); // the first opening stands
    expect(await db().noticeRead.count({ where: { noticeId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "notice.read", actorId: t.contactA.id } })).toBe(1);
  });

  it("records nothing for staff, and answers another client's contact exactly like a missing notice", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentNotice(t, id);

    expect(await markNoticeRead(await ctxFor(t.manager.id), { noticeId })).toEqual({ ok: true, value: { readAt: null } });
    const other = await ctxFor(t.contactB.id);
    const foreign = await markNoticeRead(other, { noticeId });
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(foreign).toEqual(await markNoticeRead(other, { noticeId: "00000000-0000-4000-8000-000000000000" }));
    expect(await db().noticeRead.count({ where: { noticeId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "notice.read" } })).toBe(0);
  });
});
