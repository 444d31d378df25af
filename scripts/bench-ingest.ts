// `npm run bench:ingest`: alert ingestion under load. Creates (after dropping any leftover) a
// database of its own, `warden_bench_ingest`, on the PostgreSQL server at DATABASE_URL (or the
// embedded one), migrates it, makes an organization with BENCH_INTEGRATIONS (4) integrations,
// starts a production build (`next start`, built first if the sources changed) on it, and then:
//   1. BENCH_CLIENTS (32) concurrent clients post signed alerts to POST /api/v1/alerts for
//      BENCH_SECONDS (10) after a warm-up: 70 % new alerts, 15 % duplicates of one the client
//      posted before (signed afresh), 15 % repeats of an earlier alert's story (a new external id,
//      the same title and assets: grouped); one alert a post, then BENCH_BATCH (25) a post;
//   2. the floor, in the same run: as many clients inserting the same rows (an Alert row with
//      its sealed payload) with one plain `INSERT` each, straight through node-postgres over a
//      pool of the size the app uses.
// Prints alerts/s, p50/p95 and the outcomes, checks that every accepted post left exactly what
// it said (alerts, counts, audit entries), and writes its section of BENCHMARKS.md.
import os from "node:os";
import { spawn, execFileSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import nextEnv from "@next/env";
import { createTestDatabase, DEFAULT_SERVER_URL } from "./lib/test-database";
import { needsBuild } from "./lib/build-state";
import { bin, run } from "./lib/run";
import { present } from "./lib/present";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const CLIENTS = Number(process.env.BENCH_CLIENTS || 32);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS || 4);
const BATCH = Number(process.env.BENCH_BATCH || 25);
const WARMUP_MS = 3_000;
const PORT = Number(process.env.BENCH_PORT || 3310);
const POOL = process.env.DATABASE_POOL_MAX || "10";
const base = `http://127.0.0.1:${PORT}`;

process.env.DATABASE_URL ||= DEFAULT_SERVER_URL;
const database = await createTestDatabase("warden_bench_ingest", { embeddedPort: 54342 });
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_MAX = POOL;
process.env.WARDEN_AUDIT_KEY ||= Buffer.alloc(32, "bench-ingest-audit-key").toString("base64");
process.env.WARDEN_MASTER_KEYS ||= `bench1:${Buffer.alloc(32, "bench-ingest-master-key").toString("base64")}`;
process.env.NEXTAUTH_SECRET ||= "bench-ingest-secret-bench-ingest-secret-01";

const { makeTenant } = await import("../tests/support/tenant-fixture");
const { ctxFor } = await import("../tests/support/incident-fixture");
const { createIntegration } = await import("../src/server/services/admin/integrations");
const { sealAlertPayload } = await import("../src/server/crypto/alert-payload");
const { alertFingerprint } = await import("../src/domain/alerts/fingerprint");

