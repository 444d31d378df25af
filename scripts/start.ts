// `npm start`: one command from a fresh clone to a running Warden.
//   - DATABASE_URL unset → starts the embedded PostgreSQL (data in ./.data/postgres), seeds the demo.
//   - DATABASE_URL set   → uses that server; seeds the demo only with WARDEN_SEED_DEMO=1.
// Then applies migrations, builds the app if the build is missing or older than the sources,
// and serves it with the reminder worker beside it. Ctrl-C (SIGINT) or SIGTERM stops the app and
// the worker, then the embedded database.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import nextEnv from "@next/env";
import { parseEnv } from "../src/server/env";
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-data";
import { demoTotpSecret } from "../prisma/demo-totp";
import { DEMO_INTEGRATIONS } from "../prisma/demo-integration";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { bin, run } from "./lib/run";
import { needsBuild } from "./lib/build-state";
import { demoDecision, demoPresentRefusal } from "./lib/demo-guard";
import pg from "pg";

async function demoOrganizationExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`SELECT 1 FROM "Organization" WHERE slug = $1`, [DEMO_ORGANIZATION.slug]);
    return r.rows.length > 0;
  } finally {
    await client.end();
  }
}

const root = process.cwd();
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

const dataDir = path.join(root, ".data");
const port = Number(process.env.PORT || 3000);
// Loopback by default: the demo accounts share a published password. Set HOST=0.0.0.0 to serve a network.
const hostname = process.env.HOST || "127.0.0.1";

const say = (line: string) => console.log(`warden: ${line}`);

function sessionSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

// The audit chain's HMAC key, generated once like the session secret and kept beside it,
// outside the database: losing it means the chain written with it can no longer be verified.
function auditKeyFile(): string {
  const file = path.join(dataDir, "audit-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64url");
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}

// The master key that wraps each incident's data key, made once like the audit key. Whoever has
// .data has the database and its keys together: fine for a laptop's demo, not for production,
// where WARDEN_MASTER_KEYS comes from a secret store and the database from elsewhere.
function masterKeysFile(): string {
  const file = path.join(dataDir, "master-keys");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const keys = `local1:${randomBytes(32).toString("base64")}`;
  writeFileSync(file, keys + "\n", { mode: 0o600 });
  return keys;
}

let embedded: EmbeddedPostgres | undefined;
const children = new Set<ChildProcess>();
let stopping = false;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Stops the app and the worker (SIGTERM, SIGKILL after 15 s), then the database, then exits. */
async function shutdown(code: number): Promise<never> {
  if (stopping) {
    // asked twice: do not wait any longer
    for (const child of children) child.kill("SIGKILL");
    await embedded?.stop().catch(() => {});
    process.exit(code);
  }
  stopping = true;
  await Promise.all(
    [...children].map(async (child) => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(timer);
    }),
  );
  if (embedded) {
    say("stopping the embedded PostgreSQL…");
    await embedded.stop().catch((error) => console.error(`warden: ${(error as Error).message}`));
  }
  process.exit(code);
}

function fail(message: string): Promise<never> {
  // a step that fails because Ctrl-C reached it too: the shutdown under way finishes the job
  if (stopping) return new Promise<never>(() => {});
  console.error(`\nwarden: ${message}\n`);
  return shutdown(1);
}

function serve(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function main() {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };

  if (!env.DATABASE_URL) {
    const dbPort = Number(env.EMBEDDED_DB_PORT || 54329);
    if (existsSync(path.join(dataDir, "pglite"))) {
      say(
        ".data/pglite holds the database of an earlier Warden (PGlite); it is no longer used (the embedded database is now a real PostgreSQL in .data/postgres). Delete .data/pglite when you no longer need it.",
      );
    }
    say(
      `no DATABASE_URL set, starting the embedded PostgreSQL (data in .data/postgres, port ${dbPort}, log in .data/postgres.log)…`,
    );
    try {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: dbPort, say });
    } catch (error) {
      return fail((error as Error).message);
    }
    say(`PostgreSQL ${embedded.version} is running on 127.0.0.1:${dbPort}.`);
    env.DATABASE_URL = embedded.url;
    env.NEXTAUTH_SECRET ||= sessionSecret();
    env.WARDEN_AUDIT_KEY ||= auditKeyFile();
    env.WARDEN_MASTER_KEYS ||= masterKeysFile();
    env.WARDEN_SEED_DEMO ||= "1";
  }
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  env.NEXT_TELEMETRY_DISABLED ||= "1";

  let databaseUrl: string;
  try {
    databaseUrl = parseEnv(env).DATABASE_URL;
  } catch (error) {
    return fail((error as Error).message);
  }

  try {
    say("applying database migrations…");
    await run(bin("prisma"), ["migrate", "deploy"], { env });
    const refusal = demoPresentRefusal(
      await demoOrganizationExists(databaseUrl),
      hostname,
      env.WARDEN_DEMO_ON_NETWORK === "1",
    );
    if (refusal) return fail(refusal);
    const demo = demoDecision(env.WARDEN_SEED_DEMO === "1", hostname, env.WARDEN_DEMO_ON_NETWORK === "1");
    if (demo.message) say(demo.message);
    env.WARDEN_SEED_DEMO = demo.seed ? "1" : "0";
    if (demo.seed) {
      say("making sure the demo organization exists…");
      await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
    }
    if (needsBuild(root)) {
      say("building the app (first start, or the sources changed)…");
      await run(bin("next"), ["build"], { env });
    }
  } catch (error) {
    return fail((error as Error).message);
  }
  if (stopping) return;

  const server = serve(bin("next"), ["start", "-p", String(port), "-H", hostname], env);
  // Reminders and escalations: pg-boss on the same database, in its own process.
  const worker = serve(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], env);
  server.once("exit", (code) => {
    if (!stopping) void fail(`the web server stopped (${code === null ? "killed" : `exit code ${code}`}).`);
  });
  worker.once("exit", (code) => {
    if (!stopping)
      console.error(
        `warden: the reminder worker stopped (${code === null ? "killed" : `exit code ${code}`}); the app keeps running without reminders.`,
      );
  });

  if (!(await waitForHealth(`http://127.0.0.1:${port}/api/health`))) return;
  console.log(
    `\nWarden is running at http://localhost:${port} (Ctrl-C stops it${embedded ? " and the embedded PostgreSQL" : ""})\n`,
  );
  if (env.WARDEN_SEED_DEMO === "1") {
    console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    // The authenticator secrets are as public as the password: printed for the local demo only.
    if (embedded)
      console.log(
        `  ${"role".padEnd(15)} ${"email".padEnd(34)} authenticator secret (current code: npm run demo:code -- <email>)`,
      );
    for (const u of DEMO_USERS)
      console.log(`  ${u.role.padEnd(15)} ${embedded ? `${u.email.padEnd(34)} ${demoTotpSecret(u.email)}` : u.email}`);
    console.log("");
    // as public as the password; printed for the local demo only (README "Alerts API" has curl examples)
    if (embedded) {
      console.log("Demo integrations (POST /api/v1/alerts):");
      for (const i of DEMO_INTEGRATIONS) console.log(`  ${i.name}: key ${i.apiKey}  signing secret ${i.signingSecret}`);
      console.log("");
    }
  }
}

async function waitForHealth(url: string): Promise<boolean> {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) console.error("warden: the server did not report healthy within 60 s; see the log above.");
  return false;
}

void main();
