import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { createRota, addOverride } from "@/server/services/on-call/manage-rotas";
import { escalatePage, findDueEscalations } from "@/server/services/on-call/page-on-call";
import { acknowledgePage } from "@/server/services/on-call/acknowledge-page";
import { getIncidentOnCall, onCallNow } from "@/server/data/on-call";
import { transitionIncident } from "@/server/services/incidents/transition-incident";
import { createWebhook } from "@/server/services/webhooks/manage-webhooks";
import { loadViewer } from "@/server/data/load-viewer";
import { catchMail } from "../support/smtp-catcher";

const mail = catchMail();
const mailsTo = (email: string) => mail.filter((m) => m.to.includes(email));

/** A tenant with a weekly rota for client A: the analyst, then a second analyst (the secondary). */
async function rotaTenant(escalateAfterMinutes = 15) {
  const t = await makeTenant();
  const second = await db().user.create({
    data: {
      organizationId: t.org.id,
      email: `second-${t.org.id}@fixture.test`,
      name: `second ${t.org.slug}`,
      role: "ANALYST",
      passwordHash: t.analyst.passwordHash,
      assignments: { create: [{ clientId: t.clientA.id }] },
    },
  });
  const ctx = await ctxFor(t.manager.id);
  const today = new Date().toISOString().slice(0, 10);
  const rota = await createRota(ctx, {
    name: "Client A standby",
    clientId: t.clientA.id,
    timeZone: undefined,
    handoverTime: "00:00",
    rotation: "weekly",
    shiftHours: undefined,
    // a start date today in the client's zone or yesterday: the analyst's week either way
    startsOn: today,
    memberIds: [t.analyst.id, second.id],
    secondaryUserId: undefined,
    escalateAfterMinutes,
    enabled: true,
  });
  if (!rota.ok) throw new Error(rota.message);
  // pin who is on call now whatever the date: an override for the analyst over the test
  const now = new Date();
  const zone = t.clientA.timeZone;
  const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: zone }).replace(" ", "T").slice(0, 16);
  const cover = await addOverride(ctx, {
    rotaId: rota.value.id,
    userId: t.analyst.id,
    startsAt: local(new Date(now.getTime() - 3600_000)),
    endsAt: local(new Date(now.getTime() + 6 * 3600_000)),
    reason: "the test's hours",
  });
  if (!cover.ok) throw new Error(cover.message);
  return { t, second, rotaId: rota.value.id };
}

