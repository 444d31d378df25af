// `npm run bench:read-log`: what recording a read (src/server/read-log.ts) adds to the incident
// page's data load. In-process, against the database at DATABASE_URL (the benchmark organization
// of npm run db:seed:large, or any Warden database with incidents): the page's detail read alone,
// then with its read recorded as the page does it (beside its other reads), then after them.
// Median and p95 of ROUNDS runs each, interleaved. Writes one ReadEvent per run with a read.
import pg from "pg";
import nextEnv from "@next/env";
import { present } from "./lib/present";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
if (!process.env.DATABASE_URL) {
  console.error(
    "bench:read-log needs DATABASE_URL: a Warden database with incidents (npm run db:seed:large, or the demo).",
  );
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS || 200);
process.env.DATABASE_POOL_MAX ??= "4";

const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
await sql.connect();
// the organization with the most incidents, a manager of it, and its incident with the longest trail
const pick = await sql.query(`
  WITH org AS (SELECT "organizationId" AS id FROM "Incident" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
  SELECT (SELECT u.id FROM "User" u, org WHERE u."organizationId" = org.id AND u.role IN ('MANAGER', 'ADMIN') AND u.active ORDER BY u.role DESC, u.email LIMIT 1) AS "userId",
    (SELECT a."incidentId" FROM "AuditEvent" a, org WHERE a."organizationId" = org.id AND a."incidentId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS "incidentId",
    (SELECT count(*)::int FROM "ReadEvent") AS reads`);
const { userId, incidentId, reads } = pick.rows[0] as {
  userId: string | null;
  incidentId: string | null;
  reads: number;
};
await sql.end();
if (!userId || !incidentId) {
  console.error("No organization with a manager and an incident with an audit trail here.");
  process.exit(2);
}

const { loadViewer } = await import("../src/server/data/load-viewer");
const { getIncidentDetail } = await import("../src/server/data/incident-detail");
const { recordRead } = await import("../src/server/read-log");
const viewer = present(await loadViewer(userId), `the viewer for user ${userId}`);
const headers = new Headers({ "x-request-id": "bench-read-log" });
const read = { kind: "incident.view", targetType: "Incident", targetId: incidentId, incidentId } as const;
const detail = () => getIncidentDetail(viewer, incidentId);
const record = () => recordRead(viewer, read, headers);

const modes: Array<[string, () => Promise<unknown>]> = [
  ["Incident page data, no read recorded", detail],
  ["… with its read recorded alongside (as the page does)", () => Promise.all([detail(), record()])],
  ["… with its read recorded after it", async () => (await detail(), await record())],
  ["Recording a read alone (one INSERT)", record],
];
const timed = modes.map(([name, run]) => ({ name, run, times: [] as number[] }));
for (let i = 0; i < 10; i++) for (const { run } of timed) await run(); // warm up
for (let round = 0; round < ROUNDS; round++) {
  for (const { run, times } of timed) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
}
const q = (xs: number[], p: number) =>
  present([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))], "a timing");
console.log(
  `${ROUNDS} rounds, ${reads.toLocaleString("en-US")} reads in the log before the run, Node ${process.version}\n`,
);
console.log("| Measured | median ms | p95 ms |\n|---|---:|---:|");
for (const { name, times } of timed)
  console.log(`| ${name} | ${q(times, 0.5).toFixed(2)} | ${q(times, 0.95).toFixed(2)} |`);
process.exit(0);
