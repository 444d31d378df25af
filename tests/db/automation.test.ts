import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { saveAutomationRule, setAutomationRuleEnabled } from "@/server/services/automation/manage-rules";
import { onAlertCreated } from "@/server/services/automation/on-alert-created";
import { AUTOMATION_FAILURE_LIMIT, runAutomation } from "@/server/services/automation/run-automation";
import { dryRunRule, getAutomationRule } from "@/server/data/automation";
import { saveRuleSchema } from "@/lib/validation/automation-rule";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { alertIn } from "../support/alert-fixture";

type Form = Record<string, string | string[]>;

/** A rule as the form posts it: column lists, one value per row. */
async function saveRule(adminId: string, form: Form) {
  const parsed = saveRuleSchema.safeParse(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  const r = await saveAutomationRule(await ctxFor(adminId), parsed.data);
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}

describe("automation rules", () => {
  it("refuses a condition naming an unknown field or operator, naming the row, and saves nothing", async () => {
    const t = await makeTenant();
    const parsed = saveRuleSchema.safeParse({
      name: "Bad rule",
      trigger: "alert.created",
      conditionField: ["source", "hostname"],
      conditionOp: ["matches", "equals"],
      conditionValue: ["wazuh", "db-01"],
      actionKind: ["promote_to_incident"],
      actionValue: [""],
    });
    expect(parsed.success).toBe(false);
    const errors = Object.fromEntries(parsed.error?.issues.map((i) => [i.path.join("."), i.message]) ?? []);
    expect(errors["definition.conditions.0.op"]).toMatch(/Unknown operator "matches" for source/);
    expect(errors["definition.conditions.1.field"]).toMatch(/Unknown field "hostname"/);
    // a client of another organization is refused by the service, on its row
    const other = await makeTenant();
    const form = saveRuleSchema.parse({
      name: "Other org's client",
      trigger: "alert.created",
      conditionField: "client",
      conditionOp: "equals",
      conditionValue: other.clientA.id,
      actionKind: "promote_to_incident",
    });
    const r = await saveAutomationRule(await ctxFor(t.admin.id), form);
    expect(r.ok ? null : r.fieldErrors).toEqual({
      "definition.conditions.0.value": ["Choose one of your organization's clients."],
    });
    expect(await db().automationRule.count({ where: { organizationId: t.org.id } })).toBe(0);
  });

  it("acts on a matching alert, each action audited with the rule and the version that fired, once per alert", async () => {
    const t = await makeTenant();
    const first = await saveRule(t.admin.id, {
      name: "Severe VPN alerts",
      enabled: "on",
      trigger: "alert.created",
      conditionField: ["source"],
      conditionOp: ["equals"],
      conditionValue: ["wazuh"],
      actionKind: ["promote_to_incident"],
      actionValue: [""],
    });
    // the edit makes version 2: that is the version that fires
    const edited = await saveRule(t.admin.id, {
      ruleId: first.id,
      version: "1",
      name: "Severe VPN alerts",
      trigger: "alert.created",
      conditionField: ["source", "severity", "text"],
      conditionOp: ["equals", "at_least", "contains"],
      conditionValue: ["WAZUH", "HIGH", "vpn"],
      actionKind: ["notify_managers", "add_checklist_items", "assign_person", "promote_to_incident", "set_severity"],
      actionValue: ["VPN under attack", "Reset the VPN keys\nCall the client", t.analyst.id, "", "CRITICAL"],
    });
    expect(edited.version).toBe(2);
    const versions = await db().automationRuleVersion.findMany({
      where: { ruleId: first.id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);

    const alert = await alertIn(t.org.id, t.clientA.id, { severity: "HIGH", title: "Brute force on agent VPN" });
    const [result] = await onAlertCreated(alert.id);
    expect(result).toMatchObject({ status: "done" });
    const incident = await db().incident.findFirstOrThrow({
      where: { organizationId: t.org.id },
      include: { checklist: true },
    });
    expect(incident).toMatchObject({ severity: "CRITICAL", ownerId: t.analyst.id, phase: "IDENTIFY" });
    expect(incident.checklist.filter((c) => c.key.startsWith("auto-")).map((c) => c.label)).toEqual([
      "Reset the VPN keys",
      "Call the client",
    ]);
    expect(await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      status: "PROMOTED",
      incidentId: incident.id,
      severity: "CRITICAL",
    });
    const notified = await db().staffNotification.findMany({ where: { userId: t.manager.id, kind: "automation" } });
    expect(notified).toHaveLength(1);
    expect(notified[0]?.message).toContain("VPN under attack");

    const entries = await db().auditEvent.findMany({
      where: { organizationId: t.org.id, action: "automation.action" },
    });
    expect(entries.map((e) => (e.changes as { action: string }).action).sort()).toEqual(
      ["add_checklist_items", "assign_person", "notify_managers", "promote_to_incident", "set_severity"].sort(),
    );
    for (const e of entries) expect(e.changes).toMatchObject({ ruleId: first.id, ruleVersion: 2 });
    const promoted = await db().auditEvent.findFirstOrThrow({ where: { entityId: alert.id, action: "alert.promote" } });
    expect(promoted.changes).toMatchObject({ ruleId: first.id, ruleVersion: 2 });
    expect(promoted.actorLabel).toContain("version 2");

    const runs = await db().automationRun.findMany({ where: { ruleId: first.id } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ ruleVersion: 2, matched: true, error: null, subjectId: alert.id });

    // the job delivered again: the rule does not run twice
    expect(await onAlertCreated(alert.id)).toEqual([{ ruleId: first.id, status: "already_ran" }]);
    expect(await db().incident.count({ where: { organizationId: t.org.id } })).toBe(1);

    // an alert the conditions do not match: logged as not matched, nothing else
    const quiet = await alertIn(t.org.id, t.clientA.id, { severity: "LOW", title: "VPN login from new device" });
    expect(await onAlertCreated(quiet.id)).toEqual([{ ruleId: first.id, status: "not_matched" }]);
    expect(await db().alert.findUniqueOrThrow({ where: { id: quiet.id } })).toMatchObject({ status: "NEW" });
    expect((await getAutomationRule((await ctxFor(t.admin.id)).viewer, first.id))?.runs.map((r) => r.matched)).toEqual([
      false,
      true,
    ]);
  });

  it("runs incident rules on an incident event", async () => {
    const t = await makeTenant();
    const rule = await saveRule(t.admin.id, {
      name: "Health data checklist",
      enabled: "on",
      trigger: "incident.created",
      conditionField: "dataCategories",
      conditionOp: "any_of",
      conditionValue: "HEALTH",
      actionKind: "add_checklist_items",
      actionValue: "Tell the client's privacy officer",
    });
    const incident = await logIncident(await ctxFor(t.manager.id), t.clientA.id);
    const results = await runAutomation(
      {
        trigger: "incident.created",
        subjectType: "incident",
        subjectId: incident.id,
        eventKey: `incident.created:${incident.id}`,
      },
      new Date(),
    );
    expect(results).toEqual([expect.objectContaining({ ruleId: rule.id, status: "done" })]);
    const items = await db().checklistItem.findMany({
      where: { incidentId: incident.id, key: { startsWith: "auto-" } },
    });
    expect(items.map((i) => i.label)).toEqual(["Tell the client's privacy officer"]);
    const [entry] = await db().auditEvent.findMany({ where: { incidentId: incident.id, action: "automation.action" } });
    expect(entry?.changes).toMatchObject({ ruleId: rule.id, ruleVersion: 1, action: "add_checklist_items" });

    // a phase rule reads the phase entered: Identify matches, a rule for Contain does not
    const phaseRule = (phase: string) =>
      saveRule(t.admin.id, {
        name: `Entered ${phase}`,
        enabled: "on",
        trigger: "incident.phase_changed",
        conditionField: ["phase", "text"],
        conditionOp: ["equals", "contains"],
        conditionValue: [phase, "CLAIM FORMS"], // in the internal description, sealed at rest
        actionKind: "notify_managers",
        actionValue: `Now in ${phase}`,
      });
    const identify = await phaseRule("IDENTIFY");
    const contain = await phaseRule("CONTAIN");
    const changed = await runAutomation(
      {
        trigger: "incident.phase_changed",
        subjectType: "incident",
        subjectId: incident.id,
        eventKey: `incident.phase_changed:${incident.id}:2`,
      },
      new Date(),
    );
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: identify.id, status: "done" }),
        { ruleId: contain.id, status: "not_matched" },
      ]),
    );
    expect(await db().staffNotification.count({ where: { userId: t.manager.id, kind: "automation" } })).toBe(1);
  });

  it(`disables a rule after ${AUTOMATION_FAILURE_LIMIT} failed runs in a row and tells the administrators; failed runs leave nothing`, async () => {
    const t = await makeTenant();
    const rule = await saveRule(t.admin.id, {
      name: "Give it to the analyst",
      enabled: "on",
      trigger: "alert.created",
      actionKind: ["promote_to_incident", "assign_person"],
      actionValue: ["", t.analyst.id],
    });
    // the named analyst leaves client A: each assignment is refused, so each run fails whole
    await db().clientAssignment.deleteMany({ where: { userId: t.analyst.id } });
    const alerts = [];
    for (let i = 0; i < AUTOMATION_FAILURE_LIMIT; i++) {
      const alert = await alertIn(t.org.id, t.clientA.id);
      alerts.push(alert);
      const [result] = await onAlertCreated(alert.id);
      expect(result).toMatchObject({ status: "failed", disabled: i === AUTOMATION_FAILURE_LIMIT - 1 });
      expect(result?.status === "failed" ? result.error : "").toContain("Choose someone who works for this client.");
    }
    for (const a of alerts) expect((await db().alert.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("NEW");
    expect(await db().incident.count({ where: { organizationId: t.org.id } })).toBe(0);
    const after = await db().automationRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(after).toMatchObject({ enabled: false, consecutiveFailures: AUTOMATION_FAILURE_LIMIT });
    expect(after.disabledReason).toMatch(/^Disabled after 3 failed runs in a row/);
    const told = await db().staffNotification.findMany({
      where: { kind: "automation_disabled", user: { organizationId: t.org.id } },
    });
    expect(told.map((n) => n.userId)).toEqual([t.admin.id]);
    expect(await db().auditEvent.count({ where: { entityId: rule.id, action: "automation.rule_failed" } })).toBe(2);
    expect(await db().auditEvent.count({ where: { entityId: rule.id, action: "automation.rule_disabled" } })).toBe(1);
    // a disabled rule does not run; enabling it clears the count
    const next = await alertIn(t.org.id, t.clientA.id);
    expect(await onAlertCreated(next.id)).toEqual([]);
    const enabled = await setAutomationRuleEnabled(await ctxFor(t.admin.id), { ruleId: rule.id, enabled: true });
    expect(enabled.ok).toBe(true);
    expect(await db().automationRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
    });
  });

  it("dry run: says what the rule would do to the last 100 alerts and writes nothing", async () => {
    const t = await makeTenant();
    const rule = await saveRule(t.admin.id, {
      name: "Critical DLP",
      trigger: "alert.created",
      conditionField: ["dataCategories"],
      conditionOp: ["any_of"],
      conditionValue: ["HEALTH, PAYMENT_CARD"],
      actionKind: ["promote_to_incident", "set_severity", "assign_on_call"],
      actionValue: ["", "CRITICAL", ""],
    });
    const health = await alertIn(t.org.id, t.clientA.id, {
      dataCategories: ["HEALTH"],
      title: "DLP: PHI in outbound mail",
    });
    await alertIn(t.org.id, t.clientB.id, { dataCategories: ["OPERATIONAL_ONLY"] });
    const counts = async () => ({
      incidents: await db().incident.count({ where: { organizationId: t.org.id } }),
      decided: await db().alert.count({ where: { organizationId: t.org.id, NOT: { status: "NEW" } } }),
      severities: (await db().alert.findMany({ where: { organizationId: t.org.id }, select: { severity: true } })).map(
        (a) => a.severity,
      ),
      runs: await db().automationRun.count({ where: { ruleId: rule.id } }),
      audit: await db().auditEvent.count({ where: { organizationId: t.org.id } }),
      pending: await db().auditEventPending.count({ where: { organizationId: t.org.id } }),
      notifications: await db().staffNotification.count({ where: { user: { organizationId: t.org.id } } }),
      deliveries: await db().webhookDelivery.count({ where: { organizationId: t.org.id } }),
      rule: await db().automationRule.findUniqueOrThrow({ where: { id: rule.id } }),
    });
    const before = await counts();
    const admin = await ctxFor(t.admin.id);
    const dry = await dryRunRule(admin.viewer, rule.id, new Date());
    expect(dry?.applicable).toBe(true);
    if (!dry?.applicable) return;
    expect(dry.matched).toBe(1);
    const row = dry.rows.find((r) => r.alertId === health.id);
    expect(row?.plan).toEqual([
      "Set the severity to Critical",
      "Promote it to a new incident (Cyberattack, Critical)",
      "Assign the on-call analyst (nobody is on call now)",
    ]);
    expect(await counts()).toEqual(before);
    // another organization's rule is not there to dry-run
    const other = await makeTenant();
    expect(await dryRunRule((await ctxFor(other.admin.id)).viewer, rule.id, new Date())).toBeNull();
  });
});
