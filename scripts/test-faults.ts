// `npm run test:faults`: audited writes under load while the database fails, against a real
// PostgreSQL 17 (the embedded one, on a port and in a temporary data directory of its own, so
// no shared server is touched: this script stops and starts it).
//   1. Restart: FAULT_WRITERS (6) writers, each on an incident of its own, add notes and tick or
//      untick checklist items through the real services, one attempt every FAULT_INTERVAL_MS
//      (100) each. Mid-run PostgreSQL is stopped (fast shutdown), left down ~3 s and started
//      again; writing goes on throughout.
//   2. Change feed cut: the same writers go on while the change feed's connection is ended from
//      another connection (pg_terminate_backend), twice.
// Every attempt is logged (acknowledged / refused with its code / threw) with its request id,
// which its audit entry carries. Afterwards:
//   - every acknowledged write is in the database with its audit entry; a refusal that says
//     "nothing was saved" (BUSY) saved nothing; nothing is half-written (a note without its audit
//     entry, an entry without its note, a checklist item whose state is not its last entry's);
//   - during the outage every answer was BUSY or UNAVAILABLE (never a thrown error), and every
//     writer succeeded again within FAULT_RECOVERY_MS (5,000) of the server accepting
//     connections; the change feed was trusted again within seconds too;
//   - every audit chain verifies, nothing is left waiting to be chained;
//   - caches never served a value as current once a newer one had been committed for longer
//     than the notice's trip (checked all along by a reader beside the writers), and after a
//     write made while the feed was cut the cached viewer, list and dashboard show it.
// Exits 1 with the failures listed, 0 with a summary (Markdown, for the README's figures).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { bin, run } from "./lib/run";
import { present } from "./lib/present";

const WRITERS = Number(process.env.FAULT_WRITERS || 6);
const INTERVAL_MS = Number(process.env.FAULT_INTERVAL_MS || 100);
const DOWN_MS = Number(process.env.FAULT_DOWN_MS || 3_000);
const RECOVERY_MS = Number(process.env.FAULT_RECOVERY_MS || 5_000);
const PORT = Number(process.env.FAULT_DB_PORT || 54347);
// How long a change may take to reach this process's caches through the feed (a notice's trip
// on a loaded 2-core machine); a cached value older than a change committed longer ago is stale.
const NOTICE_LAG_MS = 1_000;

const root = mkdtempSync(path.join(os.tmpdir(), "warden-faults-"));
chmodSync(root, 0o755); // the server's user (as root: "postgres") enters it
const dataDir = path.join(root, "data");
const say = (line: string) => console.log(`faults: ${line}`);
let server: EmbeddedPostgres | undefined;
process.on("exit", () => rmSync(root, { recursive: true, force: true }));

say(`starting PostgreSQL on 127.0.0.1:${PORT} (data in ${dataDir})…`);
server = await startEmbeddedPostgres({ port: PORT, dataDir });
process.env.DATABASE_URL = server.url;
process.env.WARDEN_AUDIT_KEY ||= Buffer.alloc(32, "faults-audit-key").toString("base64");
process.env.WARDEN_MASTER_KEYS ||= `faults1:${Buffer.alloc(32, "faults-master-key").toString("base64")}`;
process.env.NEXTAUTH_SECRET ||= "faults-secret-faults-secret-faults-0123456";
// short bounds, so that a write waiting on a dead server gives up well within the outage
process.env.DATABASE_TX_WAIT_MS ||= "2000";
process.env.DATABASE_TX_TIMEOUT_MS ||= "5000";
await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env }, stdio: ["ignore", "ignore", "inherit"] });

