// `npm start`: one command from a fresh clone to a running Warden.
//   - DATABASE_URL unset → starts an embedded PostgreSQL (data in ./.data), seeds the demo.
//   - DATABASE_URL set   → uses that server; seeds the demo only with WARDEN_SEED_DEMO=1.
// Then applies migrations, builds the app if the build is missing or older than the sources,
// and serves it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import nextEnv from "@next/env";
import { parseEnv } from "../src/server/env";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-data";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { bin, run } from "./lib/run";
import { needsBuild } from "./lib/build-state";

const root = process.cwd();
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

const dataDir = path.join(root, ".data");
const port = Number(process.env.PORT || 3000);
// Loopback by default: the demo accounts share a published password. Set HOST=0.0.0.0 to serve a network.
const hostname = process.env.HOST || "127.0.0.1";

function fail(message: string): never {
  console.error(`\nwarden: ${message}\n`);
  process.exit(1);
}

function sessionSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };

  if (!env.DATABASE_URL) {
    const dbPort = Number(env.EMBEDDED_DB_PORT || 54329);
    console.log(`warden: no DATABASE_URL set, starting the embedded PostgreSQL (data in .data/pglite, port ${dbPort})…`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: dbPort });
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_MAX ||= "1";
    env.NEXTAUTH_SECRET ||= sessionSecret();
    env.WARDEN_SEED_DEMO ||= "1";
  }
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  env.NEXT_TELEMETRY_DISABLED ||= "1";

  try {
    parseEnv(env);
  } catch (error) {
    await embedded?.stop();
    fail((error as Error).message);
  }

  const stop = async (code: number) => {
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };

  try {
    console.log("warden: applying database migrations…");
    await run(bin("prisma"), ["migrate", "deploy"], { env });
    if (env.WARDEN_SEED_DEMO === "1") {
      console.log("warden: making sure the demo organization exists…");
      await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
    }
    if (needsBuild(root)) {
      console.log("warden: building the app (first start, or the sources changed)…");
      await run(bin("next"), ["build"], { env });
    }
  } catch (error) {
    console.error(`warden: ${(error as Error).message}`);
    await stop(1);
  }

  const server = spawn(bin("next"), ["start", "-p", String(port), "-H", hostname], { stdio: ["ignore", "inherit", "inherit"], env });
  // Reminders and escalations need a second database session; the embedded database serves one
  // session safely, so they run only against a real PostgreSQL.
  const worker = embedded ? null : spawn(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { stdio: ["ignore", "inherit", "inherit"], env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      worker?.kill(signal);
      server.kill(signal);
    });
  }
  server.on("exit", (code) => {
    worker?.kill("SIGTERM");
    void stop(code ?? 0);
  });

  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  console.log(`\nWarden is running at http://localhost:${port}\n`);
  if (embedded) console.log("Reminders and escalations are off with the embedded database; set DATABASE_URL to a PostgreSQL server to run them.\n");
  if (env.WARDEN_SEED_DEMO === "1") {
    console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(15)} ${u.email}`);
    console.log("");
  }
}

async function waitForHealth(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error("warden: the server did not report healthy within 60 s; see the log above.");
}

void main();
