// `npm run bench:incident-page`: where the incident page's data time goes, read by read, in-process
// against the database at DATABASE_URL (the benchmark organization of npm run db:seed:large): the
// same incident and viewer as `npm run bench` (the newest incident in Investigate, a manager), and
// the incident with the longest audit trail. Median and p95 of ROUNDS runs each, interleaved.
// The "all reads of the page" row runs them as the page does (retention, detail, then the rest
// beside the read record), so it writes one ReadEvent per run.
import pg from "pg";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
if (!process.env.DATABASE_URL) {
  console.error("bench:incident-page needs DATABASE_URL: a Warden database with incidents (npm run db:seed:large).");
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS || 100);
process.env.DATABASE_POOL_MAX ??= "10";

const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
await sql.connect();
const pick = await sql.query(`
  WITH org AS (SELECT "organizationId" AS id FROM "Incident" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
  SELECT (SELECT u.id FROM "User" u, org WHERE u."organizationId" = org.id AND u.role IN ('MANAGER', 'ADMIN') AND u.active ORDER BY u.role DESC, u.email LIMIT 1) AS "userId",
    (SELECT i.id FROM "Incident" i, org WHERE i."organizationId" = org.id AND i.phase = 'INVESTIGATE' ORDER BY i."awareAt" DESC LIMIT 1) AS sample,
    (SELECT a."incidentId" FROM "AuditEvent" a, org WHERE a."organizationId" = org.id AND a."incidentId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS longest`);
const { userId, sample, longest } = pick.rows[0] as {
  userId: string | null;
  sample: string | null;
  longest: string | null;
};
const trail = async (id: string) =>
  Number((await sql.query(`SELECT count(*) FROM "AuditEvent" WHERE "incidentId" = $1`, [id])).rows[0].count);
const trails = { sample: sample ? await trail(sample) : 0, longest: longest ? await trail(longest) : 0 };
await sql.end();
if (!userId || !sample || !longest) {
  console.error("No organization with a manager and an incident in Investigate here.");
  process.exit(2);
}

const { loadViewer } = await import("../src/server/data/load-viewer");
const { getIncidentDetail } = await import("../src/server/data/incident-detail");
const { getIncidentRetention } = await import("../src/server/data/retention");
const { listAssignableStaff } = await import("../src/server/data/incidents");
const { listIncidentObligations } = await import("../src/server/data/obligations");
const { listClientQuestions } = await import("../src/server/data/client-questions");
const { recordRead } = await import("../src/server/read-log");
const loaded = await loadViewer(userId);
if (!loaded) {
  console.error("The benchmark manager cannot sign in (inactive or gone).");
  process.exit(2);
}
const viewer = loaded;
const headers = new Headers({ "x-request-id": "bench-incident-page" });

/** Every read the page makes, in the page's order. */
async function page(id: string) {
  const retention = await getIncidentRetention(viewer, id, new Date());
  if (!retention) throw new Error("not found");
  const detail = await getIncidentDetail(viewer, id);
  if (!detail) throw new Error("not found");
  const { incident } = detail;
  await Promise.all([
    listAssignableStaff(viewer, incident.clientId),
    listIncidentObligations(viewer, incident.id),
    listClientQuestions(viewer, incident.id),
    recordRead(
      viewer,
      {
        kind: "incident.view",
        targetType: "Incident",
        targetId: incident.id,
        incidentId: incident.id,
        clientId: incident.clientId,
      },
      headers,
    ),
  ]);
  return detail;
}

const first = await page(sample);
const modes: Array<[string, () => Promise<unknown>]> = [
  [`All reads of the page (bench's incident, ${trails.sample} audit events)`, () => page(sample)],
  ["… getIncidentDetail", () => getIncidentDetail(viewer, sample)],
  ["… getIncidentRetention", () => getIncidentRetention(viewer, sample, new Date())],
  ["… listIncidentObligations", () => listIncidentObligations(viewer, sample)],
  ["… listClientQuestions", () => listClientQuestions(viewer, sample)],
  ["… listAssignableStaff", () => listAssignableStaff(viewer, first.incident.clientId)],
  [`getIncidentDetail, longest trail (${trails.longest} audit events)`, () => getIncidentDetail(viewer, longest)],
];
const times = modes.map(([name, run]) => ({ name, run, ms: [] as number[] }));
for (let i = 0; i < 10; i++) for (const { run } of times) await run(); // warm up
for (let round = 0; round < ROUNDS; round++) {
  for (const { run, ms } of times) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
}
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
console.log(
  `${ROUNDS} rounds, Node ${process.version}; the bench's incident shows ${first.timeline.length} timeline entries\n`,
);
console.log("| Measured | median ms | p95 ms |\n|---|---:|---:|");
for (const { name, ms } of times) console.log(`| ${name} | ${q(ms, 0.5).toFixed(2)} | ${q(ms, 0.95).toFixed(2)} |`);
process.exit(0);
