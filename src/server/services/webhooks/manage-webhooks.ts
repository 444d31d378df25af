import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { sealSecret } from "../../mfa/secret-box";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { checkWebhookUrl, type Resolver, systemResolver } from "./webhook-url";
import { secretBinding } from "./deliver-webhook";
import { emitWebhookEvent } from "./emit-webhook-event";
import { can } from "@/domain/access/can";
import type { CreateWebhookInput, UpdateWebhookInput, WebhookIdInput } from "@/lib/validation/webhook";

// Administrators subscribe URLs to events. The signing secret is made here, sealed at rest and
// shown once (on creation and on each rotation). Where the URL points is checked before saving:
// private, loopback and other internal addresses only with allowPrivate, which only a holder of
// webhook:allow_private (administrators) may set; delivery checks again (see webhook-url.ts).

const NOT_FOUND = "No such subscription.";
const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;
/** A URL as the audit trail keeps it: scheme, host and port only (paths and queries of some receivers hold tokens). */
const auditedUrl = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return "(not a URL)";
  }
};

async function checkUrl(ctx: ServiceContext, url: string, allowPrivate: boolean, resolve: Resolver, kept = false) {
  // keeping a flag an administrator set is not setting it
  if (allowPrivate && !kept && !can(ctx.viewer, "webhook:allow_private"))
    fail("VALIDATION_FAILED", "Check the highlighted fields.", {
      fieldErrors: { allowPrivate: ["Only an administrator can allow private addresses."] },
    });
  const verdict = await checkWebhookUrl(url, allowPrivate, resolve);
  if (!verdict.ok)
    fail("VALIDATION_FAILED", "Check the highlighted fields.", { fieldErrors: { url: [verdict.message] } });
  return verdict.url.toString();
}

async function loadOwn(tx: Tx, ctx: ServiceContext, id: string) {
  const sub = await tx.webhookSubscription.findFirst({ where: { id, organizationId: ctx.viewer.organizationId } });
  if (!sub) fail("NOT_FOUND", NOT_FOUND);
  return sub;
}

export async function createWebhook(
  ctx: ServiceContext,
  input: CreateWebhookInput,
  resolve: Resolver = systemResolver,
): Promise<Result<{ id: string; secret: string }>> {
  return attempt(async () => {
    const url = await checkUrl(ctx, input.url, input.allowPrivate, resolve);
    return db().$transaction(async (tx) => {
      const id = crypto.randomUUID();
      const secret = newSecret();
      await tx.webhookSubscription.create({
        data: {
          id,
          organizationId: ctx.viewer.organizationId,
          url,
          events: input.events,
          secret: sealSecret(secret, secretBinding(id)),
          allowPrivate: input.allowPrivate,
          createdById: ctx.viewer.userId,
          createdAt: ctx.now,
        },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "webhook.create",
        entityType: "WebhookSubscription",
        entityId: id,
        changes: { url: auditedUrl(url), events: input.events, allowPrivate: input.allowPrivate },
      });
      return { id, secret };
    });
  });
}

export async function updateWebhook(
  ctx: ServiceContext,
  input: UpdateWebhookInput,
  resolve: Resolver = systemResolver,
): Promise<Result<{ id: string }>> {
  return attempt(async () => {
    const current = await db().webhookSubscription.findFirst({
      where: { id: input.subscriptionId, organizationId: ctx.viewer.organizationId },
      select: { allowPrivate: true },
    });
    if (!current) fail("NOT_FOUND", NOT_FOUND);
    const allowPrivate = input.allowPrivate;
    const url = await checkUrl(ctx, input.url, allowPrivate, resolve, current.allowPrivate);
    return db().$transaction(async (tx) => {
      const before = await loadOwn(tx, ctx, input.subscriptionId);
      await tx.webhookSubscription.update({
        where: { id: before.id },
        data: { url, events: input.events, enabled: input.enabled, allowPrivate },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "webhook.update",
        entityType: "WebhookSubscription",
        entityId: before.id,
        changes: {
          url: { before: auditedUrl(before.url), after: auditedUrl(url) },
          events: { before: before.events, after: input.events },
          enabled: { before: before.enabled, after: input.enabled },
          allowPrivate: { before: before.allowPrivate, after: allowPrivate },
        },
      });
      return { id: before.id };
    });
  });
}

/** A new secret, shown once; the old one stops signing at once. */
export async function rotateWebhookSecret(
  ctx: ServiceContext,
  input: WebhookIdInput,
): Promise<Result<{ id: string; secret: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const sub = await loadOwn(tx, ctx, input.subscriptionId);
      const secret = newSecret();
      await tx.webhookSubscription.update({
        where: { id: sub.id },
        data: { secret: sealSecret(secret, secretBinding(sub.id)) },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "webhook.rotate_secret",
        entityType: "WebhookSubscription",
        entityId: sub.id,
      });
      return { id: sub.id, secret };
    }),
  );
}

/** A "webhook.test" event to this one subscription, delivered like every other. */
export async function sendWebhookTest(ctx: ServiceContext, input: WebhookIdInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const sub = await loadOwn(tx, ctx, input.subscriptionId);
      if (!sub.enabled) fail("REFUSED", "This subscription is disabled: enable it to send a test.");
      await emitWebhookEvent(tx, {
        organizationId: sub.organizationId,
        event: "webhook.test",
        payload: { subscriptionId: sub.id, sentAt: ctx.now.toISOString() },
        at: ctx.now,
        subscriptionId: sub.id,
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "webhook.test",
        entityType: "WebhookSubscription",
        entityId: sub.id,
      });
      return { id: sub.id };
    }),
  );
}
