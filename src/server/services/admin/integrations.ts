import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { sealSigningSecret } from "../../crypto/integration-secret";
import { forgetIntegration } from "../alerts/integration-credentials";
import { can } from "@/domain/access/can";
import { apiKeyHash, apiKeyPrefix, newApiKey, newSigningSecret } from "@/domain/alerts/api-key";
import type { CreateIntegrationInput, IntegrationIdInput } from "@/lib/validation/integration";

// Administrators make the integrations that post alerts, revoke their keys and rotate their
// signing secrets. The key and the secret are shown once, in the answer to the change that
// made them; only the key's hash and the sealed secret are kept. Every change is audited (never
// with the key or the secret).

/** Shown once to the administrator who made or rotated it. */
export type IssuedCredentials = { integrationId: string; apiKey?: string; signingSecret: string };

async function confirmAdministrator(tx: Tx, ctx: ServiceContext) {
  const refuse = () => fail("REFUSED", "Only an administrator may manage integrations.");
  if (!can(ctx.viewer, "integration:manage")) refuse();
  const actor = await tx.user.findFirst({
    where: { id: ctx.viewer.userId, organizationId: ctx.viewer.organizationId, role: "ADMIN", active: true },
    select: { id: true },
  });
  if (!actor) refuse();
}

const notFound = (): never => fail("NOT_FOUND", "No such integration.");

export async function createIntegration(
  ctx: ServiceContext,
  input: CreateIntegrationInput,
): Promise<Result<IssuedCredentials>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await confirmAdministrator(tx, ctx);
      const clients = await tx.client.findMany({
        where: { id: { in: input.clientIds }, organizationId: ctx.viewer.organizationId },
        select: { id: true },
      });
      if (clients.length !== new Set(input.clientIds).size)
        fail("VALIDATION_FAILED", "Check the highlighted field.", {
          fieldErrors: { clientIds: ["Choose clients of your organization."] },
        });
      if (
        await tx.integration.findFirst({
          where: { organizationId: ctx.viewer.organizationId, name: { equals: input.name, mode: "insensitive" } },
          select: { id: true },
        })
      )
        fail("CONFLICT", "Check the highlighted field.", {
          fieldErrors: { name: ["An integration of this name exists."] },
        });
      const id = randomUUID();
      const apiKey = newApiKey();
      const signingSecret = newSigningSecret();
      const sealed = sealSigningSecret(id, signingSecret);
      const defaultClientId =
        input.defaultClientId ?? (input.clientIds.length === 1 ? (input.clientIds[0] ?? null) : null);
      await tx.integration.create({
        data: {
          id,
          organizationId: ctx.viewer.organizationId,
          name: input.name,
          format: input.format,
          defaultClientId,
          keyPrefix: apiKeyPrefix(apiKey),
          keyHash: apiKeyHash(apiKey),
          signingSecret: sealed.sealed,
          signingMasterKeyId: sealed.masterKeyId,
          rateLimitPerMinute: input.rateLimitPerMinute,
          createdById: ctx.viewer.userId,
          createdAt: ctx.now,
          clients: { create: [...new Set(input.clientIds)].map((clientId) => ({ clientId })) },
        },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "integration.create",
        entityType: "Integration",
        entityId: id,
        changes: {
          name: input.name,
          format: input.format,
          clientIds: input.clientIds,
          defaultClientId,
          rateLimitPerMinute: input.rateLimitPerMinute,
          keyPrefix: apiKeyPrefix(apiKey),
        },
      });
      return { integrationId: id, apiKey, signingSecret };
    }),
  );
}

export async function revokeIntegration(ctx: ServiceContext, input: IntegrationIdInput): Promise<Result<null>> {
  const result = await attempt(() =>
    db().$transaction(async (tx) => {
      await confirmAdministrator(tx, ctx);
      const row = await tx.integration.findFirst({
        where: { id: input.integrationId, organizationId: ctx.viewer.organizationId },
        select: { id: true, revokedAt: true, keyPrefix: true },
      });
      if (!row) return notFound();
      if (row.revokedAt) fail("CONFLICT", "This key is already revoked.");
      await tx.integration.update({
        where: { id: row.id },
        data: { revokedAt: ctx.now, revokedById: ctx.viewer.userId, credentialVersion: { increment: 1 } },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "integration.revoke",
        entityType: "Integration",
        entityId: row.id,
        changes: { keyPrefix: row.keyPrefix },
      });
      return null;
    }),
  );
  if (result.ok) forgetIntegration(input.integrationId);
  return result;
}

export async function rotateIntegrationSecret(
  ctx: ServiceContext,
  input: IntegrationIdInput,
): Promise<Result<IssuedCredentials>> {
  const result = await attempt(() =>
    db().$transaction(async (tx) => {
      await confirmAdministrator(tx, ctx);
      const row = await tx.integration.findFirst({
        where: { id: input.integrationId, organizationId: ctx.viewer.organizationId },
        select: { id: true, revokedAt: true },
      });
      if (!row) return notFound();
      if (row.revokedAt) fail("CONFLICT", "This key is revoked: make a new integration instead.");
      const signingSecret = newSigningSecret();
      const sealed = sealSigningSecret(row.id, signingSecret);
      await tx.integration.update({
        where: { id: row.id },
        data: {
          signingSecret: sealed.sealed,
          signingMasterKeyId: sealed.masterKeyId,
          secretRotatedAt: ctx.now,
          credentialVersion: { increment: 1 },
        },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "integration.rotate_secret",
        entityType: "Integration",
        entityId: row.id,
        changes: null,
      });
      return { integrationId: row.id, signingSecret };
    }),
  );
  if (result.ok) forgetIntegration(input.integrationId);
  return result;
}
