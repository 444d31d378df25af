import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { rowsOn, sqlRows, withConnection } from "../db";
import {
  GENESIS_HASH,
  findChainBreak,
  pendingSeal,
  type ChainBreak,
  type ChainPosition,
  type StoredEvent,
} from "@/domain/audit/chain";
import { chainPending } from "../audit-chainer";
import { chainRowsSql, listSeals, positionAfter, streamRun } from "../audit-sealer";
import { openSeal, sealListProblem, type StoredSeal } from "@/domain/audit/seal";

export type ChainReport = {
  organizationId: string;
  slug: string;
  events: number;
  keyed: number;
  broken: ChainBreak | null;
};
export type ChainProgress = { organizationId: string; slug: string; checked: number; lastSeq: number };

// The walk has two parts. Runs of the chain already sealed (audit-sealer.ts) are streamed out of
// PostgreSQL with COPY, one stream for all of them, and each run's bytes go through one HMAC
// compared with its seal; only a run whose seal does not match is then read row by row to name
// the first broken link. The events after the last seal are checked link by link: pages of
// 10,000 by seq over the (organizationId, seq) index, only the hashed columns, read with plain
// node-postgres, the next pages read by the database while this one is hashed. Memory stays flat
// however long the chain is.
const BATCH = 10_000;
const READ_AHEAD = 3;
function page(organizationId: string, afterSeq: number): Promise<StoredEvent[]> {
  const rows = sqlRows<StoredEvent>(chainRowsSql(organizationId, afterSeq, afterSeq + BATCH));
  rows.catch(() => {}); // a page read ahead and never awaited (the chain broke before it) fails quietly
  return rows;
}

type Walk = { events: number; keyed: number; last: ChainPosition | undefined };

/**
 * Checks the sealed runs: the list of seals first (each must start where the one before ended
 * and name its MAC), then the bytes of every run against its seal, in one COPY stream.
 */
async function verifySealedRuns(
  org: { id: string; slug: string },
  key: Uint8Array,
  walk: Walk,
  onProgress?: (p: ChainProgress) => void,
): Promise<ChainBreak | null> {
  return withConnection(async (client) => {
    const seals = await listSeals(client, org.id);
    const listProblem = sealListProblem(seals);
    if (listProblem) return listProblem;
    const [firstSeal] = seals;
    const lastSeal = seals.at(-1);
    if (!firstSeal || !lastSeal) return null;
    let index = 0;
    let seal = firstSeal;
    let mac = openSeal(seal, key);
    let linesLeft = seal.toSeq - seal.fromSeq + 1;
    let mismatch: StoredSeal | null = null;
    let done = false;
    // Read to its end even after a mismatch: the connection serves the explanation next.
    for await (const data of streamRun(client, org.id, 1, lastSeal.toSeq)) {
      if (done) continue;
      const chunk = data as Buffer;
      let from = 0;
      while (from < chunk.length) {
        // the rest of this run's lines in this chunk, found by their newlines (COPY escapes any inside a value)
        let at = from;
        while (linesLeft > 0) {
          const newline = chunk.indexOf(10, at);
          if (newline === -1) break;
          at = newline + 1;
          linesLeft -= 1;
        }
        if (linesLeft > 0) {
          mac.update(chunk.subarray(from));
          break;
        }
        mac.update(chunk.subarray(from, at));
        from = at;
        if (mac.digest("hex") !== seal.mac) {
          mismatch = seal;
          done = true;
          break;
        }
        walk.events += seal.toSeq - seal.fromSeq + 1;
        walk.keyed += seal.keyed;
        onProgress?.({ organizationId: org.id, slug: org.slug, checked: walk.events, lastSeq: seal.toSeq });
        index += 1;
        const next = seals[index];
        if (!next) {
          done = true;
          break;
        }
        seal = next;
        mac = openSeal(seal, key);
        linesLeft = seal.toSeq - seal.fromSeq + 1;
      }
    }
    if (!mismatch && index < seals.length)
      return { seq: seal.fromSeq, reason: `events of the seal ${seal.fromSeq}–${seal.toSeq} are missing` };
    if (mismatch) return explainMismatch(client, org.id, mismatch, key);
    walk.last = await positionAfter(client, org.id, lastSeal.toSeq);
    return null;
  });
}

/** A run whose bytes do not match its seal, read row by row to name its first broken link. */
async function explainMismatch(
  client: Parameters<typeof positionAfter>[0],
  organizationId: string,
  seal: StoredSeal,
  key: Uint8Array,
): Promise<ChainBreak> {
  const events = await rowsOn<StoredEvent>(client, chainRowsSql(organizationId, seal.fromSeq - 1, seal.toSeq));
  const start = await positionAfter(client, organizationId, seal.fromSeq - 1);
  const broken = findChainBreak(events, key, start);
  if (broken) return broken;
  if (events.at(-1)?.seq !== seal.toSeq)
    return {
      seq: (events.at(-1)?.seq ?? seal.fromSeq - 1) + 1,
      reason: `event ${(events.at(-1)?.seq ?? seal.fromSeq - 1) + 1} is missing`,
    };
  return {
    seq: seal.fromSeq,
    reason: `the seal of events ${seal.fromSeq}–${seal.toSeq} does not match them (the seal was altered, or made under another WARDEN_AUDIT_KEY)`,
  };
}

