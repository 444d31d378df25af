import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { dismissAlert, mergeAlert, promoteAlert, ALERT_NOT_FOUND } from "@/server/services/alerts/decide-alert";
import { getAlertForTriage, listAlertQueue } from "@/server/data/alerts";
import { dismissAlertSchema, promoteAlertSchema } from "@/lib/validation/alert-triage";
import { parseAlertQueueQuery } from "@/lib/validation/alert-queue";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { alertIn } from "../support/alert-fixture";

const auditOf = (entityId: string, action: string) =>
  db().auditEvent.findMany({ where: { entityId, action }, orderBy: { seq: "asc" } });

/** The promotion form as the page fills it, confirmed unchanged. */
async function confirmedPromotion(userId: string, alertId: string, patch: Record<string, unknown> = {}) {
  const ctx = await ctxFor(userId);
  const found = await getAlertForTriage(ctx.viewer, alertId);
  if (!found) throw new Error("alert not visible");
  const p = found.promotion;
  return promoteAlertSchema(new Date()).parse({
    alertId,
    clientId: found.alert.clientId,
    title: p.title,
    summary: p.summary,
    type: p.type,
    severity: p.severity,
    timeZone: ctx.viewer.timeZone,
    detectedAt: p.detectedAt,
    awareAt: p.awareAt,
    dataCategories: p.dataCategories,
    jurisdictions: p.jurisdictions,
    ...patch,
  });
}

