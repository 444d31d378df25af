import "server-only";
import { db } from "../db";
import { alertWhere, automationRuleWhere, organizationClientsWhere, userWhere } from "./scope";
import { onCallNow } from "./on-call";
import type { Viewer } from "@/domain/access/can";
import { evaluate } from "@/domain/automation/evaluate";
import { ACTION_LABEL, type Rule, type RuleAction } from "@/domain/automation/rule";
import { SEVERITY_LABEL, TYPE_LABEL } from "@/domain/incident/types";
import { guessIncidentType } from "@/domain/triage/promotion";
import { actionToRow, conditionToRow, storedRule } from "@/lib/validation/automation-rule";

export const DRY_RUN_ALERTS = 100;
export const RECENT_RUNS = 30;

export async function listAutomationRules(viewer: Viewer) {
  const rules = await db().automationRule.findMany({
    where: automationRuleWhere(viewer),
    orderBy: [{ name: "asc" }],
    select: {
      id: true,
      name: true,
      trigger: true,
      enabled: true,
      version: true,
      disabledReason: true,
      consecutiveFailures: true,
      updatedAt: true,
      runs: { orderBy: { at: "desc" }, take: 1, select: { at: true, error: true, matched: true } },
    },
  });
  return rules.map(({ runs, ...r }) => ({ ...r, lastRun: runs[0] ?? null }));
}

const readRule = (definition: unknown): Rule | null => {
  try {
    return storedRule(definition);
  } catch {
    return null;
  }
};

/** A rule of the viewer's organization with its versions and latest runs (null otherwise, like a missing id). */
export async function getAutomationRule(viewer: Viewer, ruleId: string) {
  const rule = await db().automationRule.findFirst({
    where: automationRuleWhere(viewer, { id: ruleId }),
    include: {
      versions: { orderBy: { version: "desc" }, take: 20 },
      runs: { orderBy: { at: "desc" }, take: RECENT_RUNS },
    },
  });
  if (!rule) return null;
  const authors = await db().user.findMany({
    where: userWhere(viewer, { id: { in: [...new Set(rule.versions.map((v) => v.createdById))] } }),
    select: { id: true, name: true },
  });
  const definition = readRule(rule.definition);
  return {
    id: rule.id,
    name: rule.name,
    trigger: rule.trigger,
    enabled: rule.enabled,
    version: rule.version,
    disabledReason: rule.disabledReason,
    consecutiveFailures: rule.consecutiveFailures,
    conditions: definition?.conditions.map(conditionToRow) ?? [],
    actions: definition?.actions.map(actionToRow) ?? [],
    versions: rule.versions.map((v) => ({
      version: v.version,
      name: v.name,
      at: v.createdAt,
      by: authors.find((a) => a.id === v.createdById)?.name ?? "a former colleague",
    })),
    runs: rule.runs.map((r) => ({
      id: r.id,
      at: r.at,
      ruleVersion: r.ruleVersion,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      matched: r.matched,
      actions: Array.isArray(r.actions) ? (r.actions as Array<{ kind: string; outcome: string }>) : [],
      error: r.error,
    })),
  };
}
export type AutomationRuleDetail = NonNullable<Awaited<ReturnType<typeof getAutomationRule>>>;

/** What the form's pickers offer: the organization's clients and its active staff. */
export async function automationFormOptions(viewer: Viewer) {
  const [clients, staff] = await Promise.all([
    db().client.findMany({
      where: organizationClientsWhere(viewer),
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().user.findMany({
      where: userWhere(viewer, { active: true, role: { in: ["ADMIN", "MANAGER", "ANALYST"] } }),
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { clients, staff };
}

export type DryRunRow = {
  alertId: string;
  title: string;
  source: string;
  clientName: string;
  severity: string;
  receivedAt: Date;
  matched: boolean;
  plan: string[];
};

/**
 * What the rule would have done to the organization's last 100 alerts, decided from the rule as
 * saved and each alert as it is now. A read: nothing is written, nobody is told, no webhook goes.
 */
export async function dryRunRule(viewer: Viewer, ruleId: string, now: Date) {
  const rule = await db().automationRule.findFirst({
    where: automationRuleWhere(viewer, { id: ruleId }),
    select: { id: true, trigger: true, definition: true, version: true },
  });
  if (!rule) return null;
  const definition = readRule(rule.definition);
  if (!definition) return { applicable: false as const, reason: "The rule's stored definition is no longer valid." };
  if (definition.trigger !== "alert.created")
    return {
      applicable: false as const,
      reason: "The dry run replays alerts; this rule runs on incident events, so it has nothing to replay.",
    };
  const alerts = await db().alert.findMany({
    where: alertWhere(viewer),
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: DRY_RUN_ALERTS,
    include: { client: { select: { name: true } } },
  });
  const staff = await db().user.findMany({ where: userWhere(viewer), select: { id: true, name: true } });
  const onCall = new Map<string, string | null>();
  const onCallName = async (clientId: string) => {
    if (!onCall.has(clientId))
      onCall.set(
        clientId,
        (await onCallNow(db(), { organizationId: viewer.organizationId, clientId }, now))?.primary?.name ?? null,
      );
    return onCall.get(clientId) ?? null;
  };

  const rows: DryRunRow[] = [];
  for (const a of alerts) {
    const { matched, actions } = evaluate(definition, {
      trigger: "alert.created",
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
    });
    const decided = a.status !== "NEW" && a.status !== "GROUPED";
    let severity = a.severity;
    const describe = async (action: RuleAction): Promise<string> => {
      switch (action.kind) {
        case "set_severity":
          if (decided) return "Leave the severity: the alert was already decided";
          severity = action.severity;
          return `Set the severity to ${SEVERITY_LABEL[action.severity]}`;
        case "promote_to_incident":
          return decided
            ? `Not promote it: already ${a.status.toLowerCase()}`
            : `Promote it to a new incident (${TYPE_LABEL[guessIncidentType(a)]}, ${SEVERITY_LABEL[severity]})`;
        case "assign_on_call": {
          const name = await onCallName(a.clientId);
          return name
            ? `Assign the on-call analyst (now ${name})`
            : "Assign the on-call analyst (nobody is on call now)";
        }
        case "assign_person":
          return `Assign ${staff.find((s) => s.id === action.userId)?.name ?? "someone no longer on staff"}`;
        case "add_checklist_items":
          return `Add ${action.items.length} checklist item${action.items.length === 1 ? "" : "s"}: ${action.items.join("; ")}`;
        case "notify_managers":
          return "Notify the managers";
        case "send_webhook":
          return "Send the automation.rule_fired webhook";
        default:
          return ACTION_LABEL[(action as RuleAction).kind];
      }
    };
    const plan: string[] = [];
    for (const action of actions) plan.push(await describe(action));
    rows.push({
      alertId: a.id,
      title: a.title,
      source: a.source,
      clientName: a.client.name,
      severity: a.severity,
      receivedAt: a.receivedAt,
      matched,
      plan,
    });
  }
  return { applicable: true as const, version: rule.version, rows, matched: rows.filter((r) => r.matched).length };
}