const { db } = await import("../src/server/db");
const { auditKey } = await import("../src/server/audit-key");
const { chainAllPending } = await import("../src/server/audit-chainer");
const { verifyAllChains } = await import("../src/server/data/verify-audit-chain");
const { trustedGeneration, stopChangeFeed } = await import("../src/server/change-feed");
const { cachedViewer } = await import("../src/server/data/viewer-cache");
const { dashboardFigures } = await import("../src/server/data/dashboard");
const { listIncidentsCached } = await import("../src/server/data/incidents");
const { parseIncidentListQuery } = await import("../src/lib/validation/incident-list");
const { parseDashboardQuery } = await import("../src/lib/validation/dashboard");
const { addIncidentNote } = await import("../src/server/services/incidents/add-incident-note");
const { toggleChecklistItem } = await import("../src/server/services/incidents/toggle-checklist-item");
const { makeTenant } = await import("../tests/support/tenant-fixture");
const { ctxFor, logIncident } = await import("../tests/support/incident-fixture");

async function countWaiting(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return present(
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEventPending"`)).rows[0],
      "the count of waiting entries",
    ).n;
  } finally {
    await client.end();
  }
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const since0 = performance.now();
const clock = () => performance.now() - since0;

// ---------------------------------------------------------------------------------------------
// The load: writers, each on an incident of its own, alternating a note and a checklist toggle.

type Attempt = {
  writer: number;
  requestId: string;
  op: "note" | "check" | "uncheck";
  itemId?: string;
  t0: number;
  t1: number;
  outcome: "ok" | "refused" | "threw";
  code?: string;
  message?: string;
  noteId?: string;
};
const attempts: Attempt[] = [];

const tenant = await makeTenant();
const managerCtx = await ctxFor(tenant.manager.id);
type Writer = { n: number; incidentId: string; items: { id: string; done: boolean | null }[]; step: number };
const writers: Writer[] = [];
for (let n = 0; n < WRITERS; n++) {
  const incident = await logIncident(managerCtx, tenant.clientA.id, { title: `Fault incident ${n}` });
  const items = await db().checklistItem.findMany({
    where: { incidentId: incident.id, doneAt: null },
    orderBy: { label: "asc" },
    take: 3,
  });
  writers.push({ n, incidentId: incident.id, items: items.map((i) => ({ id: i.id, done: false })), step: 0 });
}

const short = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n").filter(Boolean).slice(-1)[0]?.slice(0, 200);

async function attemptOnce(w: Writer): Promise<void> {
  const step = w.step++;
  const requestId = `faults-${w.n}-${step}`;
  const ctx = { ...managerCtx, now: new Date(), requestId };
  const t0 = clock();
  const record = (a: Omit<Attempt, "writer" | "requestId" | "t0" | "t1">) =>
    attempts.push({ writer: w.n, requestId, t0, t1: clock(), ...a });
  if (step % 2 === 0) {
    try {
      const r = await addIncidentNote(ctx, { incidentId: w.incidentId, body: `Fault note ${step} by writer ${w.n}` });
      record(
        r.ok
          ? { op: "note", outcome: "ok", noteId: r.value.id }
          : { op: "note", outcome: "refused", code: r.code, message: r.message },
      );
    } catch (error) {
      record({ op: "note", outcome: "threw", message: short(error) });
    }
    return;
  }
  const item = present(w.items[Math.floor(step / 2) % w.items.length], "a checklist item of the writer's incident");
  if (item.done === null) {
    // an earlier toggle's outcome is unknown: learn the item's state first
    try {
      const row = await db().checklistItem.findUniqueOrThrow({ where: { id: item.id }, select: { doneAt: true } });
      item.done = row.doneAt !== null;
    } catch {
      return; // the database is still away; try again next time
    }
  }
  const done = !item.done;
  const op = done ? "check" : "uncheck";
  try {
    const r = await toggleChecklistItem(ctx, { incidentId: w.incidentId, itemId: item.id, done });
    if (r.ok) item.done = done;
    else item.done = null;
    record(
      r.ok
        ? { op, itemId: item.id, outcome: "ok" }
        : { op, itemId: item.id, outcome: "refused", code: r.code, message: r.message },
    );
  } catch (error) {
    item.done = null;
    record({ op, itemId: item.id, outcome: "threw", message: short(error) });
  }
}

