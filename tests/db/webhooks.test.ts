import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";
import { until } from "../support/until";
import { createWebhook, sendWebhookTest, updateWebhook } from "@/server/services/webhooks/manage-webhooks";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { attemptDelivery, findDueDeliveries } from "@/server/services/webhooks/deliver-webhook";
import { startDispatchWorker } from "@/server/jobs/dispatch-worker";
import { verifyWebhookSignature } from "@/domain/webhooks/signature";
import type { Resolver } from "@/server/services/webhooks/webhook-url";
import { listWebhooks } from "@/server/data/webhooks";
import { loadViewer } from "@/server/data/load-viewer";

// A real HTTP listener on loopback: answers each request with the next status of `script`
// (then 200), and keeps what it received.
type Received = { headers: IncomingMessage["headers"]; body: string; at: Date };
let server: Server;
let port: number;
let script: number[] = [];
const received: Received[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, at: new Date() });
      const status = script.shift() ?? 200;
      res.writeHead(status, status === 302 ? { location: "http://127.0.0.1:1/elsewhere" } : {}).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const publicResolver: Resolver = async () => [{ address: "93.184.216.34", family: 4 }];

async function subscribe(events = ["incident.created"] as const) {
  const t = await makeTenant();
  const ctx = await ctxFor(t.admin.id);
  const made = await createWebhook(ctx, {
    url: `http://127.0.0.1:${port}/hook`,
    events: [...events],
    allowPrivate: true,
  });
  if (!made.ok) throw new Error(made.message);
  return { t, ctx, ...made.value };
}

describe("webhook URLs (SSRF)", () => {
  it("refuses loopback, private and non-http URLs at save time with a field message; nothing is saved", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.admin.id);
    const cases: Array<[string, RegExp]> = [
      [
        "http://127.0.0.1/",
        /points at a loopback address \(127\.0\.0\.1\); only an administrator can allow private addresses/,
      ],
      ["http://localhost:8080/x", /loopback address/],
      ["https://10.1.2.3/hook", /private network address/],
      ["http://169.254.169.254/latest/meta-data", /link-local address/],
      ["http://[::1]/", /loopback address/],
      ["http://[::ffff:127.0.0.1]/", /loopback address/],
      ["http://[fd00::1]/", /unique-local IPv6 address/],
      ["http://0.0.0.0/", /unspecified address/],
      ["ftp://example.com/", /Only http and https/],
      ["file:///etc/passwd", /Only http and https/],
      ["not a url", /Enter a full URL/],
      ["https://user:pw@example.com/", /user name and password/],
    ];
    for (const [url, message] of cases) {
      const r = await createWebhook(ctx, { url, events: ["incident.created"], allowPrivate: false });
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.url?.[0], url).toMatch(message);
    }
    expect(await db().webhookSubscription.count({ where: { organizationId: t.org.id } })).toBe(0);
    const ok = await createWebhook(
      ctx,
      { url: "https://hooks.example.com/in", events: ["notice.sent"], allowPrivate: false },
      publicResolver,
    );
    expect(ok.ok).toBe(true);
  });

  it("lets only an administrator set allowPrivate", async () => {
    const t = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    const r = await createWebhook(manager, {
      url: `http://127.0.0.1:${port}/`,
      events: ["notice.sent"],
      allowPrivate: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.allowPrivate?.[0]).toBe("Only an administrator can allow private addresses.");
  });

  it("checks again at delivery: a host that now resolves to loopback is refused and nothing is sent", async () => {
    const { t, ctx, id } = await (async () => {
      const t = await makeTenant();
      const ctx = await ctxFor(t.admin.id);
      const made = await createWebhook(
        ctx,
        { url: `http://rebind.example:${port}/hook`, events: ["incident.created"], allowPrivate: false },
        publicResolver,
      );
      if (!made.ok) throw new Error(made.message);
      return { t, ctx, id: made.value.id };
    })();
    const now = new Date();
    await db().$transaction((tx) =>
      emitWebhookEvent(tx, {
        organizationId: t.org.id,
        event: "incident.created",
        payload: { incidentId: "x" },
        at: now,
      }),
    );
    const [job] = await findDueDeliveries(now, 10, t.org.id);
    const before = received.length;
    const rebound: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    expect(await attemptDelivery(job!, now, { resolve: rebound })).toBe("retry");
    expect(received.length).toBe(before);
    const d = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(d.lastError).toMatch(/loopback address/);
    expect(d.lastResponseCode).toBeNull();
    void ctx;
  });
});

