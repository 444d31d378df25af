import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, afterCommit, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { readCipher } from "../../crypto/incident-keys";
import { loadViewer } from "../../data/load-viewer";
import { onCallNow } from "../../data/on-call";
import { isBusy } from "../../busy";
import { isUnavailable } from "../../unavailable";
import { sendMail } from "../../mailer";
import { describeError, log } from "../../log";
import { ServiceFailure } from "../result";
import type { ServiceContext } from "../context";
import { auditIncident, lockIncident } from "../incidents/common";
import { transitionIncidentIn } from "../incidents/transition-incident";
import { assignIncidentOwnerIn } from "../incidents/assign-incident-owner";
import { lockUndecidedAlert, promoteAlertIn } from "../alerts/decide-alert";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import type { AutomationJob } from "./queue-automation";
import { can } from "@/domain/access/can";
import { evaluate } from "@/domain/automation/evaluate";
import { type AutomationEvent, type Rule, type RuleAction } from "@/domain/automation/rule";
import { SEVERITIES, SEVERITY_LABEL } from "@/domain/incident/types";
import { promotionFacts } from "@/domain/triage/promotion";
import { isJurisdiction } from "@/domain/incident/jurisdictions";
import { storedRule } from "@/lib/validation/automation-rule";
import { createIncidentSchema } from "@/lib/validation/incident";
import type { Alert, AutomationRule, Prisma } from "@/generated/prisma/client";

/** Runs in a row ending in an error after which a rule is disabled (and administrators told). */
export const AUTOMATION_FAILURE_LIMIT = 3;

export type ActionOutcome = { kind: RuleAction["kind"]; outcome: string };
export type RuleRunResult =
  | { ruleId: string; status: "not_matched" | "already_ran" | "disabled" }
  | { ruleId: string; status: "done"; actions: ActionOutcome[] }
  | { ruleId: string; status: "failed"; error: string; disabled: boolean };

type Subject = {
  organizationId: string;
  clientId: string;
  event: AutomationEvent;
  alertId: string | null;
  incidentId: string | null;
};

/** The event's subject as it is now, as facts for the rules (null when it is gone or erased). */
async function loadSubject(client: Tx, job: AutomationJob): Promise<Subject | null> {
  if (job.subjectType === "alert") {
    const a = await client.alert.findUnique({ where: { id: job.subjectId } });
    if (!a) return null;
    return {
      organizationId: a.organizationId,
      clientId: a.clientId,
      alertId: a.id,
      incidentId: null,
      event: {
        trigger: job.trigger,
        subject: {
          kind: "alert",
          clientId: a.clientId,
          source: a.source,
          type: a.type,
          severity: a.severity,
          dataCategories: a.dataCategories,
          title: a.title,
          description: null,
          phase: null,
        },
      },
    };
  }
  const i = await client.incident.findUnique({ where: { id: job.subjectId } });
  if (!i || i.erasedAt) return null;
  const origin = await client.alert.findFirst({
    where: { incidentId: i.id, status: "PROMOTED" },
    select: { source: true },
  });
  const summary = (await readCipher(client, i.id)).open("incident.summary", i.summary);
  return {
    organizationId: i.organizationId,
    clientId: i.clientId,
    alertId: null,
    incidentId: i.id,
    event: {
      trigger: job.trigger,
      subject: {
        kind: "incident",
        clientId: i.clientId,
        source: origin?.source ?? null,
        type: i.type,
        severity: i.severity,
        dataCategories: i.dataCategories,
        title: i.title,
        description: summary,
        phase: i.phase,
      },
    },
  };
}

/** A failure a rule can meet doing its work, said in words for its log and the administrators. */
class RuleError extends Error {}

const ruleLabel = (rule: Pick<AutomationRule, "name" | "version">) => `rule “${rule.name}” (version ${rule.version})`;

type RunState = { alert: Alert | null; incidentId: string | null; reference: string | null };

