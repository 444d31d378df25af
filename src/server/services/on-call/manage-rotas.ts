import "server-only";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { ROTATION_HOURS } from "@/domain/on-call/on-call-at";
import {
  overrideSpan,
  type CreateRotaInput,
  type OverrideInput,
  type RemoveOverrideInput,
  type UpdateRotaInput,
} from "@/lib/validation/on-call";

// Managers and administrators keep the rotas. Members and the fixed secondary must be active
// staff of the organization; on a client's rota an analyst must be assigned to that client
// (someone paged for an incident they cannot open helps nobody).

const NOT_FOUND = "No such rota.";
const CHECK = "Check the highlighted fields.";

async function checkPeople(tx: Tx, ctx: ServiceContext, clientId: string | null, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx.user.findMany({
    where: {
      organizationId: ctx.viewer.organizationId,
      active: true,
      id: { in: ids },
      OR: [
        { role: { in: ["ADMIN", "MANAGER"] } },
        { role: "ANALYST", ...(clientId ? { assignments: { some: { clientId } } } : {}) },
      ],
    },
    select: { id: true },
  });
  if (found.length !== new Set(ids).size)
    fail("VALIDATION_FAILED", CHECK, {
      fieldErrors: {
        [field]: [
          clientId
            ? "Choose active staff; an analyst must be assigned to the rota's client."
            : "Choose active staff of your organization.",
        ],
      },
    });
}

async function settle(tx: Tx, ctx: ServiceContext, input: CreateRotaInput) {
  let zone = input.timeZone;
  const clientId = input.clientId ?? null;
  if (clientId) {
    const client = await tx.client.findFirst({
      where: { id: clientId, organizationId: ctx.viewer.organizationId },
      select: { timeZone: true },
    });
    if (!client)
      fail("VALIDATION_FAILED", CHECK, { fieldErrors: { clientId: ["Choose one of the organization's clients."] } });
    zone ??= client.timeZone;
  }
  if (!zone) {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: ctx.viewer.organizationId },
      select: { timeZone: true },
    });
    zone = org.timeZone;
  }
  await checkPeople(tx, ctx, clientId, input.memberIds, "memberIds");
  if (input.secondaryUserId) await checkPeople(tx, ctx, clientId, [input.secondaryUserId], "secondaryUserId");
  return {
    name: input.name,
    clientId,
    timeZone: zone,
    handoverTime: input.handoverTime,
    shiftHours: input.rotation === "weekly" ? ROTATION_HOURS.weekly : (input.shiftHours ?? ROTATION_HOURS.weekly),
    startsOn: input.startsOn,
    secondaryUserId: input.secondaryUserId ?? null,
    escalateAfterMinutes: input.escalateAfterMinutes,
    enabled: input.enabled,
  };
}

async function nameFree(tx: Tx, ctx: ServiceContext, name: string, except?: string) {
  const taken = await tx.onCallRota.findFirst({
    where: {
      organizationId: ctx.viewer.organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true },
  });
  if (taken) fail("CONFLICT", CHECK, { fieldErrors: { name: ["A rota of this name exists already."] } });
}

export async function createRota(ctx: ServiceContext, input: CreateRotaInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const data = await settle(tx, ctx, input);
      await nameFree(tx, ctx, input.name);
      const rota = await tx.onCallRota.create({
        data: {
          ...data,
          organizationId: ctx.viewer.organizationId,
          createdAt: ctx.now,
          members: { create: input.memberIds.map((userId, position) => ({ userId, position })) },
        },
        select: { id: true },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "oncall.rota_create",
        entityType: "OnCallRota",
        entityId: rota.id,
        changes: { ...data, memberIds: input.memberIds },
      });
      return rota;
    }),
  );
}

export async function updateRota(ctx: ServiceContext, input: UpdateRotaInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const before = await tx.onCallRota.findFirst({
        where: { id: input.rotaId, organizationId: ctx.viewer.organizationId },
        include: { members: { orderBy: { position: "asc" }, select: { userId: true } } },
      });
      if (!before) fail("NOT_FOUND", NOT_FOUND);
      const data = await settle(tx, ctx, input);
      await nameFree(tx, ctx, input.name, before.id);
      const saved = await tx.onCallRota.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (saved.count !== 1)
        fail("CONFLICT", "Someone changed this rota since you opened it. Reload the page and make your change again.");
      await tx.onCallMember.deleteMany({ where: { rotaId: before.id } });
      await tx.onCallMember.createMany({
        data: input.memberIds.map((userId, position) => ({ rotaId: before.id, userId, position })),
      });
      const { members, ...was } = before;
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "oncall.rota_update",
        entityType: "OnCallRota",
        entityId: before.id,
        changes: {
          before: {
            name: was.name,
            clientId: was.clientId,
            timeZone: was.timeZone,
            handoverTime: was.handoverTime,
            shiftHours: was.shiftHours,
            startsOn: was.startsOn,
            secondaryUserId: was.secondaryUserId,
            escalateAfterMinutes: was.escalateAfterMinutes,
            enabled: was.enabled,
            memberIds: members.map((m) => m.userId),
          },
          after: { ...data, memberIds: input.memberIds },
        },
      });
      return { id: before.id };
    }),
  );
}

export async function addOverride(ctx: ServiceContext, input: OverrideInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const rota = await tx.onCallRota.findFirst({
        where: { id: input.rotaId, organizationId: ctx.viewer.organizationId },
        select: { id: true, clientId: true, timeZone: true },
      });
      if (!rota) fail("NOT_FOUND", NOT_FOUND);
      const span = overrideSpan(input, rota.timeZone);
      if (!span.ok) fail("VALIDATION_FAILED", CHECK, { fieldErrors: span.fieldErrors });
      await checkPeople(tx, ctx, rota.clientId, [input.userId], "userId");
      const override = await tx.onCallOverride.create({
        data: {
          rotaId: rota.id,
          userId: input.userId,
          startsAt: span.startsAt,
          endsAt: span.endsAt,
          reason: input.reason,
          createdById: ctx.viewer.userId,
          createdAt: ctx.now,
        },
        select: { id: true },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "oncall.override_add",
        entityType: "OnCallRota",
        entityId: rota.id,
        changes: {
          overrideId: override.id,
          userId: input.userId,
          startsAt: span.startsAt.toISOString(),
          endsAt: span.endsAt.toISOString(),
          reason: input.reason,
        },
      });
      return override;
    }),
  );
}

export async function removeOverride(ctx: ServiceContext, input: RemoveOverrideInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const override = await tx.onCallOverride.findFirst({
        where: { id: input.overrideId, rota: { organizationId: ctx.viewer.organizationId } },
      });
      if (!override) fail("NOT_FOUND", "No such override.");
      await tx.onCallOverride.delete({ where: { id: override.id } });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "oncall.override_remove",
        entityType: "OnCallRota",
        entityId: override.rotaId,
        changes: {
          overrideId: override.id,
          userId: override.userId,
          startsAt: override.startsAt.toISOString(),
          endsAt: override.endsAt.toISOString(),
        },
      });
      return { id: override.id };
    }),
  );
}
