import "server-only";
import type { PoolClient } from "pg";
import { Prisma } from "@/generated/prisma/client";
import { db, rowsOn, transactionBounds, withConnection } from "./db";
import { auditKey } from "./audit-key";
import { bumpDataVersionSql } from "./data-version";
import { log, describeError } from "./log";
import { GENESIS_HASH, KEYED, eventHash, pendingSeal, type ChainedFields } from "@/domain/audit/chain";
import { SEAL_EVERY } from "@/domain/audit/seal";
import { sealSoon } from "./audit-sealer";

// Chaining in batches, shortly after commit. A change's transaction writes its audit entries to
// AuditEventPending (appendAudit, no lock). Once it commits, the entries waiting in its
// organization are moved into AuditEvent in one short transaction under the organization's
// chain lock: in the order they were inserted, each given the next seq, the previous event's
// hash and its own keyed hash; then they leave AuditEventPending (the only DELETE its trigger
// allows) and the organization's data version grows once for the batch. Writers in one
// organization thus wait for each other only for this step, and one step serves every entry
// committed before it began. Entries are chained in an order consistent with what each writer
// saw: one transaction's entries in their own order, and an entry written after another
// committed (by the same person, or under a row lock) after it.

const BATCH = 2_000;
// Not the administration lock ("audit:" + id, audit-lock.ts): an administrator's long change
// never holds up the chaining of other people's entries.
const chainLockKey = (organizationId: string) => `audit-chain:${organizationId}`;

type Waiting = Omit<ChainedFields, "seq"> & { id: string; position: bigint; dataChange: boolean; seal: string };

/** One batch, in the caller's transaction on `client`: the waiting entries after `after`, chained under the lock. */
async function chainStep(client: PoolClient, organizationId: string, after: bigint, key: Uint8Array) {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [chainLockKey(organizationId)]);
  const waiting = (
    await rowsOn<Omit<Waiting, "position"> & { position: string }>(
      client,
      Prisma.sql`
        SELECT id::text, position, "organizationId"::text AS "organizationId", at, "actorId"::text AS "actorId", "actorLabel", action, "entityType", "entityId", "incidentId"::text AS "incidentId", changes, "requestId", ip, "dataChange", seal
        FROM "AuditEventPending" WHERE "organizationId" = ${organizationId}::uuid AND position > ${after.toString()}::bigint ORDER BY position LIMIT ${BATCH}`,
    )
  ).map((w) => ({ ...w, position: BigInt(w.position) }));
  const newest = waiting.at(-1);
  if (!newest) return { read: 0, last: after, moved: 0, completesRun: false };
  const [head] = await rowsOn<{ seq: number; hash: string }>(
    client,
    Prisma.sql`SELECT seq, hash FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid ORDER BY seq DESC LIMIT 1`,
  );
  let seq = head?.seq ?? 0;
  const seqBefore = seq;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const links = { ids: [] as string[], seqs: [] as number[], prevHashes: [] as string[], hashes: [] as string[] };
  let dataChange = false;
  for (const entry of waiting) {
    if (pendingSeal(entry.id, entry, key) !== entry.seal) {
      unsealed(entry.id, organizationId);
      continue;
    }
    seq += 1;
    const hash = eventHash(prevHash, { ...entry, seq }, key);
    links.ids.push(entry.id);
    links.seqs.push(seq);
    links.prevHashes.push(prevHash);
    links.hashes.push(hash);
    prevHash = hash;
    dataChange ||= entry.dataChange;
  }
  if (links.ids.length > 0) {
    await rowsOn(
      client,
      Prisma.sql`
        INSERT INTO "AuditEvent" (id, "organizationId", seq, at, "actorId", "actorLabel", action, "entityType", "entityId", "incidentId", changes, "requestId", ip, "prevHash", hash, "hashVersion")
        SELECT p.id, p."organizationId", l.seq, p.at, p."actorId", p."actorLabel", p.action, p."entityType", p."entityId", p."incidentId", p.changes, p."requestId", p.ip, l.prev, l.hash, ${KEYED}::int2
        FROM unnest(${links.ids}::uuid[], ${links.seqs}::int[], ${links.prevHashes}::text[], ${links.hashes}::text[]) AS l(id, seq, prev, hash)
        JOIN "AuditEventPending" p ON p.id = l.id
        ORDER BY l.seq`,
    );
    await rowsOn(client, Prisma.sql`DELETE FROM "AuditEventPending" WHERE id = ANY(${links.ids}::uuid[])`);
    if (dataChange) await rowsOn(client, bumpDataVersionSql(organizationId));
  }
  // a run of SEAL_EVERY events completed: the sealer takes it after this step
  const completesRun = Math.floor(seq / SEAL_EVERY) > Math.floor(seqBefore / SEAL_EVERY);
  return { read: waiting.length, last: newest.position, moved: links.ids.length, completesRun };
}

