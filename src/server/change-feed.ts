import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseEnv } from "./env";
import { sqlRows } from "./db";
import { Prisma } from "@/generated/prisma/client";
import { log } from "./log";

// Each server process learns of every change of data as it commits: the organization's data
// version (bumped as audited changes are chained, just after they commit: audit-chainer.ts) is sent
// on a PostgreSQL channel, which delivers on commit. Caches that key on the version (the
// viewer, dashboard figures) can then keep entries until a change, with no query to ask.
//
// A cache may only trust the feed while it is connected and proven: after LISTEN a notice is
// sent from another connection and the feed waits for it (a server that accepts LISTEN but
// does not deliver across connections, such as a pooler in transaction mode, leaves the feed
// unproven, and every read goes to the database; it tries again later), and it sends one
// every 10 s while trusted. A missed one, or losing the connection, forgets every version and
// starts a new generation, so an entry made before the loss is never trusted after it. Other
// processes learn of a change a moment after it commits (the notice's trip); the process that
// made it knows at once (viewer-cache.ts, caughtUpWith).

export const CHANGES_CHANNEL = "warden_data";
const PROOF_TIMEOUT_MS = 3_000;
const HEARTBEAT_MS = 10_000;

type Feed = {
  generation: number;
  proven: boolean;
  client: pg.Client | null;
  latest: Map<string, number>;
  retryMs: number;
  started: boolean;
  heartbeat: ReturnType<typeof setInterval> | null;
  warned: boolean;
};
const globalForFeed = globalThis as unknown as { wardenFeed?: Feed };
const feed = (globalForFeed.wardenFeed ??= {
  generation: 0,
  proven: false,
  client: null,
  latest: new Map(),
  retryMs: 1_000,
  started: false,
  heartbeat: null,
  warned: false,
});

/** The feed's current generation when it can be trusted, else null (then read the database). */
export function trustedGeneration(): number | null {
  if (!feed.started) start();
  return feed.proven ? feed.generation : null;
}

/**
 * The feed's generation, trusted or not, without starting the feed: it changes whenever the feed
 * loses its connection (a database restart, a cut) or tries again, and never otherwise.
 */
export function feedGeneration(): number {
  return feed.generation;
}

/** The newest data version known for an organization (told by the feed or read from a row). */
export function latestVersion(organizationId: string): number | undefined {
  return feed.latest.get(organizationId);
}

/** Records a version read from the database (versions only grow, so the larger one wins). */
export function observeVersion(organizationId: string, version: number): void {
  if (feed.proven) raise(organizationId, version);
}

function raise(organizationId: string, version: number) {
  const known = feed.latest.get(organizationId);
  if (known === undefined || version > known) feed.latest.set(organizationId, version);
}

/** Closes the feed (for scripts and tests that must exit); caches read through afterwards. */
export async function stopChangeFeed(): Promise<void> {
  feed.started = false;
  if (feed.heartbeat) clearInterval(feed.heartbeat);
  feed.heartbeat = null;
  feed.proven = false;
  feed.generation += 1;
  feed.latest.clear();
  const client = feed.client;
  feed.client = null;
  client?.removeAllListeners();
  client?.on("error", () => {});
  await client?.end().catch(() => {});
}

function drop(client: pg.Client | null) {
  if (!client) return;
  client.removeAllListeners();
  client.on("error", () => {});
  void client.end().catch(() => {});
}

// Retries back off to at most 10 s: after a database outage of any length the caches are
// trusted again within seconds of its return (a retry costs one refused connection meanwhile).
const RETRY_MAX_MS = 10_000;

function retryLater() {
  const wait = feed.retryMs;
  feed.retryMs = Math.min(feed.retryMs * 2, RETRY_MAX_MS);
  setTimeout(connect, wait).unref();
}

function lose(reason: string) {
  if (feed.proven) log.warn("change_feed.lost", { reason });
  feed.proven = false;
  feed.generation += 1;
  feed.latest.clear();
  if (feed.heartbeat) clearInterval(feed.heartbeat);
  feed.heartbeat = null;
  drop(feed.client);
  feed.client = null;
  retryLater();
}

function start() {
  feed.started = true;
  void connect();
}

// Notices sent to prove delivery, by payload, with what to call when one arrives.
const proofs = new Map<string, () => void>();

/** Sends a notice from another connection (as real changes come) and waits for it to arrive. */
async function proveDelivery(): Promise<boolean> {
  const payload = `proof:${randomUUID()}`;
  const arrived = new Promise<boolean>((resolve) => {
    proofs.set(payload, () => resolve(true));
    setTimeout(() => resolve(false), PROOF_TIMEOUT_MS).unref();
  });
  try {
    await sqlRows(Prisma.sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})::text`);
    return await arrived;
  } catch {
    return false;
  } finally {
    proofs.delete(payload);
  }
}

async function connect() {
  if (!feed.started) return;
  const generation = ++feed.generation;
  // keepAlive: a connection cut without a reset (an idle timeout in between) is noticed
  const client = new pg.Client({ connectionString: databaseEnv().DATABASE_URL, keepAlive: true });
  feed.client = client;
  client.on("notification", (msg) => {
    if (msg.channel !== CHANGES_CHANNEL || !msg.payload) return;
    if (msg.payload.startsWith("proof:")) return proofs.get(msg.payload)?.();
    const cut = msg.payload.lastIndexOf(":");
    const version = Number(msg.payload.slice(cut + 1));
    if (cut > 0 && Number.isInteger(version)) raise(msg.payload.slice(0, cut), version);
  });
  client.on("error", (e) => generation === feed.generation && lose(e.message));
  client.on("end", () => generation === feed.generation && lose("connection ended"));
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    // a server or pooler that does not hand a notice to other sessions fails this
    const ok = await proveDelivery();
    if (generation !== feed.generation) return;
    if (!ok) {
      if (!feed.warned)
        log.warn("change_feed.unavailable", {
          reason: "the database did not deliver a test notice; caches read through",
        });
      feed.warned = true;
      feed.client = null;
      drop(client);
      retryLater();
      return;
    }
    feed.latest.clear();
    feed.proven = true;
    feed.retryMs = 1_000;
    // and keeps proving it: a feed that stopped delivering is dropped within seconds
    feed.heartbeat = setInterval(() => {
      void proveDelivery().then((delivered) => {
        if (!delivered && generation === feed.generation && feed.proven) lose("a test notice did not arrive");
      });
    }, HEARTBEAT_MS);
    feed.heartbeat.unref();
  } catch (e) {
    if (generation === feed.generation) lose(e instanceof Error ? e.message : String(e));
  }
}
