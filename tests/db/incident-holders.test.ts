import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { deliverReminder } from "@/server/services/reminders/reminders";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice } from "@/server/services/notices/review-notice";
import { sendNotice } from "@/server/services/notices/send-notice";
import { postNoticeMessage } from "@/server/services/notices/portal-actions";
import { noticeDestinations } from "@/server/data/notice-destinations";
import type { NoticeField } from "@/domain/notices/notice-content";

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** A second analyst on client A, made like the fixture's. */
async function secondAnalyst(t: Tenant) {
  const first = await db().user.findUniqueOrThrow({ where: { id: t.analyst.id } });
  return db().user.create({
    data: {
      organizationId: t.org.id,
      email: `second-${first.email}`,
      name: `second ${first.name}`,
      role: "ANALYST",
      passwordHash: first.passwordHash,
      assignments: { create: [{ clientId: t.clientA.id }] },
    },
  });
}

async function contractObligation(incidentId: string) {
  return db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: "contract" } } });
}

async function notified(incidentId: string, kind: string) {
  return (await db().staffNotification.findMany({ where: { incidentId, kind } })).map((n) => n.userId).sort();
}

async function sentNotice(t: Tenant, incidentId: string) {
  const analyst = await ctxFor(t.analyst.id);
  const draft = await draftNotice(analyst, { obligationId: (await contractObligation(incidentId)).id });
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

describe("reminders and client questions reach whoever holds the client now", () => {
  it("go to the owner while they are assigned to the client", async () => {
    const t = await makeTenant();
    await secondAnalyst(t);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    expect(await deliverReminder({ obligationId: (await contractObligation(id)).id, kind: "0.5" }, new Date())).toBe("sent");
    expect(await notified(id, "reminder")).toEqual([t.analyst.id]);
  });

  it("go to the analysts assigned now (and managers for an escalation) once the owner is taken off the client, audited with them", async () => {
    const t = await makeTenant();
    const second = await secondAnalyst(t);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const asked = await logIncident(await ctxFor(t.analyst.id), t.clientA.id); // its contract notice is sent, so settled
    const noticeId = await sentNotice(t, asked.id);
    await db().clientAssignment.delete({ where: { userId_clientId: { userId: t.analyst.id, clientId: t.clientA.id } } });
    const obligationId = (await contractObligation(id)).id;

    expect(await deliverReminder({ obligationId, kind: "0.5" }, new Date())).toBe("sent");
    expect(await notified(id, "reminder")).toEqual([second.id]);
    expect(await deliverReminder({ obligationId, kind: "overdue" }, new Date())).toBe("sent");
    expect(await notified(id, "escalation")).toEqual([second.id, t.manager.id].sort());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { incidentId: id, action: "obligation.escalate" } });
    expect(((audit.changes as { recipients: string[] }).recipients).sort()).toEqual([second.id, t.manager.id].sort());

    expect((await postNoticeMessage(await ctxFor(t.contactA.id), { noticeId, body: "Who is handling this now?" })).ok).toBe(true);
    expect(await notified(asked.id, "client_question")).toEqual([second.id]);
  });

  it("skip a deactivated owner, and reach the managers when no analyst holds the client", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const asked = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentNotice(t, asked.id);
    await db().user.update({ where: { id: t.analyst.id }, data: { active: false } });

    expect(await deliverReminder({ obligationId: (await contractObligation(id)).id, kind: "0.5" }, new Date())).toBe("sent");
    expect(await notified(id, "reminder")).toEqual([t.manager.id]);
    expect((await postNoticeMessage(await ctxFor(t.contactA.id), { noticeId, body: "Is anyone there?" })).ok).toBe(true);
    expect(await notified(asked.id, "client_question")).toEqual([t.manager.id]);
  });
});