const tenant = await makeTenant();
const admin = await ctxFor(tenant.admin.id);
const keys: Array<{ key: string; secret: string }> = [];
for (let i = 0; i < INTEGRATIONS; i++) {
  const r = await createIntegration(admin, {
    name: `Bench SIEM ${i + 1}`,
    format: "GENERIC",
    clientIds: [tenant.clientA.id, tenant.clientB.id],
    defaultClientId: tenant.clientA.id,
    rateLimitPerMinute: 100_000,
  });
  if (!r.ok) throw new Error(r.message);
  if (!r.value.apiKey) throw new Error("no API key issued");
  keys.push({ key: r.value.apiKey, secret: r.value.signingSecret });
}

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: base,
};
if (needsBuild(process.cwd())) await run(bin("next"), ["build"], { env });
const server = spawn(bin("next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
  env,
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);
let healthy = false;
for (let i = 0; i < 120 && !healthy; i++) {
  try {
    healthy = (await fetch(`${base}/api/health`)).ok;
  } catch {
    /* starting */
  }
  if (!healthy) await new Promise((r) => setTimeout(r, 500));
}
if (!healthy) {
  console.error("bench:ingest: the server did not start");
  process.exit(1);
}

const letters = (n: number) =>
  Array.from({ length: 10 }, (_, i) => String.fromCharCode(97 + ((n >> (i * 2)) % 26))).join("");
type Kind = "new" | "duplicate" | "grouped";
type Sent = { status: number; ms: number; n: number; answers: string[] };

/**
 * One load client: its own key (round robin), its own alerts, duplicates and repeats of them;
 * `batch` alerts a post (1: the alert itself as the body; more: { "alerts": [ … ] }).
 */
function loadClient(c: number, batch: number) {
  const { key, secret } = present(keys[c % keys.length], "a bench key");
  const mine: Array<{ externalId: string; title: string; asset: string }> = [];
  let n = 0;
  const next = () => {
    n++;
    const roll = Math.random();
    const kind: Kind = mine.length < 5 || roll < 0.7 ? "new" : roll < 0.85 ? "duplicate" : "grouped";
    const earlier = mine[Math.floor(Math.random() * mine.length)];
    const story =
      kind === "new" || !earlier
        ? {
            externalId: `c${c}-b${batch}-e${n}-${randomUUID().slice(0, 8)}`,
            title: `Outbound file to ${letters(c * 100_003 + n + batch * 7_777_777)}`,
            asset: `host-${letters(n)}`,
          }
        : kind === "duplicate"
          ? earlier
          : { ...earlier, externalId: `c${c}-b${batch}-e${n}-${randomUUID().slice(0, 8)}` };
    if (kind === "new") mine.push(story);
    return {
      kind,
      alert: {
        source: "bench-dlp",
        externalId: story.externalId,
        title: story.title,
        severity: "high",
        observedAt: new Date().toISOString(),
        client: c % 2 ? tenant.clientB.id : tenant.clientA.id,
        dataCategories: ["PERSONAL"],
        assets: [story.asset],
        seq: `${c}-${n}`,
      },
    };
  };
  return async (): Promise<Sent & { kinds: Kind[] }> => {
    const items = Array.from({ length: batch }, next);
    // a duplicate within one batch answers "duplicate" too; kept as drawn
    const body = JSON.stringify(batch === 1 ? items[0]?.alert : { alerts: items.map((i) => i.alert) });
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = createHmac("sha256", secret).update(`${ts}.`).update(body).digest("hex");
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/alerts`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "x-warden-timestamp": ts,
        "x-warden-signature": `sha256=${sig}`,
      },
      body,
    });
    const json = (await res.json()) as { status?: string; results?: Array<{ status: string }> };
    const answers = json.results ? json.results.map((r) => r.status) : [json.status ?? String(res.status)];
    return { status: res.status, ms: performance.now() - t, n: batch, answers, kinds: items.map((i) => i.kind) };
  };
}

type Row = { name: string; count: number; perSecond: number; p50: number; p95: number; errors: number };
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

async function measure<T extends { ms: number; ok: boolean; n?: number }>(
  name: string,
  workers: Array<() => Promise<T>>,
  onMeasured?: (r: T) => void,
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let items = 0;
  const start = performance.now();
  const from = start + WARMUP_MS;
  const end = from + SECONDS * 1000;
  await Promise.all(
    workers.map(async (w) => {
      while (performance.now() < end) {
        const t = performance.now();
        const r = await w();
        if (t < from) continue;
        latencies.push(r.ms);
        items += r.n ?? 1;
        if (!r.ok) errors++;
        onMeasured?.(r);
      }
    }),
  );
  return {
    name,
    count: items,
    perSecond: items / SECONDS,
    p50: q(latencies, 0.5),
    p95: q(latencies, 0.95),
    errors,
  };
}

// For scale: what the framework alone answers at this concurrency (the health check: one SELECT 1).
const health = await measure(
  `For scale: ${CLIENTS} clients on GET /api/health (the framework and one SELECT 1)`,
  Array.from({ length: CLIENTS }, () => async () => {
    const t = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    return { ms: performance.now() - t, ok: res.ok };
  }),
);

const outcomes: Record<string, number> = {};
const posting = (batch: number) =>
  Array.from({ length: CLIENTS }, (_, c) => {
    const post = loadClient(c, batch);
    return async () => {
      const r = await post();
      return { ...r, ok: r.status === 200 || r.status === 201 };
    };
  });
const tally = (batch: number) => (r: { kinds: Kind[]; answers: string[]; status: number }) => {
  r.kinds.forEach((kind, i) => {
    const k = `${batch === 1 ? "one a post" : `${batch} a post`}: ${kind} → ${r.answers[i] ?? r.status}`;
    outcomes[k] = (outcomes[k] ?? 0) + 1;
  });
};
const ingest = await measure(`${CLIENTS} clients posting one signed alert a post (HTTP)`, posting(1), tally(1));
const batched = await measure(
  `${CLIENTS} clients posting ${BATCH} signed alerts a post (HTTP)`,
  posting(BATCH),
  tally(BATCH),
);

// The floor: the same rows (an alert with its sealed payload), one plain INSERT each.
const raw = new pg.Pool({ connectionString: database.url, max: Number(POOL) });
const integrationId = (await raw.query(`SELECT id FROM "Integration" LIMIT 1`)).rows[0].id as string;
const rawWorkers = Array.from({ length: CLIENTS }, (_, c) => async () => {
  const id = randomUUID();
  const title = `Outbound file to ${letters(c * 7919 + Date.now())}`;
  const payload = JSON.stringify({ source: "bench-dlp", externalId: id, title, severity: "high" });
  const sealed = sealAlertPayload(id, payload);
  const now = new Date();
  const t = performance.now();
  await raw.query(
    `INSERT INTO "Alert" (id, "organizationId", "clientId", "integrationId", source, "externalId", fingerprint, title, severity, "severityRank",
       "observedAt", "receivedAt", "lastSeenAt", "dataCategories", assets, jurisdictions, "rawPayload", "payloadKey", "payloadMasterKeyId")
     VALUES ($1, $2, $3, $4, 'bench-raw', $5, $6, $7, 'HIGH', 3, $8, $8, $8, '{PERSONAL}', $9, '{}', $10, $11, $12)`,
    [
      id,
      tenant.org.id,
      tenant.clientA.id,
      integrationId,
      id,
      alertFingerprint({ source: "bench-raw", clientId: tenant.clientA.id, title, assets: ["host"] }),
      title,
      now,
      ["host"],
      sealed.rawPayload,
      Buffer.from(sealed.payloadKey),
      sealed.payloadMasterKeyId,
    ],
  );
  return { ms: performance.now() - t, ok: true };
});
const floor = await measure(
  `Floor: ${CLIENTS} clients, one raw INSERT of the same row each (node-postgres)`,
  rawWorkers,
);

// What the posts left: one alert per created, counts per grouped, an audit entry per each.
const check = await raw.query(`
  SELECT (SELECT count(*)::int FROM "Alert" WHERE source = 'bench-dlp') AS alerts,
         (SELECT coalesce(sum(count), 0)::int FROM "Alert" WHERE source = 'bench-dlp') AS occurrences,
         (SELECT count(*)::int FROM "AlertReceipt" WHERE source = 'bench-dlp') AS receipts,
         (SELECT count(*)::int FROM "AuditEvent" WHERE action IN ('alert.created', 'alert.grouped'))
       + (SELECT count(*)::int FROM "AuditEventPending" p WHERE action IN ('alert.created', 'alert.grouped')
            AND NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.id = p.id)) AS audited`);
await raw.end();
stop();
const c = check.rows[0] as { alerts: number; occurrences: number; receipts: number; audited: number };
const consistent = c.occurrences === c.receipts && c.audited === c.receipts;

const share = (r: Row) => r.perSecond / floor.perSecond;
const pgVersion = (() => {
  try {
    return execFileSync("psql", ["--version"]).toString().trim();
  } catch {
    return "PostgreSQL";
  }
})();
const tableRows = [ingest, batched, floor, health]
  .map(
    (r) =>
      `| ${r.name} | ${r.count} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.errors} |`,
  )
  .join("\n");
const outcomeRows = Object.entries(outcomes)
  .sort()
  .map(([k, v]) => `| ${k} | ${v} |`)
  .join("\n");
const md = `## Alert ingestion

Measured by \`npm run bench:ingest\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}, ${pgVersion}, database pool ${POOL} connections; a production build (\`next start\`) and the load generator on the same machine over loopback; ${SECONDS} s after a ${WARMUP_MS / 1000} s warm-up. Each client signs every post (HMAC-SHA256) with one of ${INTEGRATIONS} integrations' keys; 70 % new alerts, 15 % duplicates re-signed, 15 % repeats grouped onto an earlier alert; first one alert a post, then ${BATCH} a post (generic \`{ "alerts": [ … ] }\`).

| Scenario | alerts | alerts/s | p50 ms | p95 ms | errors |
|---|---:|---:|---:|---:|---:|
${tableRows}

| Posted → answer | count (measured part) |
|---|---:|
${outcomeRows}

Stored afterwards: ${c.alerts} alerts counting ${c.occurrences} occurrences, ${c.receipts} receipts, ${c.audited} audit entries for them — ${consistent ? "one receipt and one audit entry per accepted occurrence" : "**MISMATCH**"}.

| Target | Result | |
|---|---|---|
| ≥ 2,000 alerts/s | one a post: ${ingest.perSecond.toFixed(0)}; ${BATCH} a post: ${batched.perSecond.toFixed(0)} | ${ingest.perSecond >= 2000 ? "met" : batched.perSecond >= 2000 ? "met in batches" : "**missed**"} |
| ≥ 30 % of the raw INSERT rate | one a post: ${(share(ingest) * 100).toFixed(0)} %; ${BATCH} a post: ${(share(batched) * 100).toFixed(0)} % | ${share(ingest) >= 0.3 ? "met" : share(batched) >= 0.3 ? "met in batches" : "**missed**"} |

For scale: one alert a post runs at ${((ingest.perSecond / health.perSecond) * 100).toFixed(0)} % of the health check's requests per second through the same server (the framework's own cost per request bounds single posts; batches spread it over ${BATCH} alerts).
`;
console.log(`\n${md}`);
const OWN = /^## Alert ingestion\b/;
const existing = existsSync("BENCHMARKS.md") ? readFileSync("BENCHMARKS.md", "utf8") : "# Benchmarks\n";
const [head, ...sections] = existing.split(/^(?=## )/m);
writeFileSync("BENCHMARKS.md", [head, ...sections.filter((s) => !OWN.test(s)), md].join("").replace(/\n{3,}/g, "\n\n"));
console.log("Wrote BENCHMARKS.md (section “Alert ingestion”)");
process.exit(consistent && ingest.errors === 0 && batched.errors === 0 ? 0 : 1);
