// Runs `prisma generate` after install. Generating connects to no database, but Prisma 6 only
// takes the engine-free path when the datasource URL resolves; without it the CLI tries to
// download a query-engine binary, which our machines cannot reach. So give it a placeholder.
import { spawnSync } from "node:child_process";

import path from "node:path";

const env = { ...process.env };
// run directly (not only from npm, which puts node_modules/.bin on PATH) it still finds the CLI
env.PATH = [path.resolve("node_modules", ".bin"), env.PATH].filter(Boolean).join(path.delimiter);
env.DATABASE_URL ||= "postgresql://placeholder@127.0.0.1:5432/placeholder";
const r = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(r.status ?? 1);
