import { describe, expect, it } from "vitest";
import { openedNotice } from "../support/notice-fixture";
import { catchMail } from "../support/smtp-catcher";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { draftNotice } from "@/server/services/notices/draft-notice";
import { submitNotice } from "@/server/services/notices/review-notice";
import { loadViewer } from "@/server/data/load-viewer";
import { dashboardQueues } from "@/server/data/dashboard-queues";
import type { NoticeField } from "@/domain/notices/notice-content";

// The dashboard's approval queues are kept like its figures (per organization data version) and
// per viewer: they must show a notice submitted a moment ago, and never one approver's rows
// ("yours") to another.

catchMail();

describe("the dashboard's approval queues", () => {
  it("are kept until a change in the organization, per viewer, and show a notice as soon as it is submitted", async () => {
    const t = await makeTenant();
    const request = async (userId: string) => (await loadViewer(userId))!; // each request reads the viewer anew
    const empty = await dashboardQueues(await request(t.manager.id));
    expect(empty.approvals).toEqual([]);
    expect(await dashboardQueues(await request(t.manager.id))).toBe(empty); // kept: no change since

    // the analyst drafts and submits a notice (audited changes): the next request sees it
    const analyst = await ctxFor(t.analyst.id);
    const { id } = await logIncident(analyst, t.clientA.id);
    const o = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId: id, ruleId: "contract" } },
    });
    const draft = await draftNotice(analyst, { obligationId: o.id });
    if (!draft.ok) throw new Error(draft.message);
    const n = await openedNotice({ where: { id: draft.value.id } });
    const values = Object.fromEntries((n.fields as NoticeField[]).map((f) => [f.key, f.value || `Filled: ${f.label}`]));
    expect((await submitNotice(analyst, { noticeId: n.id, version: n.version, subject: n.subject, values })).ok).toBe(
      true,
    );

    const manager = await dashboardQueues(await request(t.manager.id));
    expect(manager.approvals.map((r) => [r.noticeId, r.ownDraft])).toEqual([[n.id, false]]);
    // another approver of the same organization has entries of its own, not the manager's
    const admin = await dashboardQueues(await request(t.admin.id));
    expect(admin).not.toBe(manager);
    expect(admin.approvals.map((r) => r.noticeId)).toEqual([n.id]);
    expect(await dashboardQueues(await request(t.manager.id))).toBe(manager);
  });
});