describe("alert triage", () => {
  it("dismisses with a reason, audited with the alert; a reason is required", async () => {
    const t = await makeTenant();
    const alert = await alertIn(t.org.id, t.clientA.id);
    expect(dismissAlertSchema.safeParse({ alertId: alert.id, reason: " " }).error?.issues[0]?.path).toEqual(["reason"]);
    const ctx = await ctxFor(t.analyst.id);
    const r = await dismissAlert(ctx, { alertId: alert.id, reason: "Scheduled penetration test" });
    expect(r.ok).toBe(true);
    const row = await db().alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row).toMatchObject({
      status: "DISMISSED",
      decidedById: t.analyst.id,
      dismissedReason: "Scheduled penetration test",
    });
    const [entry] = await auditOf(alert.id, "alert.dismiss");
    expect(entry?.entityType).toBe("Alert");
    expect(entry?.actorId).toBe(t.analyst.id);
    expect(entry?.changes).toMatchObject({ alertId: alert.id, source: "wazuh", reason: "Scheduled penetration test" });
  });

  it("answers an alert outside the viewer's clients exactly like a missing one, and changes nothing", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const ofB = await alertIn(t.org.id, t.clientB.id);
    const elsewhere = await alertIn(other.org.id, other.clientA.id);
    const analyst = await ctxFor(t.analyst.id); // assigned to client A only
    const missing = await dismissAlert(analyst, { alertId: randomUUID(), reason: "Not ours at all" });
    expect(missing).toEqual({ ok: false, code: "NOT_FOUND", message: ALERT_NOT_FOUND });
    expect(await dismissAlert(analyst, { alertId: ofB.id, reason: "Not ours at all" })).toEqual(missing);
    const manager = await ctxFor(t.manager.id);
    expect(await dismissAlert(manager, { alertId: elsewhere.id, reason: "Not ours at all" })).toEqual(missing);
    const contact = await ctxFor(t.contactA.id);
    const ofA = await alertIn(t.org.id, t.clientA.id);
    expect(await dismissAlert(contact, { alertId: ofA.id, reason: "Not ours at all" })).toEqual(missing);
    for (const id of [ofB.id, elsewhere.id, ofA.id])
      expect((await db().alert.findUniqueOrThrow({ where: { id } })).status).toBe("NEW");
    expect(await getAlertForTriage(analyst.viewer, ofB.id)).toBeNull();
  });

  it("lets exactly one of two concurrent decisions win; the other is told it was already decided", async () => {
    const t = await makeTenant();
    for (let round = 0; round < 3; round++) {
      const alert = await alertIn(t.org.id, t.clientA.id);
      const promotion = await confirmedPromotion(t.analyst.id, alert.id);
      const [a, b] = await Promise.all([
        promoteAlert(await ctxFor(t.analyst.id), promotion),
        dismissAlert(await ctxFor(t.manager.id), { alertId: alert.id, reason: "Known false positive" }),
      ]);
      const results = [a, b];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(loser && !loser.ok ? loser.message : "").toMatch(/^Already decided: (promoted|dismissed) by /);
      const row = await db().alert.findUniqueOrThrow({ where: { id: alert.id } });
      const decisions = await db().auditEvent.count({
        where: { entityId: alert.id, action: { in: ["alert.promote", "alert.dismiss"] } },
      });
      expect(decisions).toBe(1);
      // the loser left nothing behind: one incident per promotion that won, no more
      expect(row.status === "PROMOTED" || row.status === "DISMISSED").toBe(true);
      expect(await db().incident.count({ where: { organizationId: t.org.id } })).toBe(
        await db().alert.count({ where: { organizationId: t.org.id, status: "PROMOTED" } }),
      );
    }
  });

  it("merges into an open incident of the same client: its evidence gains the alert, sealed; other clients' incidents are refused", async () => {
    const t = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    const incident = await logIncident(manager, t.clientA.id);
    const ofB = await logIncident(manager, t.clientB.id);
    const alert = await alertIn(t.org.id, t.clientA.id, { title: "DLP: payroll file mailed outside", count: 3 });
    const wrong = await mergeAlert(await ctxFor(t.analyst.id), { alertId: alert.id, incidentId: ofB.id });
    expect(wrong).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(wrong.ok ? null : wrong.fieldErrors?.incidentId).toEqual([
      "Choose an open incident of this alert's client.",
    ]);
    const r = await mergeAlert(await ctxFor(t.analyst.id), { alertId: alert.id, incidentId: incident.id });
    expect(r).toEqual({ ok: true, value: { id: alert.id, incidentId: incident.id } });
    expect(await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      status: "MERGED",
      incidentId: incident.id,
    });
    const evidence = await db().evidence.findMany({ where: { incidentId: incident.id } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.location).toContain(alert.id);
    expect(evidence[0]?.description).not.toContain("payroll"); // sealed under the incident's key
    const detail = await import("@/server/data/incident-detail").then((m) =>
      m.getIncidentDetail(manager.viewer, incident.id),
    );
    expect(JSON.stringify(detail)).toContain("DLP: payroll file mailed outside");
    const [entry] = await auditOf(alert.id, "alert.merge");
    expect(entry).toMatchObject({ incidentId: incident.id, entityType: "Alert", actorId: t.analyst.id });
    expect(entry?.changes).toMatchObject({ alertId: alert.id, count: 3, reference: incident.reference });
  });

  it("promotes to a new incident in Identify with the alert's facts, through the create-incident service", async () => {
    const t = await makeTenant();
    const alert = await alertIn(t.org.id, t.clientA.id, {
      title: "Ransomware note found on file server",
      type: null,
      severity: "CRITICAL",
      observedAt: new Date("2026-01-10T09:00:00Z"),
      receivedAt: new Date("2026-01-10T09:02:00Z"),
      dataCategories: ["PERSONAL", "HEALTH"],
      assets: ["fs-01", "FS-01 ", "backup-02"],
      jurisdictions: ["US-TX"],
    });
    const promotion = await confirmedPromotion(t.analyst.id, alert.id);
    const r = await promoteAlert(await ctxFor(t.analyst.id), promotion);
    if (!r.ok) throw new Error(r.message);
    const incident = await db().incident.findUniqueOrThrow({
      where: { id: r.value.id },
      include: { assets: true, evidence: true, checklist: true, obligations: true },
    });
    expect(incident).toMatchObject({
      phase: "IDENTIFY",
      clientId: t.clientA.id,
      type: "CYBERATTACK", // guessed from "Ransomware"
      severity: "CRITICAL",
      reporterId: t.analyst.id,
      ownerId: t.analyst.id,
      dataCategories: ["PERSONAL", "HEALTH"],
      jurisdictions: ["US-TX"],
    });
    expect(incident.detectedAt.toISOString()).toBe("2026-01-10T09:00:00.000Z");
    expect(incident.awareAt.toISOString()).toBe("2026-01-10T09:02:00.000Z");
    expect(incident.assets).toHaveLength(2); // fs-01 once, whatever its case
    expect(incident.evidence).toHaveLength(1);
    expect(incident.checklist.length).toBeGreaterThan(0); // the default checklist of its type
    expect(incident.obligations.length).toBeGreaterThan(0); // deadlines computed as for any incident
    expect(await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      status: "PROMOTED",
      incidentId: incident.id,
    });
    const [entry] = await auditOf(alert.id, "alert.promote");
    expect(entry).toMatchObject({ incidentId: incident.id, actorId: t.analyst.id });
    expect(await db().auditEvent.count({ where: { incidentId: incident.id, action: "incident.create" } })).toBe(1);
  });

  it("refuses a promotion whose confirmed facts are wrong, naming the field, and leaves the alert undecided", async () => {
    const t = await makeTenant();
    const alert = await alertIn(t.org.id, t.clientA.id);
    const parsed = promoteAlertSchema(new Date()).safeParse({ alertId: alert.id, clientId: t.clientA.id, title: "x" });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["title", "summary", "type", "severity", "detectedAt"]));
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("NEW");
  });

  it("queues the viewer's clients' alerts by tab, most severe first then longest waiting", async () => {
    const t = await makeTenant();
    const low = await alertIn(t.org.id, t.clientA.id, {
      severity: "LOW",
      receivedAt: new Date("2026-01-10T08:00:00Z"),
    });
    const highLate = await alertIn(t.org.id, t.clientA.id, {
      severity: "HIGH",
      receivedAt: new Date("2026-01-10T10:00:00Z"),
    });
    const highEarly = await alertIn(t.org.id, t.clientA.id, {
      severity: "HIGH",
      receivedAt: new Date("2026-01-10T09:00:00Z"),
      count: 4,
    });
    const ofB = await alertIn(t.org.id, t.clientB.id, { severity: "CRITICAL" });
    const analyst = await ctxFor(t.analyst.id);
    const now = new Date("2026-01-10T12:00:00Z");
    const open = await listAlertQueue(analyst.viewer, parseAlertQueueQuery({}), now);
    expect(open.rows.map((r) => r.id)).toEqual([highEarly.id, highLate.id, low.id]);
    expect(open.counts).toMatchObject({ open: 3, new: 2, grouped: 1, dismissed: 0 });
    const grouped = await listAlertQueue(analyst.viewer, parseAlertQueueQuery({ tab: "grouped" }), now);
    expect(grouped.rows.map((r) => [r.id, r.count])).toEqual([[highEarly.id, 4]]);
    const severe = await listAlertQueue(analyst.viewer, parseAlertQueueQuery({ severity: "HIGH", age: "1h" }), now);
    expect(severe.rows).toEqual([]);
    const manager = await ctxFor(t.manager.id);
    const all = await listAlertQueue(manager.viewer, parseAlertQueueQuery({}), now);
    expect(all.rows[0]?.id).toBe(ofB.id);
    const onlyB = await listAlertQueue(analyst.viewer, parseAlertQueueQuery({ clientId: t.clientB.id }), now);
    expect(onlyB.rows).toEqual([]);
  });
});
