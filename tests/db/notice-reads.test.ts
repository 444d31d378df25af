import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { sentContractNotice } from "../support/notice-fixture";
import { markNoticeRead } from "@/server/services/notices/portal-actions";
import { listPortalIncidents } from "@/server/data/portal";

describe("a portal notice is marked read by a POST, never by reading it", () => {
  it("listing the notice (what the page's GET does) writes nothing; the posted read is recorded once and audited once", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentContractNotice(t, id);
    const contact = await ctxFor(t.contactA.id);

    const shown = async () => (await listPortalIncidents(contact.viewer, t.clientA.id))![0]!.notices[0]!;
    expect((await shown()).read).toBe(false);
    expect((await shown()).read).toBe(false); // rendering twice still records nothing
    expect(await db().noticeRead.count({ where: { noticeId } })).toBe(0);

    const first = await markNoticeRead(contact, { noticeId });
    expect(first).toEqual({ ok: true, value: { readAt: contact.now } });
    expect((await shown()).read).toBe(true);
    const again = await markNoticeRead(await ctxFor(t.contactA.id, new Date(contact.now.getTime() + 60_000)), {
      noticeId,
    });
    expect(again).toEqual({ ok: true, value: { readAt: contact.now } }); // the first opening stands
    expect(await db().noticeRead.count({ where: { noticeId } })).toBe(1);
    expect(
      await db().auditEvent.count({ where: { incidentId: id, action: "notice.read", actorId: t.contactA.id } }),
    ).toBe(1);
  });

  it("records nothing for staff, and answers another client's contact exactly like a missing notice", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentContractNotice(t, id);

    expect(await markNoticeRead(await ctxFor(t.manager.id), { noticeId })).toEqual({
      ok: true,
      value: { readAt: null },
    });
    const other = await ctxFor(t.contactB.id);
    const foreign = await markNoticeRead(other, { noticeId });
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(foreign).toEqual(await markNoticeRead(other, { noticeId: "00000000-0000-4000-8000-000000000000" }));
    expect(await db().noticeRead.count({ where: { noticeId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "notice.read" } })).toBe(0);
  });
});