describe("webhook delivery", () => {
  it("retries a listener that fails twice, then delivers: three attempts logged, signed, on the back-off schedule", async () => {
    const { t, id, secret } = await subscribe();
    const t0 = new Date();
    await db().$transaction((tx) =>
      emitWebhookEvent(tx, {
        organizationId: t.org.id,
        event: "incident.created",
        payload: { incidentId: "00000000-0000-4000-8000-000000000001", reference: "INC-2026-0001", severity: "HIGH" },
        at: t0,
      }),
    );
    script = [500, 503];
    const start = received.length;
    const [job] = await findDueDeliveries(t0, 10, t.org.id);
    expect(job).toMatchObject({ attempt: 1 });
    expect(await attemptDelivery(job!, t0)).toBe("retry");
    let d = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(d.status).toBe("PENDING");
    expect(d.lastResponseCode).toBe(500);
    // the second attempt is due a minute after the first ended, not before
    const wait1 = d.nextAttemptAt!.getTime() - t0.getTime();
    expect(wait1).toBeGreaterThanOrEqual(60_000);
    expect(wait1).toBeLessThan(70_000);
    expect(await findDueDeliveries(new Date(t0.getTime() + 30_000), 10, t.org.id)).toEqual([]);
    expect(await attemptDelivery({ deliveryId: d.id, attempt: 2 }, new Date(t0.getTime() + 30_000))).toBe("skipped");

    const t1 = new Date(t0.getTime() + 75_000);
    expect(await findDueDeliveries(t1, 10, t.org.id)).toEqual([{ deliveryId: d.id, attempt: 2 }]);
    expect(await attemptDelivery({ deliveryId: d.id, attempt: 2 }, t1)).toBe("retry");
    d = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    const wait2 = d.nextAttemptAt!.getTime() - t1.getTime();
    expect(wait2).toBeGreaterThanOrEqual(5 * 60_000);
    expect(wait2).toBeLessThan(5 * 60_000 + 10_000);

    const t2 = new Date(t1.getTime() + 6 * 60_000);
    // two workers with the same job: one sends
    const outcomes = await Promise.all([
      attemptDelivery({ deliveryId: d.id, attempt: 3 }, t2),
      attemptDelivery({ deliveryId: d.id, attempt: 3 }, t2),
    ]);
    expect(outcomes.sort()).toEqual(["delivered", "skipped"]);
    d = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(d).toMatchObject({
      status: "DELIVERED",
      attempts: 3,
      lastResponseCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(d.deliveredAt).not.toBeNull();
    expect((d.history as Array<{ status: number }>).map((h) => h.status)).toEqual([500, 503, 200]);
    // the administrator's delivery log: each attempt's code, and never the secret
    const [listed] = await listWebhooks((await loadViewer(t.admin.id))!);
    expect(listed!.deliveries[0]).toMatchObject({ status: "DELIVERED", attempts: 3, codes: [500, 503, 200] });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain("v1.");

    const got = received.slice(start);
    expect(got).toHaveLength(3);
    for (const r of got) {
      expect(r.headers["x-warden-event"]).toBe("incident.created");
      expect(r.headers["x-warden-delivery"]).toBe(d.id);
      expect(r.headers["content-type"]).toBe("application/json");
      const ok = verifyWebhookSignature(
        secret,
        { timestamp: String(r.headers["x-warden-timestamp"]), signature: String(r.headers["x-warden-signature"]) },
        r.body,
        new Date(Number(r.headers["x-warden-timestamp"]) * 1000),
      );
      expect(ok).toBe(true);
      expect(
        verifyWebhookSignature(
          "whsec_wrong",
          { timestamp: String(r.headers["x-warden-timestamp"]), signature: String(r.headers["x-warden-signature"]) },
          r.body,
          new Date(Number(r.headers["x-warden-timestamp"]) * 1000),
        ),
      ).toBe(false);
      expect(JSON.parse(r.body)).toMatchObject({
        id: d.id,
        event: "incident.created",
        data: { reference: "INC-2026-0001", severity: "HIGH" },
      });
    }
  });

  it("gives up after six attempts, and does not follow a redirect", async () => {
    const { t, id } = await subscribe();
    let at = new Date();
    await db().$transaction((tx) =>
      emitWebhookEvent(tx, { organizationId: t.org.id, event: "incident.created", payload: { incidentId: "x" }, at }),
    );
    script = [302, 500, 500, 500, 500, 500];
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const [job] = await findDueDeliveries(at, 10, t.org.id);
      expect(job?.attempt).toBe(attempt);
      outcomes.push(await attemptDelivery(job!, at));
      const d = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
      if (attempt === 1) expect(d.lastError).toBe("Answered 302 with a redirect, which is not followed.");
      at = d.nextAttemptAt ? new Date(d.nextAttemptAt.getTime() + 1000) : at;
    }
    expect(outcomes).toEqual(["retry", "retry", "retry", "retry", "retry", "failed"]);
    const d = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });
    expect(d).toMatchObject({ status: "FAILED", attempts: 6, nextAttemptAt: null, lastResponseCode: 500 });
    expect(await findDueDeliveries(new Date(at.getTime() + 86_400_000), 10, t.org.id)).toEqual([]);
  });

  it("an event emitted in a transaction that rolls back sends nothing", async () => {
    const { t, id } = await subscribe();
    await expect(
      db().$transaction(async (tx) => {
        const n = await emitWebhookEvent(tx, {
          organizationId: t.org.id,
          event: "incident.created",
          payload: { incidentId: "x" },
          at: new Date(),
        });
        expect(n).toBe(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().webhookDelivery.count({ where: { subscriptionId: id } })).toBe(0);
    expect(await findDueDeliveries(new Date(), 10, t.org.id)).toEqual([]);
  });

  it("emits only to enabled subscriptions of the organization that asked for the event", async () => {
    const { t, ctx, id } = await subscribe(["incident.created"]);
    const other = await subscribe(["incident.created"]);
    const at = new Date();
    const emit = (event: "incident.created" | "notice.sent") =>
      db().$transaction((tx) => emitWebhookEvent(tx, { organizationId: t.org.id, event, payload: {}, at }));
    expect(await emit("notice.sent")).toBe(0);
    expect(await emit("incident.created")).toBe(1);
    const off = await updateWebhook(ctx, {
      subscriptionId: id,
      url: `http://127.0.0.1:${port}/hook`,
      events: ["incident.created"],
      allowPrivate: true,
      enabled: false,
    });
    expect(off.ok).toBe(true);
    expect(await emit("incident.created")).toBe(0);
    expect(await db().webhookDelivery.count({ where: { subscriptionId: other.id } })).toBe(0);
  });

  it("Send test goes through the worker's pg-boss jobs to the listener", async () => {
    const { t, ctx, id, secret } = await subscribe();
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2 });
    await boss.start();
    const worker = await startDispatchWorker(boss, { sweepMs: 200, pollSeconds: 0.5, organizationId: t.org.id });
    const start = received.length;
    script = [];
    try {
      const r = await sendWebhookTest(ctx, { subscriptionId: id });
      expect(r.ok).toBe(true);
      await until(
        async () => (await db().webhookDelivery.count({ where: { subscriptionId: id, status: "DELIVERED" } })) === 1,
        30_000,
        200,
      );
    } finally {
      worker.stop();
      await boss.stop({ graceful: true, wait: true });
    }
    const got = received.slice(start).filter((r) => r.headers["x-warden-event"] === "webhook.test");
    expect(got).toHaveLength(1);
    expect(
      verifyWebhookSignature(
        secret,
        {
          timestamp: String(got[0]!.headers["x-warden-timestamp"]),
          signature: String(got[0]!.headers["x-warden-signature"]),
        },
        got[0]!.body,
        new Date(),
      ),
    ).toBe(true);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "webhook.test" } })).toBe(1);
  });
});
