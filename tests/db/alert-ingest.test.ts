import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/alerts/route";
import { db } from "@/server/db";
import { createIntegration, revokeIntegration, rotateIntegrationSecret } from "@/server/services/admin/integrations";
import { openAlertPayload } from "@/server/crypto/alert-payload";
import { rotateAlertKeys } from "@/server/crypto/rotate-alert-keys";
import { masterKeys } from "@/server/crypto/incident-keys";
import { forgetIntegration } from "@/server/services/alerts/integration-credentials";
import { computeSignature } from "@/domain/alerts/signature";
import { apiKeyHash } from "@/domain/alerts/api-key";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";
import { ELASTIC_SAMPLE, SENTINEL_SAMPLE, SPLUNK_SAMPLE, WAZUH_SAMPLE } from "../support/vendor-alert-samples";
import type { IntegrationFormat } from "@/domain/alerts/mappings/map-payload";
import { DEMO_INTEGRATIONS, seedDemoIntegrations } from "../../prisma/demo-integration";

// POST /api/v1/alerts through its route handler, on a real database: authentication, signature,
// replay, scoping, idempotency, grouping, limits, and each vendor format on its documented sample.

type Setup = Awaited<ReturnType<typeof setup>>;
// the answers as the tests read them (an error body or an acceptance)
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read back field by field
type Json = Record<string, any>;

async function setup(
  format: IntegrationFormat = "GENERIC",
  extra: { rateLimitPerMinute?: number; both?: boolean } = {},
) {
  const t = await makeTenant();
  const admin = await ctxFor(t.admin.id);
  const r = await createIntegration(admin, {
    name: `SIEM ${format}`,
    format,
    clientIds: extra.both ? [t.clientA.id, t.clientB.id] : [t.clientA.id],
    defaultClientId: t.clientA.id,
    rateLimitPerMinute: extra.rateLimitPerMinute ?? 1000,
  });
  if (!r.ok) throw new Error(r.message);
  return { t, admin, id: r.value.integrationId, key: r.value.apiKey!, secret: r.value.signingSecret };
}

type PostOptions = { key?: string; secret?: string; ts?: number; signature?: string; query?: string; raw?: string };

function request(s: Setup, body: unknown, o: PostOptions = {}) {
  const raw = o.raw ?? JSON.stringify(body);
  const ts = String(o.ts ?? Math.floor(Date.now() / 1000));
  const signature = o.signature ?? `sha256=${computeSignature(o.secret ?? s.secret, ts, raw)}`;
  return new Request(`http://localhost/api/v1/alerts${o.query ?? ""}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${o.key ?? s.key}`,
      "x-warden-timestamp": ts,
      "x-warden-signature": signature,
    },
    body: raw,
  });
}

async function post(s: Setup, body: unknown, o: PostOptions = {}) {
  const res = await POST(request(s, body, o));
  return { status: res.status, json: (await res.json()) as Json };
}

let n = 0;
// letters only: digits are not part of a fingerprint, so each default alert is its own story
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const alert = (patch: Record<string, unknown> = {}) => ({
  source: "dlp-gateway",
  externalId: `evt-${++n}-${Math.random().toString(36).slice(2)}`,
  title: `Spreadsheet with SSNs mailed to ${word()}`,
  severity: "high",
  observedAt: "2026-03-14T10:00:00Z",
  assets: ["mail-gw-01"],
  dataCategories: ["PERSONAL"],
  jurisdictions: ["US-CA"],
  ...patch,
});

const alertsOf = (s: Setup) => db().alert.findMany({ where: { integrationId: s.id } });

