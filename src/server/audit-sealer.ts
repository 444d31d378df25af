import "server-only";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { Prisma } from "@/generated/prisma/client";
import { db, rowsOn, withConnection } from "./db";
import { auditKey } from "./audit-key";
import { describeError, log } from "./log";
import { KEYED, findChainBreak, type ChainPosition, type StoredEvent } from "@/domain/audit/chain";
import { FIRST_PREV_MAC, SEAL_EVERY, openSeal, type StoredSeal } from "@/domain/audit/seal";

// Writes the seals of src/domain/audit/seal.ts: once an organization's chain has grown by a
// whole run of SEAL_EVERY events past its last seal, the run is checked link by link (every
// event's hash recomputed under the key, as audit:verify did for every event before) and its
// stored bytes are sealed. Runs in its own short transaction per seal, one process at a time per
// organization (a try-lock: a second sealer leaves the work to the first), after the chainer.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The COPY of an organization's events fromSeq..toSeq in seq order: exactly the bytes a seal
 * covers. Every column is written in a form that no session setting changes (the time as
 * microseconds since the epoch; jsonb, uuid, text and integers have one text form). COPY takes
 * no parameters, so the values are checked here before they are written into the statement.
 */
export function runCopySql(organizationId: string, fromSeq: number, toSeq: number): string {
  if (!UUID.test(organizationId) || !Number.isSafeInteger(fromSeq) || !Number.isSafeInteger(toSeq))
    throw new Error("audit seal: bad organization id or range");
  return `COPY (SELECT seq, "prevHash", hash, "hashVersion", "organizationId", (extract(epoch FROM at) * 1000000)::bigint, "actorId", "actorLabel", action, "entityType", "entityId", "incidentId", changes, "requestId", ip FROM "AuditEvent" WHERE "organizationId" = '${organizationId}' AND seq BETWEEN ${fromSeq} AND ${toSeq} ORDER BY seq) TO STDOUT`;
}

/** The stored bytes of events fromSeq..toSeq, as a stream of chunks (COPY). */
export function streamRun(client: pg.PoolClient, organizationId: string, fromSeq: number, toSeq: number) {
  return client.query(copyTo(runCopySql(organizationId, fromSeq, toSeq)));
}

/** Events afterSeq+1..toSeq with the columns their own hashes cover, for the check link by link. */
export function chainRowsSql(organizationId: string, afterSeq: number, toSeq: number): Prisma.Sql {
  return Prisma.sql`
    SELECT "organizationId"::text AS "organizationId", seq, at, "actorId"::text AS "actorId", "actorLabel", action, "entityType", "entityId",
      "incidentId"::text AS "incidentId", changes, "requestId", ip, "prevHash", hash, "hashVersion"
    FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid AND seq > ${afterSeq} AND seq <= ${toSeq} ORDER BY seq`;
}

/** Where a check resumes after event `seq` (its hash and hash version), or undefined before event 1. */
export async function positionAfter(
  client: pg.PoolClient,
  organizationId: string,
  seq: number,
): Promise<ChainPosition | undefined> {
  if (seq < 1) return undefined;
  const [row] = await rowsOn<ChainPosition>(
    client,
    Prisma.sql`SELECT seq, hash, "hashVersion" FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid AND seq = ${seq}`,
  );
  return row;
}

export async function listSeals(client: pg.PoolClient, organizationId: string): Promise<StoredSeal[]> {
  return rowsOn<StoredSeal>(
    client,
    Prisma.sql`SELECT "organizationId"::text AS "organizationId", "fromSeq", "toSeq", keyed, "prevMac", mac
      FROM "AuditSeal" WHERE "organizationId" = ${organizationId}::uuid ORDER BY "toSeq"`,
  );
}

type Outcome = "sealed" | "nothing-due" | "busy" | "refused";

async function sealNext(client: pg.PoolClient, organizationId: string, key: Uint8Array, every: number) {
  const [lock] = await rowsOn<{ ok: boolean }>(
    client,
    Prisma.sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${`audit-seal:${organizationId}`}, 0)) AS ok`,
  );
  if (!lock?.ok) return "busy" satisfies Outcome;
  const [last] = await rowsOn<{ toSeq: number; mac: string }>(
    client,
    Prisma.sql`SELECT "toSeq", mac FROM "AuditSeal" WHERE "organizationId" = ${organizationId}::uuid ORDER BY "toSeq" DESC LIMIT 1`,
  );
  const fromSeq = (last?.toSeq ?? 0) + 1;
  const toSeq = fromSeq + every - 1;
  const [head] = await rowsOn<{ seq: number }>(
    client,
    Prisma.sql`SELECT seq FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid ORDER BY seq DESC LIMIT 1`,
  );
  if ((head?.seq ?? 0) < toSeq) return "nothing-due" satisfies Outcome;
  const events = await rowsOn<StoredEvent>(client, chainRowsSql(organizationId, fromSeq - 1, toSeq));
  if (events.at(-1)?.seq !== toSeq) return "nothing-due" satisfies Outcome;
  // Sealed only what verifies now, link by link: a seal never vouches for an edited event.
  const broken = findChainBreak(events, key, await positionAfter(client, organizationId, fromSeq - 1));
  if (broken) {
    log.error("audit.seal_refused", { organizationId, seq: broken.seq });
    return "refused" satisfies Outcome;
  }
  const header = {
    organizationId,
    fromSeq,
    toSeq,
    keyed: events.filter((e) => e.hashVersion === KEYED).length,
    prevMac: last?.mac ?? FIRST_PREV_MAC,
  };
  const mac = openSeal(header, key);
  for await (const chunk of streamRun(client, organizationId, fromSeq, toSeq)) mac.update(chunk as Buffer);
  await client.query(
    `INSERT INTO "AuditSeal" ("organizationId", "fromSeq", "toSeq", keyed, "prevMac", mac) VALUES ($1, $2, $3, $4, $5, $6)`,
    [organizationId, fromSeq, toSeq, header.keyed, header.prevMac, mac.digest("hex")],
  );
  return "sealed" satisfies Outcome;
}

/** Seals every whole run of the organization's chain not sealed yet; returns how many it wrote. */
export async function sealDue(
  organizationId: string,
  key: Uint8Array = auditKey(),
  every: number = SEAL_EVERY,
): Promise<number> {
  let written = 0;
  for (;;) {
    const outcome = await withConnection(async (client) => {
      await client.query("BEGIN");
      try {
        const result: Outcome = await sealNext(client, organizationId, key, every);
        await client.query(result === "sealed" ? "COMMIT" : "ROLLBACK");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });
    if (outcome !== "sealed") return written;
    written += 1;
  }
}

/** Seals what is due in every organization (the worker, every few seconds; the large seed). */
export async function sealAllDue(key: Uint8Array = auditKey()): Promise<number> {
  const orgs = await db().organization.findMany({ select: { id: true } });
  let written = 0;
  for (const { id } of orgs) written += await sealDue(id, key);
  return written;
}

const sealing = new Map<string, Promise<void>>();
/** Seals the organization's due runs soon, once at a time per organization in this process. */
export function sealSoon(organizationId: string): void {
  if (sealing.has(organizationId)) return;
  const work = sealDue(organizationId)
    .then(() => undefined)
    .catch((error: unknown) => log.warn("audit.seal_failed", { organizationId, ...describeError(error) }))
    .finally(() => sealing.delete(organizationId));
  sealing.set(organizationId, work);
}
