import "server-only";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { automationRuleWhere, organizationClientsWhere, userWhere } from "../../data/scope";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { can } from "@/domain/access/can";
import type { Rule } from "@/domain/automation/rule";
import type { SaveRuleInput, SetRuleEnabledInput } from "@/lib/validation/automation-rule";
import type { Prisma } from "@/generated/prisma/client";

export const RULE_NOT_FOUND = "No such rule in your organization.";

/** The clients and people a rule names must be the organization's (checked when saved; a run checks again). */
async function checkReferences(tx: Tx, ctx: ServiceContext, rule: Rule) {
  const fieldErrors: Record<string, string[]> = {};
  for (const [i, c] of rule.conditions.entries()) {
    if (c.field !== "client") continue;
    const client = await tx.client.findFirst({
      where: organizationClientsWhere(ctx.viewer, { id: c.value }),
      select: { id: true },
    });
    if (!client) fieldErrors[`definition.conditions.${i}.value`] = ["Choose one of your organization's clients."];
  }
  for (const [i, a] of rule.actions.entries()) {
    if (a.kind !== "assign_person") continue;
    const person = await tx.user.findFirst({
      where: userWhere(ctx.viewer, { id: a.userId, active: true, role: { in: ["ADMIN", "MANAGER", "ANALYST"] } }),
      select: { id: true },
    });
    if (!person) fieldErrors[`definition.actions.${i}.value`] = ["Choose an active member of staff."];
  }
  if (Object.keys(fieldErrors).length) fail("VALIDATION_FAILED", "Check the highlighted fields.", { fieldErrors });
}

const asJson = (rule: Rule) => rule as unknown as Prisma.InputJsonValue;

/** Creates a rule (version 1) or saves an edit as the next version; every version is kept. */
export async function saveAutomationRule(
  ctx: ServiceContext,
  input: SaveRuleInput,
): Promise<Result<{ id: string; version: number }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "automation:manage")) fail("REFUSED", "Only an administrator may manage automation rules.");
      const organizationId = ctx.viewer.organizationId;
      await checkReferences(tx, ctx, input.definition);
      const clash = await tx.automationRule.findFirst({
        where: automationRuleWhere(ctx.viewer, {
          name: input.name,
          ...(input.ruleId ? { id: { not: input.ruleId } } : {}),
        }),
        select: { id: true },
      });
      if (clash)
        fail("VALIDATION_FAILED", "Check the highlighted field.", {
          fieldErrors: { name: ["Another rule has this name."] },
        });

      if (!input.ruleId) {
        const rule = await tx.automationRule.create({
          data: {
            organizationId,
            name: input.name,
            trigger: input.definition.trigger,
            enabled: input.enabled,
            definition: asJson(input.definition),
            createdById: ctx.viewer.userId,
            updatedById: ctx.viewer.userId,
            createdAt: ctx.now,
            updatedAt: ctx.now,
            versions: {
              create: {
                version: 1,
                name: input.name,
                definition: asJson(input.definition),
                createdById: ctx.viewer.userId,
                createdAt: ctx.now,
              },
            },
          },
        });
        await appendAudit(tx, {
          ...auditContext(ctx),
          action: "automation.rule_create",
          entityType: "AutomationRule",
          entityId: rule.id,
          changes: {
            ruleId: rule.id,
            name: input.name,
            ruleVersion: 1,
            enabled: input.enabled,
            definition: asJson(input.definition),
          },
        });
        return { id: rule.id, version: 1 };
      }

      const current = await tx.automationRule.findFirst({
        where: automationRuleWhere(ctx.viewer, { id: input.ruleId }),
      });
      if (!current) fail("NOT_FOUND", RULE_NOT_FOUND);
      const version = input.version ?? 0;
      const { count } = await tx.automationRule.updateMany({
        where: { id: current.id, version },
        data: {
          name: input.name,
          trigger: input.definition.trigger,
          definition: asJson(input.definition),
          version: { increment: 1 },
          // a corrected rule starts counting its failures afresh
          consecutiveFailures: 0,
          updatedById: ctx.viewer.userId,
          updatedAt: ctx.now,
        },
      });
      if (count !== 1)
        fail(
          "CONFLICT",
          `Someone saved version ${current.version} of this rule meanwhile. Reload it, then edit again.`,
        );
      await tx.automationRuleVersion.create({
        data: {
          ruleId: current.id,
          version: version + 1,
          name: input.name,
          definition: asJson(input.definition),
          createdById: ctx.viewer.userId,
          createdAt: ctx.now,
        },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "automation.rule_update",
        entityType: "AutomationRule",
        entityId: current.id,
        changes: {
          ruleId: current.id,
          name: input.name,
          ruleVersion: version + 1,
          previousVersion: version,
          definition: asJson(input.definition),
        },
      });
      return { id: current.id, version: version + 1 };
    }),
  );
}

/** Enables or disables a rule; enabling clears an automatic disabling and its failure count. */
export async function setAutomationRuleEnabled(
  ctx: ServiceContext,
  input: SetRuleEnabledInput,
): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      if (!can(ctx.viewer, "automation:manage")) fail("REFUSED", "Only an administrator may manage automation rules.");
      await tx.$queryRaw`SELECT 1 FROM "AutomationRule" WHERE id = ${input.ruleId}::uuid FOR UPDATE`;
      const rule = await tx.automationRule.findFirst({ where: automationRuleWhere(ctx.viewer, { id: input.ruleId }) });
      if (!rule) fail("NOT_FOUND", RULE_NOT_FOUND);
      if (rule.enabled === input.enabled) return { id: rule.id };
      await tx.automationRule.update({
        where: { id: rule.id },
        data: input.enabled
          ? { enabled: true, disabledReason: null, consecutiveFailures: 0, updatedAt: ctx.now }
          : { enabled: false, disabledReason: null, updatedAt: ctx.now },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: input.enabled ? "automation.rule_enable" : "automation.rule_disable",
        entityType: "AutomationRule",
        entityId: rule.id,
        changes: { ruleId: rule.id, name: rule.name, ruleVersion: rule.version },
      });
      return { id: rule.id };
    }),
  );
}
