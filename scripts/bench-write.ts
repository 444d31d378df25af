// `npm run bench:write`: audited writes under concurrency. Creates (after dropping any leftover)
// a database of its own, `warden_bench_write`, on the PostgreSQL server at DATABASE_URL (or
// 127.0.0.1:5432, user postgres), migrates it, and runs in this process, through the real
// services (src/server/services/incidents/*):
//   1. BENCH_WRITERS (32) concurrent writers, each on an incident of its own, all in one
//      organization: a note, a checklist tick (or untick), a change of severity, in turn;
//   2. the same writers spread over ten organizations;
//   3. the floor: the same writers each running `BEGIN; INSERT note; INSERT audit; COMMIT`
//      straight through node-postgres (no ORM, no chain, no service), over a pool of the size
//      the app uses.
// Each for BENCH_SECONDS (10) after a short warm-up; then every audit chain is verified. The
// database is left for a look afterwards (the next run drops it first).
// Prints a Markdown table: writes per second, p50/p95/p99 latency, errors (with a sample).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { present } from "./lib/present";
import nextEnv from "@next/env";
import { createTestDatabase, DEFAULT_SERVER_URL } from "./lib/test-database";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const WRITERS = Number(process.env.BENCH_WRITERS || 32);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP_MS = 2_000;

// A database of its own, and keys of its own when none are set (nothing here is kept).
const server = process.env.DATABASE_URL || DEFAULT_SERVER_URL;
process.env.DATABASE_URL = server;
const database = await createTestDatabase("warden_bench_write", { embeddedPort: 54341 });
process.env.DATABASE_URL = database.url;
process.env.WARDEN_AUDIT_KEY ||= Buffer.alloc(32, "bench-write-audit-key").toString("base64");
process.env.WARDEN_MASTER_KEYS ||= `bench1:${Buffer.alloc(32, "bench-write-master-key").toString("base64")}`;
process.env.NEXTAUTH_SECRET ||= "bench-write-secret-bench-write-secret-0123";

const { db } = await import("../src/server/db");
const { databaseEnv } = await import("../src/server/env");
const { auditKey } = await import("../src/server/audit-key");
const { verifyAllChains } = await import("../src/server/data/verify-audit-chain");
const { addIncidentNote } = await import("../src/server/services/incidents/add-incident-note");
const { toggleChecklistItem } = await import("../src/server/services/incidents/toggle-checklist-item");
const { transitionIncident } = await import("../src/server/services/incidents/transition-incident");
const { makeTenant } = await import("../tests/support/tenant-fixture");
const { ctxFor, logIncident } = await import("../tests/support/incident-fixture");

type Outcome = { ok: boolean; message?: string };
type Writer = () => Promise<Outcome>;

/** A writer on one incident of its own: note, tick, severity, in turn (as an analyst's day goes). */
async function serviceWriter(userId: string, clientId: string, n: number): Promise<Writer> {
  const ctx = await ctxFor(userId);
  const incident = await logIncident(ctx, clientId, { title: `Bench incident ${n}` });
  const items = await db().checklistItem.findMany({
    where: { incidentId: incident.id, doneAt: null },
    orderBy: { label: "asc" },
  });
  let i = 0;
  return async () => {
    const c = { ...ctx, now: new Date() };
    const step = i++;
    let r: { ok: boolean; message?: string };
    switch (step % 3) {
      case 0:
        r = await addIncidentNote(c, { incidentId: incident.id, body: `Bench note ${step} by writer ${n}` });
        break;
      case 1: {
        const item = present(items[Math.floor(step / 3) % items.length], "a checklist item to tick");
        r = await toggleChecklistItem(c, {
          incidentId: incident.id,
          itemId: item.id,
          done: Math.floor(step / 3 / items.length) % 2 === 0,
        });
        break;
      }
      default: {
        const { version, severity } = await db().incident.findUniqueOrThrow({
          where: { id: incident.id },
          select: { version: true, severity: true },
        });
        r = await transitionIncident(c, {
          incidentId: incident.id,
          version,
          kind: "CHANGE_SEVERITY",
          severity: severity === "HIGH" ? "CRITICAL" : "HIGH",
          reason: `Bench step ${step}`,
        });
      }
    }
    return r.ok ? { ok: true } : { ok: false, message: `${"code" in r ? r.code : ""}: ${r.message}` };
  };
}

type Row = {
  name: string;
  writes: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  sample?: string;
};

