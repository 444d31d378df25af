// `npm run db:reset`: drops every table of the database at DATABASE_URL (or wipes the embedded
// database in .data/pglite), re-applies all migrations and, if WARDEN_SEED_DEMO=1, the demo.
import { rmSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { bin, run } from "./lib/run";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

if (!process.env.DATABASE_URL) {
  rmSync(path.join(process.cwd(), ".data", "pglite"), { recursive: true, force: true });
  console.log("Removed the embedded database (.data/pglite); `npm start` creates and seeds a new one.");
} else {
  await run(bin("prisma"), ["migrate", "reset", "--force", "--skip-seed"], { env: process.env });
  if (process.env.WARDEN_SEED_DEMO === "1") await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
}