/**
 * Walks one organization's chain in seq order, sealed runs by their seals and the rest in pages,
 * and reports the first broken link. Entries committed but not chained yet (milliseconds after
 * their change) are chained first; one still waiting after that has a seal that does not match:
 * put there without the key.
 */
export async function verifyOrganizationChain(
  prisma: PrismaClient,
  org: { id: string; slug: string },
  key: Uint8Array,
  onProgress?: (p: ChainProgress) => void,
): Promise<ChainReport> {
  const walk: Walk = { events: 0, keyed: 0, last: undefined };
  const report = (broken: ChainBreak | null) => ({
    organizationId: org.id,
    slug: org.slug,
    events: walk.events,
    keyed: walk.keyed,
    broken,
  });
  await chainPending(org.id, key);
  // the head when the walk begins: events chained meanwhile are for the next run
  const [head] = await sqlRows<{ top: number }>(
    Prisma.sql`SELECT coalesce(max(seq), 0) AS top FROM "AuditEvent" WHERE "organizationId" = ${org.id}::uuid`,
  );
  const top = head?.top ?? 0;
  const sealedBreak = await verifySealedRuns(org, key, walk, onProgress);
  if (sealedBreak) return report(sealedBreak);
  let last = walk.last;
  const ahead: Promise<StoredEvent[]>[] = [];
  let requested = last?.seq ?? 0;
  for (;;) {
    while (ahead.length < READ_AHEAD && requested < top) {
      ahead.push(page(org.id, requested));
      requested += BATCH;
    }
    const batch = (await ahead.shift()) ?? [];
    const tail = batch.at(-1);
    if (!tail && requested < top) continue; // a whole page of seq missing: the next page's first event says so
    if (!tail) return report(await unchainable(prisma, org.id, key, (last?.seq ?? 0) + 1));
    const broken = findChainBreak(batch, key, last);
    walk.events += broken ? broken.seq - (last?.seq ?? 0) - 1 : batch.length;
    walk.keyed += batch.filter((e) => e.hashVersion !== 1 && (!broken || e.seq < broken.seq)).length;
    if (broken) return report(broken);
    last = { seq: tail.seq, hash: tail.hash, hashVersion: tail.hashVersion };
    onProgress?.({ organizationId: org.id, slug: org.slug, checked: walk.events, lastSeq: tail.seq });
  }
}

/** The first entry still waiting whose seal does not match (so the chainer refused it), as a break just past the chain's end. */
async function unchainable(
  prisma: PrismaClient,
  organizationId: string,
  key: Uint8Array,
  nextSeq: number,
): Promise<ChainBreak | null> {
  const waiting = await prisma.auditEventPending.findMany({ where: { organizationId }, orderBy: { position: "asc" } });
  const forged = waiting.find(
    ({ seal, position: _p, dataChange: _d, ...entry }) => pendingSeal(entry.id, entry, key) !== seal,
  );
  return forged
    ? {
        seq: nextSeq,
        reason: `entry ${forged.id} waits to be chained with a seal that does not match (written without WARDEN_AUDIT_KEY, or under another key)`,
      }
    : null;
}

export async function verifyAllChains(
  prisma: PrismaClient,
  key: Uint8Array,
  onProgress?: (p: ChainProgress) => void,
): Promise<ChainReport[]> {
  const orgs = await prisma.organization.findMany({ select: { id: true, slug: true }, orderBy: { createdAt: "asc" } });
  const reports: ChainReport[] = [];
  for (const org of orgs) reports.push(await verifyOrganizationChain(prisma, org, key, onProgress));
  return reports;
}

/**
 * Checks one incident's audit events without walking the whole chain: each event must hash to
 * its stored hash, and its prevHash must equal the hash of the organization's event just before
 * it (whatever that event is about), keyed if that one was. Returns the events and the first problem, if any.
 */
export async function verifyIncidentEvents(
  prisma: PrismaClient,
  organizationId: string,
  incidentId: string,
  key: Uint8Array,
) {
  const events = (await prisma.auditEvent.findMany({
    where: { organizationId, incidentId },
    orderBy: { seq: "asc" },
  })) as StoredEvent[];
  const predecessors = await prisma.auditEvent.findMany({
    where: { organizationId, seq: { in: events.map((e) => e.seq - 1).filter((s) => s > 0) } },
    select: { seq: true, hash: true, hashVersion: true },
  });
  const before = new Map(predecessors.map((p) => [p.seq, p]));
  for (const e of events) {
    const prev = e.seq === 1 ? { seq: 0, hash: GENESIS_HASH, hashVersion: 1 } : before.get(e.seq - 1);
    if (prev === undefined) return { events, broken: { seq: e.seq, reason: `event ${e.seq - 1} is missing` } };
    const b = findChainBreak([e], key, prev);
    if (b) return { events, broken: b };
  }
  return { events, broken: null as ChainBreak | null };
}
