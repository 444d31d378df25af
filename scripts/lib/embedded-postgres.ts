// An embedded PostgreSQL for laptops and demos: PGlite (Postgres compiled to WASM) served over
// the wire protocol on loopback, so the app, Prisma's CLI and psql connect to it like to any
// server. PGlite is a single-session database: the socket server queues every connection's
// queries onto it, so keep client pools small (DATABASE_POOL_MAX=1 in embedded mode).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(opts: { dataDir?: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  const host = opts.host ?? "127.0.0.1";
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = opts.dataDir ? await PGlite.create(opts.dataDir) : await PGlite.create();
  const server = new PGLiteSocketServer({ db, host, port: opts.port, maxConnections: 16 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(`Port ${opts.port} on ${host} is in use: set EMBEDDED_DB_PORT to a free port, or DATABASE_URL to your own PostgreSQL.`);
    }
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@${host}:${opts.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