describe("on call", () => {
  it("names who is on call for a client, with the rota's secondary; none for a client without a rota", async () => {
    const { t, second } = await rotaTenant();
    const now = new Date();
    const got = await onCallNow(db(), { organizationId: t.org.id, clientId: t.clientA.id }, now);
    expect(got?.rotaName).toBe("Client A standby");
    expect(got?.primary).toEqual({ id: t.analyst.id, name: t.analyst.name });
    expect(got?.secondary?.id).toBe(second.id);
    expect(got?.timeZone).toBe(t.clientA.timeZone);
    expect(await onCallNow(db(), { organizationId: t.org.id, clientId: t.clientB.id }, now)).toBeNull();
    // another organization's id never reaches this rota
    const other = await makeTenant();
    expect(await onCallNow(db(), { organizationId: other.org.id, clientId: t.clientA.id }, now)).toBeNull();
  });

  it("refuses members who are not staff of the rota's client, field by field", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const base = {
      name: "B rota",
      clientId: t.clientB.id,
      timeZone: undefined,
      handoverTime: "09:00",
      rotation: "custom" as const,
      shiftHours: 12,
      startsOn: "2026-12-01",
      secondaryUserId: undefined,
      escalateAfterMinutes: 10,
      enabled: true,
    };
    const r = await createRota(ctx, { ...base, memberIds: [t.analyst.id] }); // assigned to A only
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.memberIds?.[0]).toMatch(/assigned to the rota's client/);
    const c = await createRota(ctx, { ...base, memberIds: [t.contactB.id] });
    expect(c.ok).toBe(false);
    expect(await db().onCallRota.count({ where: { organizationId: t.org.id } })).toBe(0);
  });

  it("a new high incident pages the on-call analyst (in-app, audited); the incident page shows it in one read", async () => {
    const { t } = await rotaTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, { severity: "HIGH" });
    const page = await db().onCallPage.findUniqueOrThrow({ where: { incidentId: id } });
    expect(page).toMatchObject({ status: "OPEN", level: 0, pagedUserIds: [t.analyst.id] });
    const notes = await db().staffNotification.findMany({ where: { incidentId: id, kind: "page" } });
    expect(notes.map((n) => n.userId)).toEqual([t.analyst.id]);
    expect(notes[0]!.message).toMatch(/^Paged: high incident INC-\d{4}-\d{4} needs an on-call response/);
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "oncall.page" } })).toBe(1);
    const [paged, ...again] = mailsTo(t.analyst.email);
    expect(again).toEqual([]);
    expect(paged!.body).toMatch(/Paged: high incident INC-\d{4}-\d{4} needs an on-call response/);
    expect(paged!.body).not.toMatch(/phishing|mailbox/i); // the incident's text stays in Warden

    const view = await getIncidentOnCall((await loadViewer(t.analyst.id))!, id, new Date());
    expect(view?.onCall?.primary?.id).toBe(t.analyst.id);
    expect(view?.page?.status).toBe("OPEN");
    // out of scope answers like a missing incident
    const { id: bId } = await logIncident(await ctxFor(t.manager.id), t.clientB.id, { severity: "LOW" });
    expect(await getIncidentOnCall((await loadViewer(t.analyst.id))!, bId, new Date())).toBeNull();
    expect(await db().onCallPage.count({ where: { incidentId: bId } })).toBe(0);
  });

  it("a low incident is not paged until its severity is raised to critical", async () => {
    const { t } = await rotaTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id, { severity: "LOW" });
    expect(await db().onCallPage.count({ where: { incidentId: id } })).toBe(0);
    const incident = await db().incident.findUniqueOrThrow({ where: { id } });
    const raised = await transitionIncident(ctx, {
      incidentId: id,
      version: incident.version,
      kind: "CHANGE_SEVERITY",
      severity: "CRITICAL",
      reason: "customer records confirmed",
    });
    expect(raised.ok).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { incidentId: id, action: "oncall.page" } });
    expect(audit.changes).toMatchObject({ reason: "severity_raised", severity: "CRITICAL" });
  });

  it("two workers racing the same escalation: exactly one escalates; then managers; acknowledgement stops it", async () => {
    const { t, second } = await rotaTenant(15);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, { severity: "CRITICAL" });
    const page = await db().onCallPage.findUniqueOrThrow({ where: { incidentId: id } });
    const pagedAt = page.pagedAt.getTime();
    expect(page.escalateAt!.getTime() - pagedAt).toBe(15 * 60_000);
    expect(await findDueEscalations(new Date(pagedAt + 14 * 60_000), t.org.id)).toEqual([]);
    expect(await escalatePage({ pageId: page.id, level: 0 }, new Date(pagedAt + 14 * 60_000))).toBe("stale");

    const later = new Date(pagedAt + 16 * 60_000);
    expect(await findDueEscalations(later, t.org.id)).toEqual([{ pageId: page.id, level: 0 }]);
    const outcomes = await Promise.all([
      escalatePage({ pageId: page.id, level: 0 }, later),
      escalatePage({ pageId: page.id, level: 0 }, later),
    ]);
    expect(outcomes.sort()).toEqual(["escalated", "stale"]);
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "oncall.escalate" } })).toBe(1);
    const toSecond = await db().staffNotification.findMany({
      where: { incidentId: id, kind: "page", userId: second.id },
    });
    expect(toSecond).toHaveLength(1);
    expect(toSecond[0]!.message).toMatch(/^Escalated to the secondary: critical incident/);
    expect(mailsTo(second.email)).toHaveLength(1); // e-mailed once, though two workers ran
    let now = await db().onCallPage.findUniqueOrThrow({ where: { id: page.id } });
    expect(now).toMatchObject({ level: 1, status: "OPEN" });

    const evenLater = new Date(later.getTime() + 16 * 60_000);
    expect(await escalatePage({ pageId: page.id, level: 1 }, evenLater)).toBe("escalated");
    now = await db().onCallPage.findUniqueOrThrow({ where: { id: page.id } });
    expect(now).toMatchObject({ level: 2, escalateAt: null });
    expect(await db().staffNotification.count({ where: { incidentId: id, kind: "page", userId: t.manager.id } })).toBe(
      1,
    );

    // someone not paged may not acknowledge; the paged analyst does, once
    const other = await acknowledgePage(await ctxFor(t.admin.id), { incidentId: id });
    expect(other.ok).toBe(true); // an administrator holds incident:assign: acknowledges on their behalf
    const again = await acknowledgePage(await ctxFor(t.analyst.id), { incidentId: id });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toBe("This page was acknowledged already.");
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "oncall.acknowledge" } })).toBe(1);
    expect(await findDueEscalations(new Date(evenLater.getTime() + 3600_000), t.org.id)).toEqual([]);
  });

  it("an organization-wide rota never pages an analyst for a client they do not work for: the managers instead", async () => {
    const t = await makeTenant();
    const made = await createRota(await ctxFor(t.admin.id), {
      name: "Everyone else",
      clientId: undefined,
      timeZone: "UTC",
      handoverTime: "09:00",
      rotation: "weekly",
      shiftHours: undefined,
      startsOn: "2026-01-05",
      memberIds: [t.analyst.id],
      secondaryUserId: undefined,
      escalateAfterMinutes: 15,
      enabled: true,
    });
    expect(made.ok).toBe(true);
    const onB = await logIncident(await ctxFor(t.manager.id), t.clientB.id, { severity: "HIGH" });
    const page = await db().onCallPage.findUniqueOrThrow({ where: { incidentId: onB.id } });
    expect(page).toMatchObject({ level: 2, escalateAt: null });
    expect(page.pagedUserIds).toEqual([t.manager.id]);
    expect(await db().staffNotification.count({ where: { incidentId: onB.id, userId: t.analyst.id } })).toBe(0);
    const onA = await logIncident(await ctxFor(t.manager.id), t.clientA.id, { severity: "HIGH" });
    expect((await db().onCallPage.findUniqueOrThrow({ where: { incidentId: onA.id } })).pagedUserIds).toEqual([
      t.analyst.id,
    ]);
  });

  it("an acknowledged page does not escalate, and an analyst not paged cannot acknowledge", async () => {
    const { t, second } = await rotaTenant(5);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, { severity: "HIGH" });
    const notPaged = await acknowledgePage(await ctxFor(second.id), { incidentId: id });
    expect(notPaged.ok).toBe(false);
    if (!notPaged.ok) expect(notPaged.message).toMatch(/You were not paged/);
    const ack = await acknowledgePage(await ctxFor(t.analyst.id), { incidentId: id });
    expect(ack.ok).toBe(true);
    const page = await db().onCallPage.findUniqueOrThrow({ where: { incidentId: id } });
    expect(page).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedById: t.analyst.id, escalateAt: null });
    expect(await escalatePage({ pageId: page.id, level: 0 }, new Date(Date.now() + 3600_000))).toBe("stale");
  });

  it("a new incident and a phase change emit webhook deliveries with no free text", async () => {
    const { t } = await rotaTenant();
    const admin = await ctxFor(t.admin.id);
    const sub = await createWebhook(
      admin,
      {
        url: "https://hooks.example.com/x",
        events: ["incident.created", "incident.phase_changed"],
        allowPrivate: false,
      },
      async () => [{ address: "93.184.216.34", family: 4 }],
    );
    expect(sub.ok).toBe(true);
    const ctx = await ctxFor(t.analyst.id);
    const { id, reference } = await logIncident(ctx, t.clientA.id, { severity: "MEDIUM" });
    const incident = await db().incident.findUniqueOrThrow({ where: { id } });
    const moved = await transitionIncident(ctx, {
      incidentId: id,
      version: incident.version,
      kind: "CLOSE_FALSE_POSITIVE",
      reason: "a test message from the client's own team",
    });
    expect(moved.ok).toBe(true);
    const deliveries = await db().webhookDelivery.findMany({
      where: { organizationId: t.org.id },
      orderBy: { createdAt: "asc" },
    });
    expect(deliveries.map((d) => d.event)).toEqual(["incident.created", "incident.phase_changed"]);
    expect(deliveries[1]!.payload).toMatchObject({ incidentId: id, fromPhase: "IDENTIFY", toPhase: "CLOSED" });
    expect(deliveries[0]!.payload).toMatchObject({ incidentId: id, reference, severity: "MEDIUM", phase: "IDENTIFY" });
    const text = JSON.stringify(deliveries.map((d) => d.payload));
    expect(text).not.toMatch(/phishing|mailbox|credentials|client's own team/i);
  });
});