async function currentIncident(tx: Tx, state: RunState) {
  if (!state.incidentId) return null;
  await lockIncident(tx, state.incidentId);
  return tx.incident.findUnique({ where: { id: state.incidentId } });
}

/** Runs one action; returns what it did (or why it did nothing), and audits it with the rule and version. */
async function runAction(
  tx: Tx,
  ctx: ServiceContext,
  rule: AutomationRule,
  subject: Subject,
  state: RunState,
  action: RuleAction,
): Promise<string> {
  const fired = { ruleId: rule.id, ruleVersion: rule.version, ruleName: rule.name, action: action.kind };
  const auditAction = async (outcome: string, details: Record<string, Prisma.InputJsonValue | null> = {}) => {
    const changes = { ...fired, outcome, ...details };
    if (state.incidentId)
      await auditIncident(
        tx,
        ctx,
        { id: state.incidentId, organizationId: subject.organizationId },
        "automation.action",
        changes,
        {
          type: "AutomationRule",
          id: rule.id,
        },
      );
    else
      await appendAudit(tx, {
        organizationId: subject.organizationId,
        actor: { id: ctx.viewer.userId, label: ctx.viewer.name },
        action: "automation.action",
        entityType: state.alert ? "Alert" : "AutomationRule",
        entityId: state.alert?.id ?? rule.id,
        changes: { ...changes, alertId: state.alert?.id ?? null },
        requestId: ctx.requestId ?? null,
        at: ctx.now,
      });
    return outcome;
  };

  switch (action.kind) {
    case "set_severity": {
      const incident = await currentIncident(tx, state);
      if (incident) {
        if (incident.severity === action.severity) return `severity already ${SEVERITY_LABEL[action.severity]}`;
        if (incident.phase === "CLOSED") return "not done: the incident is closed";
        await transitionIncidentIn(tx, ctx, {
          incidentId: incident.id,
          version: incident.version,
          kind: "CHANGE_SEVERITY",
          severity: action.severity,
          reason: `Set by automation ${ruleLabel(rule)}`,
        });
        return auditAction(`severity ${SEVERITY_LABEL[incident.severity]} → ${SEVERITY_LABEL[action.severity]}`);
      }
      const alert = state.alert;
      if (!alert || (alert.status !== "NEW" && alert.status !== "GROUPED"))
        return "not done: the alert was already decided";
      if (alert.severity === action.severity) return `severity already ${SEVERITY_LABEL[action.severity]}`;
      // only while nobody has decided it (an analyst may be deciding it at this moment)
      const { count } = await tx.alert.updateMany({
        where: { id: alert.id, status: { in: ["NEW", "GROUPED"] } },
        data: {
          severity: action.severity,
          severityRank: SEVERITIES.indexOf(action.severity) + 1,
          version: { increment: 1 },
        },
      });
      if (count !== 1) return "not done: the alert was already decided";
      state.alert = { ...alert, severity: action.severity, severityRank: SEVERITIES.indexOf(action.severity) + 1 };
      return auditAction(`alert severity ${SEVERITY_LABEL[alert.severity]} → ${SEVERITY_LABEL[action.severity]}`);
    }
    case "promote_to_incident": {
      if (!state.alert) return "not done: no alert";
      let alert: Alert;
      try {
        alert = await lockUndecidedAlert(tx, ctx, state.alert.id);
      } catch (error) {
        if (error instanceof ServiceFailure && error.failure.code === "CONFLICT")
          return "not done: an analyst decided the alert first";
        throw error;
      }
      const facts = promotionFacts(alert);
      const parsed = createIncidentSchema(ctx.now).safeParse({
        clientId: alert.clientId,
        title: facts.title,
        summary: facts.summary,
        type: facts.type,
        severity: facts.severity,
        timeZone: "UTC",
        detectedAt: facts.detectedAt.toISOString(),
        awareAt: facts.awareAt.toISOString(),
        dataCategories: facts.dataCategories,
        jurisdictions: facts.jurisdictions.filter(isJurisdiction),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new RuleError(`The alert's facts do not make an incident: ${issue?.path.join(".")}: ${issue?.message}`);
      }
      const created = await promoteAlertIn(tx, ctx, alert, parsed.data, facts.assets, {
        ruleId: rule.id,
        ruleVersion: rule.version,
      });
      state.incidentId = created.id;
      state.reference = created.reference;
      state.alert = { ...alert, status: "PROMOTED", incidentId: created.id };
      return auditAction(`promoted to ${created.reference}`, { incidentId: created.id, reference: created.reference });
    }
    case "assign_on_call":
    case "assign_person": {
      const incident = await currentIncident(tx, state);
      if (!incident) return "not done: no incident";
      let ownerId: string;
      if (action.kind === "assign_person") ownerId = action.userId;
      else {
        const onCall = await onCallNow(
          tx,
          { organizationId: subject.organizationId, clientId: incident.clientId },
          ctx.now,
        );
        if (!onCall?.primary) return "not done: nobody is on call for this client";
        ownerId = onCall.primary.id;
      }
      if (incident.ownerId === ownerId) return "already assigned to them";
      if (incident.phase === "CLOSED") return "not done: the incident is closed";
      await assignIncidentOwnerIn(tx, ctx, { incidentId: incident.id, version: incident.version, ownerId });
      return auditAction(
        action.kind === "assign_on_call" ? "assigned the on-call analyst" : "assigned the named person",
        {
          ownerId,
        },
      );
    }
    case "add_checklist_items": {
      const incident = await currentIncident(tx, state);
      if (!incident) return "not done: no incident";
      if (incident.phase === "CLOSED") return "not done: the incident is closed";
      const last = await tx.checklistItem.aggregate({ where: { incidentId: incident.id }, _max: { position: true } });
      const start = (last._max.position ?? -1) + 1;
      const { count } = await tx.checklistItem.createMany({
        data: action.items.map((label, i) => ({
          incidentId: incident.id,
          phase: incident.phase,
          // the same item from the same label: a rule firing again adds nothing twice
          key: `auto-${createHash("sha256").update(label).digest("hex").slice(0, 32)}`,
          label,
          required: false,
          position: start + i,
        })),
        skipDuplicates: true,
      });
      return auditAction(`added ${count} checklist item${count === 1 ? "" : "s"}`, { items: action.items });
    }
    case "notify_managers": {
      const managers = await tx.user.findMany({
        where: { organizationId: subject.organizationId, role: "MANAGER", active: true },
        select: { id: true },
      });
      if (!managers.length) return "not done: the organization has no active manager";
      const about = state.reference ?? (state.alert ? `an alert from ${state.alert.source}` : "an incident");
      const message = `Automation ${ruleLabel(rule)} on ${about}${action.message ? `: ${action.message}` : "."}`;
      await tx.staffNotification.createMany({
        data: managers.map((m) => ({
          userId: m.id,
          incidentId: state.incidentId,
          kind: "automation",
          message: message.slice(0, 500),
          createdAt: ctx.now,
        })),
      });
      return auditAction(`notified ${managers.length} manager${managers.length === 1 ? "" : "s"}`);
    }
    case "send_webhook": {
      const s = subject.event.subject;
      const n = await emitWebhookEvent(tx, {
        organizationId: subject.organizationId,
        event: "automation.rule_fired",
        payload: {
          ruleId: rule.id,
          ruleVersion: rule.version,
          trigger: subject.event.trigger,
          subjectType: s.kind,
          subjectId: subject.alertId ?? subject.incidentId,
          clientId: s.clientId,
          severity: state.alert?.severity ?? s.severity,
          type: s.type,
          incidentId: state.incidentId,
          reference: state.reference,
        },
        at: ctx.now,
      });
      return auditAction(n ? `queued ${n} webhook deliver${n === 1 ? "y" : "ies"}` : "no subscription to send to");
    }
  }
}

/** The administrator a rule acts as: whoever saved its version, while they may still manage rules. */
async function actingAs(rule: AutomationRule, now: Date): Promise<ServiceContext> {
  const author = await loadViewer(rule.updatedById);
  if (!author || author.organizationId !== rule.organizationId || !can(author, "automation:manage"))
    throw new RuleError("The administrator who saved this version can no longer manage rules; save the rule again.");
  return {
    viewer: { ...author, name: `${author.name} (automation ${ruleLabel(rule)})` },
    now,
    requestId: `automation-${randomUUID().slice(0, 8)}`,
    ip: null,
  };
}

const failureText = (error: unknown, reference: string): string => {
  if (error instanceof RuleError) return error.message.slice(0, 500);
  if (error instanceof ServiceFailure) {
    const field = Object.values(error.failure.fieldErrors ?? {})[0]?.[0];
    return `${error.failure.message}${field ? ` ${field}` : ""}`.slice(0, 500);
  }
  return `An unexpected error (reference ${reference}); nothing of this run was saved.`;
};

/** One rule against one event, once: its actions and their audit entries commit together or not at all. */
export async function runRule(ruleId: string, job: AutomationJob, now: Date): Promise<RuleRunResult> {
  let matched = false;
  try {
    return await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "AutomationRule" WHERE id = ${ruleId}::uuid FOR UPDATE`;
      const rule = await tx.automationRule.findUnique({ where: { id: ruleId } });
      if (!rule || !rule.enabled) return { ruleId, status: "disabled" } as const;
      const ran = await tx.automationRun.findUnique({ where: { ruleId_eventKey: { ruleId, eventKey: job.eventKey } } });
      if (ran) return { ruleId, status: "already_ran" } as const;
      const subject = await loadSubject(tx, job);
      if (!subject || subject.organizationId !== rule.organizationId) return { ruleId, status: "not_matched" } as const;
      let definition: Rule;
      try {
        definition = storedRule(rule.definition);
      } catch {
        throw new RuleError("The rule's stored definition is no longer valid; open it and save it again.");
      }
      const evaluation = evaluate(definition, subject.event);
      const run = {
        ruleId,
        ruleVersion: rule.version,
        trigger: job.trigger,
        subjectType: job.subjectType,
        subjectId: job.subjectId,
        eventKey: job.eventKey,
        at: now,
      };
      if (!evaluation.matched) {
        await tx.automationRun.create({ data: { ...run, matched: false, actions: [] } });
        return { ruleId, status: "not_matched" } as const;
      }
      matched = true;
      const ctx = await actingAs(rule, now);
      const alert = subject.alertId ? await tx.alert.findUnique({ where: { id: subject.alertId } }) : null;
      const state: RunState = { alert, incidentId: subject.incidentId, reference: null };
      if (subject.incidentId)
        state.reference =
          (await tx.incident.findUnique({ where: { id: subject.incidentId }, select: { reference: true } }))
            ?.reference ?? null;
      const actions: ActionOutcome[] = [];
      for (const action of evaluation.actions)
        actions.push({ kind: action.kind, outcome: await runAction(tx, ctx, rule, subject, state, action) });
      await tx.automationRun.create({ data: { ...run, matched: true, actions } });
      if (rule.consecutiveFailures)
        await tx.automationRule.update({ where: { id: rule.id }, data: { consecutiveFailures: 0 } });
      return { ruleId, status: "done", actions } as const;
    });
  } catch (error) {
    // the database away or busy is no fault of the rule: the job is retried
    if (isBusy(error) || isUnavailable(error)) throw error;
    const reference = randomUUID().slice(0, 8);
    if (!(error instanceof RuleError) && !(error instanceof ServiceFailure))
      log.error("automation.rule_error", { ruleId, eventKey: job.eventKey, reference, ...describeError(error) });
    const message = failureText(error, reference);
    const disabled = await recordFailure(ruleId, job, now, message, matched);
    return { ruleId, status: "failed", error: message, disabled };
  }
}

/**
 * A failed run: logged, counted, and at AUTOMATION_FAILURE_LIMIT in a row the rule is disabled,
 * with an in-app notification (and an e-mail where SMTP is set up) to every active administrator.
 */
async function recordFailure(ruleId: string, job: AutomationJob, now: Date, message: string, matched: boolean) {
  const admins: Array<{ email: string }> = [];
  let subjectLine = "";
  let text = "";
  const disabled = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "AutomationRule" WHERE id = ${ruleId}::uuid FOR UPDATE`;
    const rule = await tx.automationRule.findUnique({ where: { id: ruleId } });
    if (!rule) return false;
    const ran = await tx.automationRun.findUnique({ where: { ruleId_eventKey: { ruleId, eventKey: job.eventKey } } });
    if (ran) return false;
    await tx.automationRun.create({
      data: {
        ruleId,
        ruleVersion: rule.version,
        trigger: job.trigger,
        subjectType: job.subjectType,
        subjectId: job.subjectId,
        eventKey: job.eventKey,
        matched,
        actions: [],
        error: message,
        at: now,
      },
    });
    const failures = rule.consecutiveFailures + 1;
    const disable = rule.enabled && failures >= AUTOMATION_FAILURE_LIMIT;
    const disabledReason = `Disabled after ${failures} failed runs in a row. The last: ${message}`.slice(0, 500);
    await tx.automationRule.update({
      where: { id: rule.id },
      data: { consecutiveFailures: failures, ...(disable ? { enabled: false, disabledReason } : {}) },
    });
    await appendAudit(tx, {
      organizationId: rule.organizationId,
      actor: { id: null, label: "Warden automation" },
      action: disable ? "automation.rule_disabled" : "automation.rule_failed",
      entityType: "AutomationRule",
      entityId: rule.id,
      changes: { ruleId: rule.id, ruleVersion: rule.version, ruleName: rule.name, error: message, failures },
      at: now,
    });
    if (!disable) return false;
    const people = await tx.user.findMany({
      where: { organizationId: rule.organizationId, role: "ADMIN", active: true },
      select: { id: true, email: true },
    });
    subjectLine = `Warden: automation rule “${rule.name}” was disabled`;
    text = `${subjectLine} after ${failures} failed runs in a row.\n\nThe last error: ${message}\n\nOpen Administration → Automation to correct it and enable it again.`;
    await tx.staffNotification.createMany({
      data: people.map((p) => ({
        userId: p.id,
        kind: "automation_disabled",
        message: `Automation ${ruleLabel(rule)} was disabled after ${failures} failed runs: ${message}`.slice(0, 500),
        createdAt: now,
      })),
    });
    admins.push(...people);
    afterCommit(tx, `automation-disabled:${rule.id}`, async () => {
      for (const a of admins)
        await sendMail({ to: a.email, subject: subjectLine, text }).catch((error: unknown) =>
          log.warn("automation.mail_failed", { ruleId, ...describeError(error) }),
        );
    });
    return true;
  });
  return disabled;
}

/** Every enabled rule of the event's trigger in its organization, oldest first, each once. */
export async function runAutomation(job: AutomationJob, now: Date): Promise<RuleRunResult[]> {
  const subject =
    job.subjectType === "alert"
      ? await db().alert.findUnique({ where: { id: job.subjectId }, select: { organizationId: true } })
      : await db().incident.findUnique({ where: { id: job.subjectId }, select: { organizationId: true } });
  if (!subject) return [];
  const rules = await db().automationRule.findMany({
    where: { organizationId: subject.organizationId, trigger: job.trigger, enabled: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const results: RuleRunResult[] = [];
  for (const rule of rules) results.push(await runRule(rule.id, job, now));
  return results;
}
