// Throw-away databases for the db and e2e test tiers. They live on the PostgreSQL server at
// TEST_DATABASE_URL / DATABASE_URL (default: the local server); when no server answers, an
// embedded PostgreSQL (PGlite, in memory) stands in, and we say so.
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { bin, run } from "./run";

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { url: string; drop: () => Promise<void> };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates (after dropping any leftover of the same name) and migrates a database. */
export async function createTestDatabase(name: string, opts: { embeddedPort: number }): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  let url: string;
  let drop: () => Promise<void>;
  if (await answers(serverUrl)) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url = withDatabase(serverUrl, name);
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    console.warn(`No PostgreSQL answered at ${new URL(serverUrl).host}; starting the embedded PostgreSQL (PGlite) for the tests.`);
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ port: opts.embeddedPort });
    url = embedded.url;
    drop = () => embedded.stop();
  }
  await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
  return { url, drop };
}