describe("POST /api/v1/alerts: accepted posts", () => {
  it("a new alert → 201 created, stored with its payload sealed and an audit entry", async () => {
    const s = await setup();
    const body = alert({ title: "Card numbers in outbound mail" });
    const r = await post(s, body);
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ status: "created", alertId: expect.any(String) });
    const row = await db().alert.findUniqueOrThrow({ where: { id: r.json.alertId } });
    expect(row).toMatchObject({
      organizationId: s.t.org.id,
      clientId: s.t.clientA.id,
      source: "dlp-gateway",
      externalId: body.externalId,
      title: "Card numbers in outbound mail",
      severity: "HIGH",
      severityRank: 3,
      count: 1,
      status: "NEW",
      dataCategories: ["PERSONAL"],
      jurisdictions: ["US-CA"],
      assets: ["mail-gw-01"],
      observedAt: new Date("2026-03-14T10:00:00Z"),
      rawTruncated: false,
    });
    expect(row.rawPayload).not.toContain("Card numbers"); // sealed
    expect((await db().integration.findUniqueOrThrow({ where: { id: s.id } })).lastUsedAt).not.toBeNull();
    expect(JSON.parse(openAlertPayload(row))).toEqual(body);
    const audit = await db().auditEventPending.findMany({ where: { entityId: row.id } });
    const chained = await db().auditEvent.findMany({ where: { entityId: row.id } });
    expect([...audit, ...chained].map((a) => a.action)).toContain("alert.created");
  });

  it("the same source and externalId again → 200 duplicate, same alert, nothing new", async () => {
    const s = await setup();
    const body = alert();
    const first = await post(s, body);
    const again = await post(s, { ...body, title: "A different title" }, { ts: Math.floor(Date.now() / 1000) - 1 });
    expect(again).toEqual({ status: 200, json: { status: "duplicate", alertId: first.json.alertId } });
    expect(await alertsOf(s)).toHaveLength(1);
    expect((await alertsOf(s))[0]!.count).toBe(1);
  });

  it("concurrent duplicate posts make exactly one alert", async () => {
    const s = await setup();
    const body = alert();
    const now = Math.floor(Date.now() / 1000);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => post(s, body, { ts: now - i })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.json.status === "duplicate")).toHaveLength(11);
    expect(new Set(results.map((r) => r.json.alertId)).size).toBe(1);
    expect(await alertsOf(s)).toHaveLength(1);
    expect(await db().alertReceipt.count({ where: { alertId: results[0]!.json.alertId } })).toBe(1);
  });

  it("repeats with the same fingerprint within the window are grouped: count and last seen grow", async () => {
    const s = await setup();
    const first = await post(s, alert({ title: "5 failed logins for admin" }));
    const second = await post(s, alert({ title: "7 failed logins for admin", severity: "low" }));
    expect(second).toEqual({ status: 200, json: { status: "grouped", alertId: first.json.alertId } });
    // concurrent repeats all land on the same alert
    const more = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(s, alert({ title: `${i} failed logins for admin` }))),
    );
    expect(more.every((r) => r.json.status === "grouped" && r.json.alertId === first.json.alertId)).toBe(true);
    const rows = await alertsOf(s);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 10, status: "GROUPED" });
    expect(rows[0]!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.receivedAt.getTime());
    // each repeat's external id is now known: posting one again is a duplicate, not a repeat
    expect(await db().alertReceipt.count({ where: { alertId: first.json.alertId } })).toBe(10);
    // a different asset is a different story
    const other = await post(s, alert({ title: "5 failed logins for admin", assets: ["vpn-02"] }));
    expect(other.status).toBe(201);
  });

  it("a more severe repeat raises the grouped alert's severity; a milder one leaves it", async () => {
    const s = await setup();
    const first = await post(s, alert({ title: "Mass download from claims share", severity: "medium" }));
    await post(s, alert({ title: "Mass download from claims share", severity: "critical" }));
    await post(s, alert({ title: "Mass download from claims share", severity: "low" }));
    const [row] = await alertsOf(s);
    expect(row).toMatchObject({ id: first.json.alertId, count: 3, severity: "CRITICAL", severityRank: 4 });
  });

  it("a lone surrogate in a text field is refused on that field, never a 500 (found by the fuzzer)", async () => {
    const s = await setup();
    const r = await post(s, alert({ externalId: "\ud800", title: "Lone \udc00 surrogate" }));
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.error.fields ?? r.json.error.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["externalId", "title"]),
    );
    expect(await alertsOf(s)).toHaveLength(0);
  });

  it("a repeat after the window makes a new alert", async () => {
    const s = await setup();
    const first = await post(s, alert({ title: "Disk wiped on laptop" }));
    await db().alert.update({
      where: { id: first.json.alertId },
      data: { lastSeenAt: new Date(Date.now() - 2 * 3600_000) },
    });
    const later = await post(s, alert({ title: "Disk wiped on laptop" }));
    expect(later.status).toBe(201);
    expect(later.json.alertId).not.toBe(first.json.alertId);
  });
});

