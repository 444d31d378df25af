// Throw-away databases for the db and e2e test tiers. They live on the PostgreSQL server at
// TEST_DATABASE_URL / DATABASE_URL (default: the local server); when no server answers, the
// embedded PostgreSQL starts in a temporary directory (removed afterwards) and stands in, and
// we say so.
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
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

async function onServer(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates (after dropping any leftover of the same name) and migrates a database. */
export async function createTestDatabase(name: string, opts: { embeddedPort: number }): Promise<TestDatabase> {
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  let stopServer = async () => {};
  if (!(await answers(serverUrl))) {
    console.warn(
      `No PostgreSQL answered at ${new URL(serverUrl).host}; starting the embedded PostgreSQL on port ${opts.embeddedPort} for the tests.`,
    );
    const embedded = await startEmbeddedPostgres({ port: opts.embeddedPort });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  try {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await onServer(serverUrl, `CREATE DATABASE "${name}"`);
    const url = withDatabase(serverUrl, name);
    await run(bin("prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    return {
      url,
      async drop() {
        try {
          await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await stopServer();
        }
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}
