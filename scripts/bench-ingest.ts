// `npm run bench:ingest`: alert ingestion under load. Creates (after dropping any leftover) a
// database of its own, `warden_bench_ingest`, on the PostgreSQL server at DATABASE_URL (or the
// embedded one), migrates it, makes an organization with BENCH_INTEGRATIONS (4) integrations,
// starts a production build (`next start`, built first if the sources changed) on it, and then:
//   1. BENCH_CLIENTS (32) concurrent clients post signed alerts to POST /api/v1/alerts for
//      BENCH_SECONDS (10) after a warm-up: 70 % new alerts, 15 % duplicates of one the client
//      posted before (signed afresh), 15 % repeats of an earlier alert's story (a new external id,
//      the same title and assets: grouped);
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
type Sent = { kind: Kind; status: number; ms: number; answer?: string };

/** One load client: its own key (round robin), its own alerts, duplicates and repeats of them. */
function loadClient(c: number) {
  const { key, secret } = present(keys[c % keys.length], "a bench key");
  const mine: Array<{ externalId: string; title: string; asset: string }> = [];
  let n = 0;
  return async (): Promise<Sent> => {
    n++;
    const roll = Math.random();
    const kind: Kind = mine.length < 5 || roll < 0.7 ? "new" : roll < 0.85 ? "duplicate" : "grouped";
    const earlier = mine[Math.floor(Math.random() * mine.length)];
    const story =
      kind === "new" || !earlier
        ? {
            externalId: `c${c}-e${n}-${randomUUID().slice(0, 8)}`,
            title: `Outbound file to ${letters(c * 100_003 + n)}`,
            asset: `host-${letters(n)}`,
          }
        : kind === "duplicate"
          ? earlier
          : { ...earlier, externalId: `c${c}-e${n}-${randomUUID().slice(0, 8)}` };
    if (kind === "new") mine.push(story);
    const body = JSON.stringify({
      source: "bench-dlp",
      externalId: story.externalId,
      title: story.title,
      severity: "high",
      observedAt: new Date().toISOString(),
      client: c % 2 ? tenant.clientB.id : tenant.clientA.id,
      dataCategories: ["PERSONAL"],
      assets: [story.asset],
      seq: `${c}-${n}`,
    });
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
    const json = (await res.json()) as { status?: string };
    return { kind, status: res.status, ms: performance.now() - t, answer: json.status };
  };
}

type Row = { name: string; count: number; perSecond: number; p50: number; p95: number; errors: number };
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

async function measure<T extends { ms: number; ok: boolean }>(
  name: string,
  workers: Array<() => Promise<T>>,
  onMeasured?: (r: T) => void,
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
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
        if (!r.ok) errors++;
        onMeasured?.(r);
      }
    }),
  );
  return {
    name,
    count: latencies.length,
    perSecond: latencies.length / SECONDS,
    p50: q(latencies, 0.5),
    p95: q(latencies, 0.95),
    errors,
  };
}

const outcomes: Record<string, number> = {};
const posters = Array.from({ length: CLIENTS }, (_, c) => {
  const post = loadClient(c);
  return async () => {
    const r = await post();
    return { ...r, ok: r.status === 200 || r.status === 201 };
  };
});
const ingest = await measure(`${CLIENTS} clients posting signed alerts (production build, HTTP)`, posters, (r) => {
  const k = `${r.kind} → ${r.status} ${r.answer ?? ""}`.trim();
  outcomes[k] = (outcomes[k] ?? 0) + 1;
});

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

const share = ingest.perSecond / floor.perSecond;
const pgVersion = (() => {
  try {
    return execFileSync("psql", ["--version"]).toString().trim();
  } catch {
    return "PostgreSQL";
  }
})();
const tableRows = [ingest, floor]
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

Measured by \`npm run bench:ingest\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}, ${pgVersion}, database pool ${POOL} connections; a production build (\`next start\`) and the load generator on the same machine over loopback; ${SECONDS} s after a ${WARMUP_MS / 1000} s warm-up. Each client signs every post (HMAC-SHA256) with one of ${INTEGRATIONS} integrations' keys; 70 % new alerts, 15 % duplicates re-signed, 15 % repeats grouped onto an earlier alert.

| Scenario | alerts | alerts/s | p50 ms | p95 ms | errors |
|---|---:|---:|---:|---:|---:|
${tableRows}

| Posted → answer | count (measured part) |
|---|---:|
${outcomeRows}

Stored afterwards: ${c.alerts} alerts counting ${c.occurrences} occurrences, ${c.receipts} receipts, ${c.audited} audit entries for them — ${consistent ? "one receipt and one audit entry per accepted occurrence" : "**MISMATCH**"}.

| Target | Result | |
|---|---|---|
| ≥ 2,000 alerts/s | ${ingest.perSecond.toFixed(0)} alerts/s | ${ingest.perSecond >= 2000 ? "met" : "**missed**"} |
| ≥ 30 % of the raw INSERT rate | ${(share * 100).toFixed(0)} % | ${share >= 0.3 ? "met" : "**missed**"} |
`;
console.log(`\n${md}`);
const OWN = /^## Alert ingestion\b/;
const existing = existsSync("BENCHMARKS.md") ? readFileSync("BENCHMARKS.md", "utf8") : "# Benchmarks\n";
const [head, ...sections] = existing.split(/^(?=## )/m);
writeFileSync("BENCHMARKS.md", [head, ...sections.filter((s) => !OWN.test(s)), md].join("").replace(/\n{3,}/g, "\n\n"));
console.log("Wrote BENCHMARKS.md (section “Alert ingestion”)");
process.exit(consistent && ingest.errors === 0 ? 0 : 1);