let writing = false;
async function writeUntilStopped(w: Writer) {
  while (writing) {
    const started = performance.now();
    await attemptOnce(w);
    await sleep(Math.max(0, INTERVAL_MS - (performance.now() - started)));
  }
}
function startWriting(): () => Promise<void> {
  writing = true;
  const running = writers.map((w) => writeUntilStopped(w));
  return async () => {
    writing = false;
    await Promise.all(running);
  };
}

// ---------------------------------------------------------------------------------------------
// The watcher: the organization's data version as the database has it (its own connection), and
// as the cached viewer answers, all along. A cached answer older than a version the database
// had shown more than NOTICE_LAG_MS before the read began was served as current while stale.

type Seen = { t: number; version: number };
const truth: Seen[] = [];
const stale: string[] = [];
let watching = false;
let cachedReads = 0;
let cachedReadErrors = 0;

async function watchTruth(url: () => string) {
  while (watching) {
    const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 1_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      while (watching) {
        const t = clock();
        const r = await client.query<{ v: number }>(`SELECT "dataVersion" AS v FROM "Organization" WHERE id = $1`, [
          tenant.org.id,
        ]);
        truth.push({ t, version: present(r.rows[0], "the organization").v });
        await sleep(20);
      }
    } catch {
      await sleep(100); // the server is away; look again shortly
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function newestKnownBefore(t: number): number {
  let v = -1;
  for (const s of truth) if (s.t <= t && s.version > v) v = s.version;
  return v;
}

async function watchCache() {
  while (watching) {
    const t0 = clock();
    try {
      const viewer = await cachedViewer(tenant.manager.id);
      cachedReads += 1;
      const floor = newestKnownBefore(t0 - NOTICE_LAG_MS);
      if (viewer?.dataVersion !== undefined && viewer.dataVersion < floor && stale.length < 20) {
        stale.push(
          `at ${(t0 / 1000).toFixed(2)} s the cached viewer had data version ${viewer.dataVersion}; the database had ${floor} over ${NOTICE_LAG_MS} ms before`,
        );
      }
    } catch {
      cachedReadErrors += 1; // the database is away: an error, not a stale answer
    }
    await sleep(20);
  }
}

function startWatching(): () => Promise<void> {
  watching = true;
  const running = [watchTruth(() => present(process.env.DATABASE_URL, "DATABASE_URL")), watchCache()];
  return async () => {
    watching = false;
    await Promise.all(running);
  };
}

async function feedTrusted(withinMs: number): Promise<number | null> {
  const from = clock();
  while (clock() - from < withinMs) {
    if (trustedGeneration() !== null) return clock() - from;
    await sleep(20);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Scenario 1: PostgreSQL restarted under load.

check(
  (await feedTrusted(10_000)) !== null,
  "the change feed was not trusted at the start (it must be, for the cache checks to mean anything)",
);
await cachedViewer(tenant.manager.id);
const stopWatching1 = startWatching();
const stopWriting1 = startWriting();
await sleep(3_000);
say("stopping PostgreSQL…");
const stopAt = clock();
await server.stop();
const stoppedAt = clock();
await sleep(DOWN_MS);
say("starting PostgreSQL again…");
server = await startEmbeddedPostgres({ port: PORT, dataDir });
const readyAt = clock();
// entries committed as the server went away, whose chaining (and data version) waits for its return
const waitingAtStart = await countWaiting(server.url);
const feedBackAfter = await feedTrusted(30_000);
await sleep(Math.max(0, 8_000 - (clock() - readyAt)));
await stopWriting1();
await stopWatching1();
say(`restart scenario: ${attempts.length} attempts`);

const restartAttempts = attempts.slice();
const inOutage = (a: Attempt) => a.t1 >= stopAt && a.t0 <= readyAt;
const outage = restartAttempts.filter(inOutage);
const before = restartAttempts.filter((a) => a.t1 < stopAt);
check(
  before.length > 0 && before.every((a) => a.outcome === "ok"),
  `before the outage every write succeeds (${before.filter((a) => a.outcome !== "ok").length} of ${before.length} did not)`,
);
const unclear = outage.filter(
  (a) => !(a.outcome === "ok" || (a.outcome === "refused" && (a.code === "BUSY" || a.code === "UNAVAILABLE"))),
);
check(
  unclear.length === 0,
  `during the outage every answer is a success, BUSY or UNAVAILABLE; ${unclear.length} were not, e.g. ${unclear
    .slice(0, 3)
    .map((a) => `${a.outcome} ${a.code ?? ""} ${a.message ?? ""}`)
    .join(" | ")}`,
);
const firstOkAfter = new Map<number, number>();
for (const a of restartAttempts)
  if (a.outcome === "ok" && a.t0 >= readyAt && !firstOkAfter.has(a.writer)) firstOkAfter.set(a.writer, a.t1);
const recovery = firstOkAfter.size === WRITERS ? Math.max(...firstOkAfter.values()) - readyAt : null;
check(
  recovery !== null && recovery <= RECOVERY_MS,
  `every writer succeeds again within ${RECOVERY_MS} ms of the server's start (${recovery === null ? `${WRITERS - firstOkAfter.size} never did` : `${recovery.toFixed(0)} ms`})`,
);
const afterRecovery = restartAttempts.filter((a) => recovery !== null && a.t0 > readyAt + recovery);
const failedAfter = afterRecovery.filter((a) => a.outcome !== "ok");
check(
  failedAfter.length === 0,
  `once recovered every write succeeds (${failedAfter.length} did not, e.g. ${failedAfter[0]?.message ?? ""})`,
);
// the feed retries with a back-off of at most 10 s (change-feed.ts), then proves delivery
const FEED_RECOVERY_MS = 12_000;
check(
  feedBackAfter !== null && feedBackAfter <= FEED_RECOVERY_MS,
  `the change feed is trusted again within ${FEED_RECOVERY_MS} ms of the server's start (${feedBackAfter === null ? "not within 30 s" : `${feedBackAfter.toFixed(0)} ms`})`,
);

// ---------------------------------------------------------------------------------------------
// Scenario 2: the change feed's connection cut, twice, under load; a write while it is down.

const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
const cutFeed = async () =>
  (
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN warden_data' AND pid <> pg_backend_pid()`,
    )
  ).rowCount ?? 0;
const listQuery = parseIncidentListQuery({}).query;
const dashQuery = () => parseDashboardQuery({}, "UTC", new Date()).query;
const orgVersion = async () =>
  present(
    (await admin.query<{ v: number }>(`SELECT "dataVersion" AS v FROM "Organization" WHERE id = $1`, [tenant.org.id]))
      .rows[0],
    "the organization",
  ).v;

async function cachedShows(title: string, version: number): Promise<string[]> {
  const wrong: string[] = [];
  const viewer = await cachedViewer(tenant.manager.id);
  if (!viewer || (viewer.dataVersion ?? -1) < version)
    wrong.push(`cached viewer at data version ${viewer?.dataVersion}, the database at ${version}`);
  if (!viewer) return wrong;
  const list = await listIncidentsCached(viewer, listQuery);
  if (!list.rows.some((r) => r.title === title)) wrong.push(`the cached incident list lacks "${title}"`);
  const dash = await dashboardFigures(viewer, dashQuery());
  const open = writers.length + feedIncidents;
  if (dash.value.open.total !== open)
    wrong.push(`the cached dashboard counts ${dash.value.open.total} open incidents, not ${open}`);
  return wrong;
}

let feedIncidents = 0;
const feedChecks: string[] = [];
const feedBack: number[] = [];
check((await feedTrusted(10_000)) !== null, "the change feed is trusted before it is cut");
// warm every cache this scenario reads
await cachedShows(`Fault incident 0`, await orgVersion());
const stopWatching2 = startWatching();
const stopWriting2 = startWriting();
for (let cut = 1; cut <= 2; cut++) {
  await sleep(2_000);
  const viewer = await cachedViewer(tenant.manager.id);
  if (viewer) {
    await listIncidentsCached(viewer, listQuery);
    await dashboardFigures(viewer, dashQuery());
  }
  const killed = await cutFeed();
  check(killed === 1, `cut ${cut}: one change-feed connection to end (found ${killed})`);
  // at once, before the feed may have come back: a change, then the cached reads
  const title = `Made while the feed was cut (${cut})`;
  await logIncident({ ...managerCtx, now: new Date() }, tenant.clientA.id, { title });
  feedIncidents += 1;
  const version = await orgVersion();
  for (const w of await cachedShows(title, version)) feedChecks.push(`cut ${cut}, right after: ${w}`);
  const back = await feedTrusted(30_000);
  if (back === null) feedChecks.push(`cut ${cut}: the feed was not trusted again within 30 s`);
  else feedBack.push(back);
  for (const w of await cachedShows(title, await orgVersion()))
    feedChecks.push(`cut ${cut}, once the feed was back: ${w}`);
}
await sleep(1_000);
await stopWriting2();
await stopWatching2();
await admin.end();
check(
  feedChecks.length === 0,
  `after a write made while the feed was cut, the cached reads show it: ${feedChecks.join("; ")}`,
);
check(
  feedBack.every((ms) => ms <= RECOVERY_MS),
  `the change feed is trusted again within ${RECOVERY_MS} ms of a cut (${feedBack.map((ms) => `${ms.toFixed(0)} ms`).join(", ")})`,
);
const feedAttempts = attempts.slice(restartAttempts.length);
const feedFailed = feedAttempts.filter((a) => a.outcome !== "ok");
check(
  feedFailed.length === 0,
  `while the feed is cut every write succeeds (${feedFailed.length} of ${feedAttempts.length} did not, e.g. ${feedFailed[0]?.message ?? ""})`,
);
check(
  stale.length === 0,
  `caches never serve a value older than a committed change (+${NOTICE_LAG_MS} ms) as current: ${stale.join("; ")}`,
);

// ---------------------------------------------------------------------------------------------
// What the database holds, against the log.

await chainAllPending(auditKey());
const incidentIds = writers.map((w) => w.incidentId);
const notes = await db().incidentNote.findMany({ where: { incidentId: { in: incidentIds } }, select: { id: true } });
const events = await db().auditEvent.findMany({
  where: { incidentId: { in: incidentIds }, action: { in: ["note.create", "checklist.check", "checklist.uncheck"] } },
  select: { requestId: true, action: true, entityId: true, seq: true },
  orderBy: { seq: "asc" },
});
const byRequest = new Map(events.map((e) => [e.requestId, e]));
const noteIds = new Set(notes.map((n) => n.id));
const noteEvents = events.filter((e) => e.action === "note.create");

const lost = attempts.filter(
  (a) =>
    a.outcome === "ok" &&
    (a.op === "note"
      ? !noteIds.has(a.noteId ?? "") || byRequest.get(a.requestId)?.entityId !== a.noteId
      : !byRequest.has(a.requestId)),
);
check(
  lost.length === 0,
  `every acknowledged write is in the database with its audit entry (${lost.length} are not: ${lost
    .slice(0, 5)
    .map((a) => a.requestId)
    .join(", ")})`,
);
const savedAnyway = attempts.filter((a) => a.outcome === "refused" && a.code === "BUSY" && byRequest.has(a.requestId));
check(
  savedAnyway.length === 0,
  `a write answered BUSY ("nothing was saved") saved nothing (${savedAnyway.length} did: ${savedAnyway
    .slice(0, 5)
    .map((a) => a.requestId)
    .join(", ")})`,
);
const unavailableSaved = attempts.filter(
  (a) => a.outcome === "refused" && a.code === "UNAVAILABLE" && byRequest.has(a.requestId),
).length;
const orphanNotes = notes.filter((n) => !noteEvents.some((e) => e.entityId === n.id));
const orphanEvents = noteEvents.filter((e) => !noteIds.has(e.entityId ?? ""));
check(
  orphanNotes.length === 0 && orphanEvents.length === 0,
  `nothing half-written: ${orphanNotes.length} notes without their audit entry, ${orphanEvents.length} note entries without their note`,
);
const items = await db().checklistItem.findMany({
  where: { id: { in: writers.flatMap((w) => w.items.map((i) => i.id)) } },
  select: { id: true, doneAt: true },
});
const itemsOff = items.filter((item) => {
  const last = events.filter((e) => e.entityId === item.id).at(-1);
  return (last?.action === "checklist.check") !== (item.doneAt !== null);
});
check(itemsOff.length === 0, `every checklist item's state is its last audit entry's (${itemsOff.length} differ)`);
const waiting = await db().auditEventPending.count();
check(waiting === 0, `nothing left waiting to be chained (${waiting})`);
const reports = await verifyAllChains(db(), auditKey());
const stored = await db().auditEvent.count();
const verified = reports.reduce((n, r) => n + r.events, 0);
const broken = reports.filter((r) => r.broken);
check(
  broken.length === 0 && verified === stored,
  `every audit chain verifies (${verified} of ${stored} events; ${broken.map((b) => `${b.slug} at #${b.broken?.seq}: ${b.broken?.reason}`).join("; ")})`,
);

await stopChangeFeed();
await db().$disconnect();
await server.stop();

// ---------------------------------------------------------------------------------------------

const count = (list: Attempt[], f: (a: Attempt) => boolean) => list.filter(f).length;
const codes = new Map<string, number>();
for (const a of outage)
  if (a.outcome !== "ok")
    codes.set(`${a.outcome} ${a.code ?? a.message}`, (codes.get(`${a.outcome} ${a.code ?? a.message}`) ?? 0) + 1);
console.log(
  `\n${WRITERS} writers, one attempt each every ${INTERVAL_MS} ms (notes and checklist ticks, audited), PostgreSQL ${server.version}, Node ${process.version}\n`,
);
console.log("| | |\n|---|---|");
console.log(`| Attempts (restart / feed cuts) | ${restartAttempts.length} / ${feedAttempts.length} |`);
console.log(`| Acknowledged | ${count(attempts, (a) => a.outcome === "ok")} |`);
console.log(
  `| Server down (stop → started again) | ${((readyAt - stopAt) / 1000).toFixed(1)} s (stop took ${((stoppedAt - stopAt) / 1000).toFixed(1)} s) |`,
);
console.log(
  `| Answers overlapping the outage | ${outage.length}: ${count(outage, (a) => a.outcome === "ok")} ok; ${[...codes].map(([k, v]) => `${v} ${k}`).join(", ") || "no refusals"} |`,
);
console.log(`| UNAVAILABLE answers whose write had in fact been saved | ${unavailableSaved} |`);
console.log(`| Entries committed before the stop, chained after the start | ${waitingAtStart} |`);
console.log(
  `| Every writer succeeding again after the start | ${recovery === null ? "never" : `${(recovery / 1000).toFixed(2)} s`} |`,
);
console.log(
  `| Change feed trusted again after the start / after a cut | ${feedBackAfter === null ? "never" : `${(feedBackAfter / 1000).toFixed(2)} s`} / ${feedBack.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} |`,
);
console.log(`| Cached reads checked (errors while the server was away) | ${cachedReads} (${cachedReadErrors}) |`);
console.log(`| Audit events verified | ${verified} of ${stored} |`);
if (failures.length) {
  console.error(`\nFAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\nEvery check passed.");
process.exit(0);