/** Chains every entry of the organization waiting now; returns how many it moved. */
export async function chainPending(organizationId: string, key: Uint8Array = auditKey()): Promise<number> {
  let moved = 0;
  let after = -1n;
  let sealDue = false;
  for (;;) {
    // Straight through node-postgres, one connection, no ORM: this step runs after every write,
    // and the ORM's own work per statement cost more than the SQL (the rows are read once, and
    // moved by id without sending them back).
    const step = await withConnection(async (client) => {
      // bounded like every transaction of the app (db.ts): a step that cannot finish in time is retried later
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${transactionBounds().DATABASE_TX_TIMEOUT_MS}`);
      try {
        const result = await chainStep(client, organizationId, after, key);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });
    moved += step.moved;
    after = step.last;
    sealDue ||= step.completesRun;
    if (step.read < BATCH) {
      if (sealDue) sealSoon(organizationId);
      return moved;
    }
  }
}

// Reported once per process: a row put in AuditEventPending without the audit key (or under
// another key) is never chained; audit:verify names it too.
const reported = new Set<string>();
function unsealed(id: string, organizationId: string) {
  if (reported.has(id)) return;
  reported.add(id);
  log.error("audit.pending_unsealed", { organizationId, id });
}

type State = { running: Promise<void> | null; queued: Promise<void> | null };
const globalForChainer = globalThis as unknown as { wardenChainer?: Map<string, State> };
const states = (globalForChainer.wardenChainer ??= new Map());

async function run(organizationId: string): Promise<void> {
  try {
    await chainPending(organizationId);
  } catch (error) {
    // the entries stay waiting, committed; the next step here or anywhere moves them
    log.warn("audit.chain_failed", { organizationId, ...describeError(error) });
    chainLater(organizationId, 1_000);
  }
}

/**
 * Chains the organization's waiting entries, sharing steps between this process's writers: a
 * writer whose entry committed while a step runs joins the next step (one at a time per
 * organization here; other processes wait on the chain lock). Never rejects: a failed step
 * leaves the entries waiting and tries again shortly.
 */
export function chainSoon(organizationId: string): Promise<void> {
  let state = states.get(organizationId);
  if (!state) states.set(organizationId, (state = { running: null, queued: null }));
  const s = state;
  const start = () => {
    s.running = run(organizationId).finally(() => {
      s.running = null;
      if (!s.queued) states.delete(organizationId);
    });
    return s.running;
  };
  if (s.queued) return s.queued;
  if (!s.running) return start();
  s.queued = s.running.then(() => {
    s.queued = null;
    return start();
  });
  return s.queued;
}

/** Chains the organization's waiting entries a moment from now (entries written outside db()'s transactions). */
export function chainLater(organizationId: string, delayMs = 50): void {
  setTimeout(() => void chainSoon(organizationId), delayMs).unref();
}

/** Chains whatever waits in every organization (audit:verify first; the worker every few seconds). */
export async function chainAllPending(key: Uint8Array = auditKey()): Promise<number> {
  const orgs = await db().auditEventPending.findMany({
    distinct: ["organizationId"],
    select: { organizationId: true },
  });
  let moved = 0;
  for (const { organizationId } of orgs) moved += await chainPending(organizationId, key);
  return moved;
}
