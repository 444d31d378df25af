import "server-only";
import http from "node:http";
import https from "node:https";
import { db } from "../../db";
import { openSecret } from "../../mfa/secret-box";
import { log } from "../../log";
import { pinnedLookup, parseWebhookUrl, type Resolver, systemResolver } from "./webhook-url";
import { signWebhook } from "@/domain/webhooks/signature";
import { webhookBody } from "@/domain/webhooks/events";
import { delivered, MAX_ATTEMPTS, nextAttemptAfter } from "@/domain/webhooks/retry-schedule";
import { Prisma } from "@/generated/prisma/client";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const secretBinding = (subscriptionId: string) => `webhook:${subscriptionId}`;

export type DeliveryJob = { deliveryId: string; attempt: number };

/**
 * Deliveries due now (not yet delivered, fewer than six attempts), oldest first; and, as a
 * side effect, the ones whose last attempt was cut off (the worker stopped mid-request) are
 * closed as failed. Each job names the attempt it is for, so a job queued twice runs once.
 */
export async function findDueDeliveries(now: Date, limit = 200, organizationId?: string): Promise<DeliveryJob[]> {
  const orgFilter = organizationId ? Prisma.sql`AND "organizationId" = ${organizationId}::uuid` : Prisma.empty;
  await db().$executeRaw`
    UPDATE "WebhookDelivery" SET status = 'FAILED', "nextAttemptAt" = NULL,
      "lastError" = COALESCE("lastError", 'No answer was recorded for the last attempt.')
    WHERE status = 'PENDING' AND attempts >= ${MAX_ATTEMPTS} AND "nextAttemptAt" <= ${now}::timestamp ${orgFilter}`;
  const rows = await db().$queryRaw<Array<{ id: string; attempts: number }>>`
    SELECT id, attempts FROM "WebhookDelivery"
    WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}::timestamp AND attempts < ${MAX_ATTEMPTS} ${orgFilter}
    ORDER BY "nextAttemptAt" LIMIT ${limit}`;
  return rows.map((r) => ({ deliveryId: r.id, attempt: r.attempts + 1 }));
}

type Outcome = { status: number | null; error: string | null; ms: number };

function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  allowPrivate: boolean,
  timeoutMs: number,
  resolve: Resolver,
): Promise<Outcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((done) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(allowPrivate, resolve) as unknown as http.RequestOptions["lookup"],
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        // the body is not read into anything (it is not kept): drained so the socket closes
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? null;
          const error =
            status !== null && status >= 300 && status < 400
              ? `Answered ${status} with a redirect, which is not followed.`
              : delivered(status)
                ? null
                : `Answered ${status ?? "without a status"}.`;
          done({ status, error, ms: ms() });
        });
        response.on("error", () =>
          done({ status: response.statusCode ?? null, error: "The answer was cut off.", ms: ms() }),
        );
      },
    );
    const timer = setTimeout(
      () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
      timeoutMs,
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done({ status: null, error: describeFailure(error, timeoutMs), ms: ms() });
    });
    request.on("close", () => clearTimeout(timer));
    request.end(body);
  });
}

/** Our words for a failed request: the code, never the peer's text (it might echo a secret). */
function describeFailure(error: NodeJS.ErrnoException, timeoutMs: number): string {
  switch (error.code) {
    case "EWEBHOOKADDRESS":
      return error.message.slice(0, 300);
    case "ETIMEDOUT":
      return `No answer within ${timeoutMs / 1000} s.`;
    case "ECONNREFUSED":
      return "The connection was refused.";
    case "ECONNRESET":
      return "The connection was reset.";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "The host name does not resolve.";
    default:
      return error.code ? `The request failed (${error.code}).` : "The request failed.";
  }
}

/**
 * One attempt of one delivery. The attempt is claimed first by a conditional update (still
 * pending, due, and on the attempt the job names), which also sets when the next attempt is due,
 * so two workers never both send it and a worker stopping mid-request loses nothing: the next
 * attempt comes at its time. The outcome is recorded after the request.
 */
export async function attemptDelivery(
  job: DeliveryJob,
  now: Date,
  opts: { timeoutMs?: number; resolve?: Resolver } = {},
): Promise<"delivered" | "retry" | "failed" | "skipped"> {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const claimUntil = nextAttemptAfter(job.attempt, now) ?? new Date(now.getTime() + 2 * timeoutMs);
  const claimed = await db().webhookDelivery.updateMany({
    where: { id: job.deliveryId, status: "PENDING", attempts: job.attempt - 1, nextAttemptAt: { lte: now } },
    data: { attempts: job.attempt, nextAttemptAt: claimUntil },
  });
  if (claimed.count !== 1) return "skipped";
  const d = await db().webhookDelivery.findUniqueOrThrow({
    where: { id: job.deliveryId },
    include: { subscription: { select: { id: true, url: true, secret: true, enabled: true, allowPrivate: true } } },
  });
  const history = Array.isArray(d.history) ? d.history : [];
  const sub = d.subscription;
  let outcome: Outcome;
  const secret = openSecret(sub.secret, secretBinding(sub.id));
  const parsed = parseWebhookUrl(sub.url);
  if (!sub.enabled) outcome = { status: null, error: "The subscription is disabled.", ms: 0 };
  else if (!secret) outcome = { status: null, error: "The signing secret cannot be opened; rotate it.", ms: 0 };
  else if (!parsed.ok) outcome = { status: null, error: parsed.message.slice(0, 300), ms: 0 };
  else {
    const body = webhookBody({ event: d.event, deliveryId: d.id, occurredAt: d.createdAt, payload: d.payload });
    const timestamp = Math.floor(now.getTime() / 1000);
    outcome = await post(
      parsed.url,
      body,
      {
        "user-agent": "Warden-Webhooks/1",
        "x-warden-event": d.event,
        "x-warden-delivery": d.id,
        "x-warden-timestamp": String(timestamp),
        "x-warden-signature": signWebhook(secret, timestamp, body),
      },
      sub.allowPrivate,
      timeoutMs,
      opts.resolve ?? systemResolver,
    );
  }
  const finishedAt = new Date(now.getTime() + outcome.ms);
  const ok = delivered(outcome.status) && outcome.error === null;
  const retryAt = ok || !sub.enabled ? null : nextAttemptAfter(job.attempt, finishedAt);
  const status = ok ? "DELIVERED" : retryAt ? "PENDING" : "FAILED";
  await db().webhookDelivery.update({
    where: { id: d.id },
    data: {
      status,
      nextAttemptAt: retryAt,
      lastResponseCode: outcome.status,
      lastError: outcome.error,
      durationMs: outcome.ms,
      deliveredAt: ok ? finishedAt : null,
      history: [
        ...history,
        { at: now.toISOString(), status: outcome.status, error: outcome.error, ms: outcome.ms },
      ] as Prisma.InputJsonValue,
    },
  });
  log.info("webhooks.attempt", { deliveryId: d.id, attempt: job.attempt, status: outcome.status, outcome: status });
  return ok ? "delivered" : retryAt ? "retry" : "failed";
}
