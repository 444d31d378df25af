// `npm run db:reset`: drops every table of the database at DATABASE_URL (or wipes the embedded
// database in .data/postgres), re-applies all migrations and, if WARDEN_SEED_DEMO=1, the demo.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { bin, run } from "./lib/run";
import { runningServer } from "./lib/embedded-postgres";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

if (!process.env.DATABASE_URL) {
  const dataDir = path.join(process.cwd(), ".data", "postgres");
  const pid = runningServer(dataDir);
  if (pid !== null) {
    console.error(
      `The embedded PostgreSQL is running (pid ${pid}): stop \`npm start\` first, then run \`npm run db:reset\` again.`,
    );
    process.exit(1);
  }
  for (const p of [dataDir, `${dataDir}-password`, `${dataDir}.log`]) rmSync(p, { recursive: true, force: true });
  console.log("Removed the embedded database (.data/postgres); `npm start` creates and seeds a new one.");
  if (existsSync(path.join(process.cwd(), ".data", "pglite"))) {
    console.log(
      "Left .data/pglite alone: it holds the database of an earlier Warden (PGlite) and is no longer used; delete it if you no longer need it.",
    );
  }
} else {
  await run(bin("prisma"), ["migrate", "reset", "--force", "--skip-seed"], { env: process.env });
  if (process.env.WARDEN_SEED_DEMO === "1") await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
}
