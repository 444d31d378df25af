import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { sentContractNotice } from "../support/notice-fixture";
import { deliverReminder } from "@/server/services/reminders/reminders";
import { postNoticeMessage } from "@/server/services/notices/portal-actions";

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

describe("reminders and client questions reach whoever holds the client now", () => {
  it("go to the owner while they are assigned to the client", async () => {
    const t = await makeTenant();
    await secondAnalyst(t);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    expect(await deliverReminder({ obligationId: (await contractObligation(id)).id, kind: "0.5" }, new Date())).toBe(
      "sent",
    );
    expect(await notified(id, "reminder")).toEqual([t.analyst.id]);
  });

  it("go to the analysts assigned now (and managers for an escalation) once the owner is taken off the client, audited with them", async () => {
    const t = await makeTenant();
    const second = await secondAnalyst(t);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const asked = await logIncident(await ctxFor(t.analyst.id), t.clientA.id); // its contract notice is sent, so settled
    const noticeId = await sentContractNotice(t, asked.id);
    await db().clientAssignment.delete({
      where: { userId_clientId: { userId: t.analyst.id, clientId: t.clientA.id } },
    });
    const obligationId = (await contractObligation(id)).id;

    expect(await deliverReminder({ obligationId, kind: "0.5" }, new Date())).toBe("sent");
    expect(await notified(id, "reminder")).toEqual([second.id]);
    expect(await deliverReminder({ obligationId, kind: "overdue" }, new Date())).toBe("sent");
    expect(await notified(id, "escalation")).toEqual([second.id, t.manager.id].sort());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { incidentId: id, action: "obligation.escalate" } });
    expect((audit.changes as { recipients: string[] }).recipients.sort()).toEqual([second.id, t.manager.id].sort());

    expect(
      (await postNoticeMessage(await ctxFor(t.contactA.id), { noticeId, body: "Who is handling this now?" })).ok,
    ).toBe(true);
    expect(await notified(asked.id, "client_question")).toEqual([second.id]);
  });

  it("skip a deactivated owner, and reach the managers when no analyst holds the client", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const asked = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentContractNotice(t, asked.id);
    await db().user.update({ where: { id: t.analyst.id }, data: { active: false } });

    expect(await deliverReminder({ obligationId: (await contractObligation(id)).id, kind: "0.5" }, new Date())).toBe(
      "sent",
    );
    expect(await notified(id, "reminder")).toEqual([t.manager.id]);
    expect((await postNoticeMessage(await ctxFor(t.contactA.id), { noticeId, body: "Is anyone there?" })).ok).toBe(
      true,
    );
    expect(await notified(asked.id, "client_question")).toEqual([t.manager.id]);
  });
});