async function measure(name: string, writers: Writer[]): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let sample: string | undefined;
  const start = performance.now();
  const measuredFrom = start + WARMUP_MS;
  const end = measuredFrom + SECONDS * 1000;
  await Promise.all(
    writers.map(async (write) => {
      while (performance.now() < end) {
        const t = performance.now();
        let outcome: Outcome;
        try {
          outcome = await write();
        } catch (error) {
          outcome = {
            ok: false,
            message: (error as Error).message.split("\n").filter(Boolean).slice(-1)[0]?.slice(0, 160),
          };
        }
        const done = performance.now();
        if (t < measuredFrom || done > end) continue;
        latencies.push(done - t);
        if (!outcome.ok) {
          errors += 1;
          sample ??= outcome.message;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    name,
    writes: latencies.length,
    perSecond: latencies.length / SECONDS,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    errors,
    sample,
  };
}

// Ten organizations; the first holds every writer of scenario 1.
const tenants: Awaited<ReturnType<typeof makeTenant>>[] = [];
for (let i = 0; i < 10; i++) tenants.push(await makeTenant());
const first = present(tenants[0], "the first organization");
const oneOrg: Writer[] = [];
for (let w = 0; w < WRITERS; w++) oneOrg.push(await serviceWriter(first.manager.id, first.clientA.id, w));
const tenOrgs: Writer[] = [];
for (let w = 0; w < WRITERS; w++) {
  const t = present(tenants[w % tenants.length], "an organization");
  tenOrgs.push(await serviceWriter(t.manager.id, t.clientA.id, w));
}

// The floor: two INSERTs and a COMMIT per write, into tables shaped like a note and an event.
const raw = new pg.Pool({ connectionString: database.url, max: databaseEnv().DATABASE_POOL_MAX });
await raw.query(
  `CREATE TABLE bench_note (id uuid PRIMARY KEY, incident_id uuid NOT NULL, body text NOT NULL, created_at timestamp(3) NOT NULL)`,
);
await raw.query(
  `CREATE TABLE bench_audit (id uuid PRIMARY KEY, organization_id uuid NOT NULL, incident_id uuid, action varchar(64) NOT NULL, changes jsonb, at timestamp(3) NOT NULL)`,
);
const rawWriters: Writer[] = Array.from({ length: WRITERS }, (_, w) => {
  const incidentId = randomUUID();
  return async () => {
    const client = await raw.connect();
    try {
      await client.query("BEGIN");
      await client.query("INSERT INTO bench_note VALUES ($1, $2, $3, now())", [
        randomUUID(),
        incidentId,
        `Bench note by writer ${w}`,
      ]);
      await client.query("INSERT INTO bench_audit VALUES ($1, $2, $3, 'note.create', $4, now())", [
        randomUUID(),
        first.org.id,
        incidentId,
        JSON.stringify({ length: 20 }),
      ]);
      await client.query("COMMIT");
      return { ok: true };
    } finally {
      client.release();
    }
  };
});

const rows: Row[] = [];
rows.push(await measure(`${WRITERS} writers, one organization (notes, ticks, severity changes)`, oneOrg));
rows.push(await measure(`${WRITERS} writers over ten organizations`, tenOrgs));
rows.push(await measure(`Floor: ${WRITERS} writers, raw INSERT; INSERT; COMMIT (node-postgres)`, rawWriters));
await raw.end();

const reports = await verifyAllChains(db(), auditKey());
const events = reports.reduce((n, r) => n + r.events, 0);
const broken = reports.filter((r) => r.broken);
const stored = await db().auditEvent.count();

console.log(
  `${WRITERS} writers, ${SECONDS} s each after ${WARMUP_MS / 1000} s warm-up, pool of ${databaseEnv().DATABASE_POOL_MAX} connections, Node ${process.version}\n`,
);
console.log(
  "| Scenario | writes | writes/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|",
);
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.writes} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
  );
for (const r of rows) if (r.sample) console.log(`\n${r.name}: first error: ${r.sample}`);
console.log(
  `\nAudit chains: ${reports.length} organizations, ${events} of ${stored} stored events verified, ${broken.length ? `BROKEN: ${broken.map((b) => `${b.slug} at #${b.broken?.seq}: ${b.broken?.reason}`).join("; ")}` : "every chain verifies"}`,
);
// the database stays for a look afterwards; the next run drops it first
process.exit(broken.length || events !== stored ? 1 : 0);