describe("POST /api/v1/alerts: refusals leave nothing behind", () => {
  it("no key, an unknown key and a revoked key get one and the same 401", async () => {
    const s = await setup();
    const noKey = await POST(
      new Request("http://localhost/api/v1/alerts", { method: "POST", body: JSON.stringify(alert()) }),
    );
    const unknown = await post(s, alert(), { key: `wk_${"A".repeat(43)}` });
    await revokeIntegration(s.admin, { integrationId: s.id });
    const revoked = await post(s, alert());
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual(unknown.json);
    expect(revoked).toEqual(unknown);
    expect(unknown.json.error.code).toBe("UNAUTHENTICATED");
    expect(await alertsOf(s)).toHaveLength(0);
  });

  it("a key revoked in another process (only the database knows) is refused on its next post", async () => {
    const s = await setup();
    expect((await post(s, alert())).status).toBe(201); // this process now holds the key
    await db().integration.update({
      where: { id: s.id },
      data: { revokedAt: new Date(), credentialVersion: { increment: 1 } },
    });
    const r = await post(s, alert());
    expect(r.status).toBe(401);
    expect(await alertsOf(s)).toHaveLength(1);
  });

  it("wrong signature, stale or future timestamp → 401 INVALID_SIGNATURE", async () => {
    const s = await setup();
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      await post(s, alert(), { signature: `sha256=${"0".repeat(64)}` }),
      await post(s, alert(), { secret: "ws_not-the-secret" }),
      await post(s, alert(), { signature: "deadbeef" }),
      await post(s, alert(), { ts: now - 301 }),
      await post(s, alert(), { ts: now + 301 }),
    ];
    for (const c of cases) expect(c).toMatchObject({ status: 401, json: { error: { code: "INVALID_SIGNATURE" } } });
    expect(await alertsOf(s)).toHaveLength(0);
  });

  it("the same signed post sent twice is a replay: 409, whether the first was new or a duplicate", async () => {
    const s = await setup();
    const body = alert();
    const ts = Math.floor(Date.now() / 1000);
    expect((await POST(request(s, body, { ts }))).status).toBe(201);
    const replay = await POST(request(s, body, { ts }));
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe("REPLAYED");
    // a duplicate signed afresh is answered as a duplicate; its replay is a replay
    expect((await POST(request(s, body, { ts: ts - 1 }))).status).toBe(200);
    expect((await POST(request(s, body, { ts: ts - 1 }))).status).toBe(409);
    expect(await alertsOf(s)).toHaveLength(1);
  });

  it("a key for client A never posts for client B, nor for another organization's client: 404", async () => {
    const s = await setup();
    const other = await makeTenant();
    const answers = [
      await post(s, alert({ client: s.t.clientB.id })),
      await post(s, alert({ client: s.t.clientB.name })),
      await post(s, alert(), { query: `?client=${s.t.clientB.id}` }),
      await post(s, alert({ client: other.clientA.id })),
      await post(s, alert({ client: "00000000-0000-4000-8000-000000000000" })),
    ];
    for (const a of answers)
      expect(a).toEqual({
        status: 404,
        json: { error: { code: "NOT_FOUND", message: "No such client for this key." } },
      });
    expect(await db().alert.count({ where: { clientId: { in: [s.t.clientB.id, other.clientA.id] } } })).toBe(0);
    expect(await alertsOf(s)).toHaveLength(0);
    // naming its own client by name or query works
    expect((await post(s, alert({ client: s.t.clientA.name.toUpperCase() }))).status).toBe(201);
    expect((await post(s, alert(), { query: `?client=${encodeURIComponent(s.t.clientA.name)}` })).status).toBe(201);
  });

  it("a key for two clients posts for either, and for its default when none is named", async () => {
    const s = await setup("GENERIC", { both: true });
    const b = await post(s, alert({ client: s.t.clientB.id }));
    const def = await post(s, alert());
    expect((await db().alert.findUniqueOrThrow({ where: { id: b.json.alertId } })).clientId).toBe(s.t.clientB.id);
    expect((await db().alert.findUniqueOrThrow({ where: { id: def.json.alertId } })).clientId).toBe(s.t.clientA.id);
  });

  it("after a secret rotation the old secret is refused and the new one accepted", async () => {
    const s = await setup();
    expect((await post(s, alert())).status).toBe(201);
    const r = await rotateIntegrationSecret(s.admin, { integrationId: s.id });
    if (!r.ok) throw new Error(r.message);
    expect((await post(s, alert())).status).toBe(401);
    expect((await post(s, alert(), { secret: r.value.signingSecret })).status).toBe(201);
  });

  it("oversized, malformed and invalid bodies get 413, 400 and 422 naming each field", async () => {
    const s = await setup();
    const big = await post(s, null, { raw: JSON.stringify(alert({ title: "x", pad: "y".repeat(300 * 1024) })) });
    expect(big).toMatchObject({ status: 413, json: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    const malformed = await post(s, null, { raw: '{"source": "x",' });
    expect(malformed).toMatchObject({ status: 400, json: { error: { code: "MALFORMED_JSON" } } });
    const invalid = await post(s, {
      source: "dlp",
      externalId: "",
      title: "t",
      severity: "urgent",
      observedAt: "yesterday",
      jurisdictions: ["ZZ"],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(invalid.json.error.fieldErrors).sort()).toEqual([
      "externalId",
      "jurisdictions.0",
      "observedAt",
      "severity",
    ]);
    const nul = await post(s, alert({ title: "bad\u0000title" }));
    expect(nul.status).toBe(422);
    expect(Object.keys(nul.json.error.fieldErrors)).toEqual(["title"]);
    expect(await alertsOf(s)).toHaveLength(0);
  });

  it("a payload over 64 KiB (under 256) is kept truncated, and says so", async () => {
    const s = await setup();
    const r = await post(s, alert({ notes: "z".repeat(100 * 1024) }));
    expect(r.status).toBe(201);
    const row = await db().alert.findUniqueOrThrow({ where: { id: r.json.alertId } });
    expect(row.rawTruncated).toBe(true);
    expect(openAlertPayload(row)).toHaveLength(64 * 1024);
  });

  it("past the key's rate: 429 with Retry-After, nothing written", async () => {
    const s = await setup("GENERIC", { rateLimitPerMinute: 3 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await POST(request(s, alert())));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    const retry = Number(results[3]!.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await alertsOf(s)).toHaveLength(3);
  });
});

describe("POST /api/v1/alerts: each tool's documented sample through the whole route", () => {
  const cases: Array<[IntegrationFormat, unknown, Record<string, unknown>]> = [
    ["SPLUNK", SPLUNK_SAMPLE, { source: "splunk", externalId: SPLUNK_SAMPLE.sid, severity: "MEDIUM" }],
    [
      "ELASTIC",
      ELASTIC_SAMPLE,
      { source: "elastic", title: "My First Rule", severity: "LOW", assets: ["web-01", "web-01.example.local"] },
    ],
    [
      "WAZUH",
      WAZUH_SAMPLE,
      {
        source: "wazuh",
        externalId: "1583319628.14426",
        severity: "HIGH",
        observedAt: new Date("2020-03-04T11:00:28.973Z"),
      },
    ],
    [
      "SENTINEL",
      SENTINEL_SAMPLE,
      {
        source: "sentinel",
        title: SENTINEL_SAMPLE.object.properties.title,
        severity: "HIGH",
        assets: ["fileserver-02", "10.0.4.17"],
      },
    ],
  ];
  it.each(cases)("%s", async (format, sample, expected) => {
    const s = await setup(format);
    const now = Math.floor(Date.now() / 1000);
    const r = await post(s, sample, { ts: now });
    expect(r.status).toBe(201);
    const row = await db().alert.findUniqueOrThrow({ where: { id: r.json.alertId } });
    expect(row).toMatchObject({ ...expected, clientId: s.t.clientA.id });
    expect(JSON.parse(openAlertPayload(row))).toEqual(sample);
    expect((await post(s, sample, { ts: now - 1 })).json.status).toBe("duplicate");
    // a body of another format names the tool's missing field
    const wrong = await post(s, { hello: "world" });
    expect(wrong.status).toBe(422);
  });
});

describe("the demo integrations (README curl examples)", () => {
  it("post with their published key and secret; made once per database, since their keys are unique", async () => {
    const t = await makeTenant();
    // the demo seed (tests/db/seed-demo.test.ts, on this same database) may have made them first
    await seedDemoIntegrations(db(), t.org.id, [t.clientA.id, t.clientB.id]);
    expect(await seedDemoIntegrations(db(), t.org.id, [t.clientA.id, t.clientB.id])).toBe(0);
    const hashes = DEMO_INTEGRATIONS.map((d) => apiKeyHash(d.apiKey));
    expect(await db().integration.count({ where: { keyHash: { in: hashes } } })).toBe(DEMO_INTEGRATIONS.length);
    const wazuh = DEMO_INTEGRATIONS.find((d) => d.format === "WAZUH")!;
    const made = await db().integration.findUniqueOrThrow({
      where: { keyHash: apiKeyHash(wazuh.apiKey) },
      include: { clients: { include: { client: true }, orderBy: { client: { name: "desc" } } } },
    });
    // a client the key may post for, named in the query as the README's example does
    const target = made.clients[0]!.client;
    const s = { t, admin: await ctxFor(t.admin.id), id: made.id, key: wazuh.apiKey, secret: wazuh.signingSecret };
    const r = await post(
      s,
      { ...WAZUH_SAMPLE, id: `demo-${word()}` },
      { query: `?client=${encodeURIComponent(target.name)}` },
    );
    expect(r.status).toBe(201);
    expect((await db().alert.findUniqueOrThrow({ where: { id: r.json.alertId } })).clientId).toBe(target.id);
  });
});

describe("keys:rotate covers ingestion", () => {
  it("re-wraps alert payload keys and re-seals signing secrets, so the old master key can be retired", async () => {
    const s = await setup();
    const body = alert({ title: "Kept across rotation" });
    const created = await post(s, body);
    const before = process.env.WARDEN_MASTER_KEYS!;
    const fresh = `rotA1:${Buffer.alloc(32, "a1-rotation-key").toString("base64")}`;
    try {
      process.env.WARDEN_MASTER_KEYS = `${fresh},${before}`;
      // this organization's rows only (keys:rotate runs it over all: rotateMasterKeys); the
      // database is shared with other test files, whose processes know the test key alone
      const report = await rotateAlertKeys(db(), masterKeys(), { organizationId: s.t.org.id });
      expect(report.rewrapped).toBe(2); // the alert's payload key and the integration's secret
      expect(report.remaining).toEqual({ [before.split(":")[0]!]: 0 });
      const row = await db().alert.findUniqueOrThrow({ where: { id: created.json.alertId } });
      expect(row.payloadMasterKeyId).toBe("rotA1");
      expect((await db().integration.findUniqueOrThrow({ where: { id: s.id } })).signingMasterKeyId).toBe("rotA1");
      // the old key retired: the payload opens and the secret still verifies posts
      process.env.WARDEN_MASTER_KEYS = fresh;
      expect(JSON.parse(openAlertPayload(row))).toEqual(body);
      forgetIntegration(s.id);
      expect((await post(s, alert())).status).toBe(201);
    } finally {
      process.env.WARDEN_MASTER_KEYS = before;
    }
  });
});

describe("POST /api/v1/alerts: a batch of generic alerts", () => {
  it("records each alert in order of the body: created, duplicate, grouped", async () => {
    const s = await setup();
    const earlier = alert();
    const first = await post(s, earlier);
    const a = alert({ title: "Batch story one" });
    const b = alert({ title: "Batch story two" });
    const repeatOfA = alert({ title: "Batch story one" });
    const r = await post(s, { alerts: [a, { ...earlier, title: "changed" }, b, repeatOfA] });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe("batch");
    const results = r.json.results as Array<{ status: string; alertId: string }>;
    expect(results.map((x) => x.status)).toEqual(["created", "duplicate", "created", "grouped"]);
    expect(results[1]!.alertId).toBe(first.json.alertId);
    expect(results[3]!.alertId).toBe(results[0]!.alertId);
    const rows = await alertsOf(s);
    expect(rows).toHaveLength(3);
    expect(rows.find((x) => x.id === results[0]!.alertId)!.count).toBe(2);
    expect(JSON.parse(openAlertPayload(rows.find((x) => x.id === results[2]!.alertId)!))).toEqual(b);
  });

  it("one bad alert refuses the whole batch, naming it by its place; nothing is written", async () => {
    const s = await setup();
    const r = await post(s, { alerts: [alert(), alert(), alert({ severity: "urgent", observedAt: "soon" })] });
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.error.fieldErrors).sort()).toEqual(["alerts.2.observedAt", "alerts.2.severity"]);
    const other = await post(s, { alerts: [alert(), alert({ client: s.t.clientB.id })] });
    expect(other.status).toBe(404);
    expect((await post(s, { alerts: [] })).status).toBe(422);
    expect(await alertsOf(s)).toHaveLength(0);
  });

  it("a replayed batch is refused; each alert counts against the rate", async () => {
    const s = await setup("GENERIC", { rateLimitPerMinute: 8 });
    const body = { alerts: [alert(), alert(), alert()] };
    const ts = Math.floor(Date.now() / 1000);
    expect((await POST(request(s, body, { ts }))).status).toBe(200);
    expect((await POST(request(s, body, { ts }))).status).toBe(409);
    expect((await POST(request(s, { alerts: [alert(), alert(), alert()] }))).status).toBe(429); // 3 + 3 + 3 > 8
    expect(await alertsOf(s)).toHaveLength(3);
  });

  it("concurrent batches naming the same alerts in other orders make each alert once, without deadlock", async () => {
    const s = await setup();
    const items = Array.from({ length: 12 }, () => alert());
    const now = Math.floor(Date.now() / 1000);
    const shuffled = (k: number) => ({ alerts: items.map((_, i) => items[(i * (k + 5)) % items.length]!) });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, k) => post(s, shuffled(k), { ts: now - k })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await alertsOf(s)).toHaveLength(12);
    const created = answers.flatMap((a) =>
      (a.json.results as Array<{ status: string }>).filter((x) => x.status === "created"),
    );
    expect(created).toHaveLength(12);
  });
});
