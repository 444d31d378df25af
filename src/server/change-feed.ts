import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseEnv } from "./env";
import { sqlRows } from "./db";
import { Prisma } from "@/generated/prisma/client";
import { log } from "./log";

// Each server process learns of every change of data as it commits: the organization's data
// version (audit.ts bumps it with each audited change, in the change's transaction) is sent
// on a PostgreSQL channel, which delivers on commit. Caches that key on the version (the
// viewer, dashboard figures) can then keep entries until a change, with no query to ask.
//
// A cache may only trust the feed while it is connected and proven: after LISTEN a notice is
// sent from another connection and the feed waits for it (a server that accepts LISTEN but
// does not deliver across connections, as the embedded database does not, leaves the feed
// unproven, and every read goes to the database).
// Losing the connection forgets every version and starts a new generation, so an entry made
// before the loss is never trusted after it.

export const CHANGES_CHANNEL = "warden_data";
const PROOF_TIMEOUT_MS = 3_000;

type Feed = { generation: number; proven: boolean; client: pg.Client | null; latest: Map<string, number>; retryMs: number; started: boolean };
const globalForFeed = globalThis as unknown as { wardenFeed?: Feed };
const feed = (globalForFeed.wardenFeed ??= { generation: 0, proven: false, client: null, latest: new Map(), retryMs: 1_000, started: false });

/** The feed's current generation when it can be trusted, else null (then read the database). */
export function trustedGeneration(): number | null {
  if (!feed.started) start();
  return feed.proven ? feed.generation : null;
}

/** The newest data version known for an organization (told by the feed or read from a row). */
export function latestVersion(organizationId: string): number | undefined {
  return feed.latest.get(organizationId);
}

/** Records a version read from the database (versions only grow, so the larger one wins). */
export function observeVersion(organizationId: string, version: number): void {
  if (!feed.proven) return;
  const known = feed.latest.get(organizationId);
  if (known === undefined || version > known) feed.latest.set(organizationId, version);
}

/** Closes the feed (for scripts and tests that must exit); caches read through afterwards. */
export async function stopChangeFeed(): Promise<void> {
  feed.started = false;
  feed.proven = false;
  feed.generation += 1;
  feed.latest.clear();
  const client = feed.client;
  feed.client = null;
  client?.removeAllListeners();
  client?.on("error", () => {});
  await client?.end().catch(() => {});
}

function lose(reason: string) {
  if (feed.proven) log.warn("change_feed.lost", { reason });
  feed.proven = false;
  feed.generation += 1;
  feed.latest.clear();
  const client = feed.client;
  feed.client = null;
  client?.removeAllListeners();
  client?.on("error", () => {});
  void client?.end().catch(() => {});
  const wait = feed.retryMs;
  feed.retryMs = Math.min(feed.retryMs * 2, 30_000);
  setTimeout(connect, wait).unref();
}

function start() {
  feed.started = true;
  void connect();
}

async function connect() {
  if (!feed.started) return;
  const generation = ++feed.generation;
  const client = new pg.Client({ connectionString: databaseEnv().DATABASE_URL });
  feed.client = client;
  const proof = `proof:${randomUUID()}`;
  let proved: () => void = () => {};
  const proofSeen = new Promise<void>((resolve) => (proved = resolve));
  client.on("notification", (msg) => {
    if (msg.channel !== CHANGES_CHANNEL || !msg.payload) return;
    if (msg.payload === proof) return proved();
    const cut = msg.payload.lastIndexOf(":");
    const version = Number(msg.payload.slice(cut + 1));
    if (cut > 0 && Number.isInteger(version)) {
      const org = msg.payload.slice(0, cut);
      const known = feed.latest.get(org);
      if (known === undefined || version > known) feed.latest.set(org, version);
    }
  });
  client.on("error", (e) => generation === feed.generation && lose(e.message));
  client.on("end", () => generation === feed.generation && lose("connection ended"));
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    // the proof is sent from another connection, as real changes are: a server that hands a
    // notice only to the session that raised it (the embedded database) fails it
    await sqlRows(Prisma.sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${proof})::text`);
    const ok = await Promise.race([proofSeen.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), PROOF_TIMEOUT_MS).unref())]);
    if (generation !== feed.generation) return;
    if (!ok) {
      // delivers nothing: stay unproven (caches read through) and do not retry
      log.warn("change_feed.unavailable", { reason: "the database did not deliver a test notice" });
      feed.client = null;
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
      return;
    }
    feed.latest.clear();
    feed.proven = true;
    feed.retryMs = 1_000;
  } catch (e) {
    if (generation === feed.generation) lose(e instanceof Error ? e.message : String(e));
  }
}
