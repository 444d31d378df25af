import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { sentContractNotice } from "../support/notice-fixture";
import { createWebhook } from "@/server/services/webhooks/manage-webhooks";
import { deliverReminder } from "@/server/services/reminders/reminders";
import type { SubscribableEvent } from "@/domain/webhooks/events";

// The services that report events queue them in their own transactions: notice sent, obligation
// overdue. Payloads hold ids, reference, phase and times; never the notice's or incident's text.

async function subscribed(events: SubscribableEvent[]) {
  const t = await makeTenant();
  const made = await createWebhook(
    await ctxFor(t.admin.id),
    { url: "https://hooks.example.com/warden", events, allowPrivate: false },
    async () => [{ address: "93.184.216.34", family: 4 }],
  );
  if (!made.ok) throw new Error(made.message);
  return { t, subscriptionId: made.value.id };
}

describe("events from the services", () => {
  it("sending a notice queues notice.sent with its ids and no content", async () => {
    const { t, subscriptionId } = await subscribed(["notice.sent"]);
    const { id, reference } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const noticeId = await sentContractNotice(t, id);
    const [d, ...more] = await db().webhookDelivery.findMany({ where: { subscriptionId } });
    expect(more).toEqual([]);
    expect(d!.event).toBe("notice.sent");
    expect(d!.payload).toMatchObject({
      noticeId,
      incidentId: id,
      reference,
      clientId: t.clientA.id,
      ruleId: "contract",
    });
    expect(JSON.stringify(d!.payload)).not.toMatch(/Filled in|phishing|mailbox/i);
  });

  it("the overdue escalation queues obligation.overdue once; an earlier reminder queues nothing", async () => {
    const { t, subscriptionId } = await subscribed(["obligation.overdue"]);
    const now = new Date();
    const aware = new Date(now.getTime() - 30 * 3600_000);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, {
      severity: "LOW",
      jurisdictions: ["US-IL"],
      occurredAt: new Date(aware.getTime() - 3600_000).toISOString(),
      detectedAt: aware.toISOString(),
      awareAt: aware.toISOString(),
    });
    const contract = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId: id, ruleId: "contract" } },
    });
    expect(await deliverReminder({ obligationId: contract.id, kind: "50%" }, now)).toBe("sent");
    expect(await db().webhookDelivery.count({ where: { subscriptionId } })).toBe(0);
    expect(await deliverReminder({ obligationId: contract.id, kind: "overdue" }, now)).toBe("sent");
    expect(await deliverReminder({ obligationId: contract.id, kind: "overdue" }, now)).toBe("duplicate");
    const deliveries = await db().webhookDelivery.findMany({ where: { subscriptionId } });
    expect(deliveries.map((d) => d.event)).toEqual(["obligation.overdue"]);
    expect(deliveries[0]!.payload).toMatchObject({
      obligationId: contract.id,
      incidentId: id,
      ruleId: "contract",
      dueAt: contract.dueAt!.toISOString(),
    });
  });
});
