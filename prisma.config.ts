// Prisma CLI configuration that works with no downloaded engine binary: the JS (WASM) schema
// engine talks to PostgreSQL through the pg driver adapter. See README "Database".
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

type PgConfig = { host: string; port: number; user: string; password: string; database: string };

function pgConfig(url: string): PgConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

// The schema engine reads catalog columns of type "char" (oid 18) and name (oid 19), which
// the adapter cannot deserialize; present them as text (oid 25).
class CatalogPool extends pg.Pool {
  async query(q: unknown, v?: unknown) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await (super.query as any)(q, v);
    for (const f of r?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    return r;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

// The adapter splits a migration script on every ";" (dollar-quoted PL/pgSQL bodies break).
// Send the script whole instead: PostgreSQL runs a multi-statement simple query as one
// implicit transaction, so a migration applies completely or not at all.
function runScriptsWhole(adapter: Adapter): Adapter {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const inner = adapter as any;
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script);
    } catch (error) {
      inner.onError(error);
    }
  };
  return adapter;
}

// `migrate dev` needs a shadow database; the adapter's own handling drops it while its pool is
// still open, so we create and drop it ourselves.
class MigratePg extends PrismaPg {
  constructor(private readonly cfg: PgConfig) {
    super(new CatalogPool(cfg));
  }

  async connect() {
    return runScriptsWhole(await super.connect());
  }

  async connectToShadowDb() {
    const name = `shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(this.cfg);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadow = await new PrismaPg(new CatalogPool({ ...this.cfg, database: name }), {
      disposeExternalPool: true,
    }).connect();
    runScriptsWhole(shadow);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const c = new pg.Client(this.cfg);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the Prisma CLI needs it to reach PostgreSQL.");
    return new MigratePg(pgConfig(url));
  },
});
