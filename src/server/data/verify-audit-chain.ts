import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { sqlRows } from "../db";
import {
  GENESIS_HASH,
  findChainBreak,
  pendingSeal,
  type ChainBreak,
  type ChainPosition,
  type StoredEvent,
} from "@/domain/audit/chain";
import { chainPending } from "../audit-chainer";

export type ChainReport = {
  organizationId: string;
  slug: string;
  events: number;
  keyed: number;
  broken: ChainBreak | null;
};
export type ChainProgress = { organizationId: string; slug: string; checked: number; lastSeq: number };

// Pages of 10,000 by seq over the (organizationId, seq) index, only the hashed columns, read
// with plain node-postgres (the ORM's per-row work cost more than the hashing). A page is a
// range of seq (a chain has no gaps; one that has is reported where the numbers jump), so the
// next pages can be read by the database while this one is hashed. Memory stays flat however
// long the chain is.
const BATCH = 10_000;
const READ_AHEAD = 3;
function page(organizationId: string, afterSeq: number): Promise<StoredEvent[]> {
  const rows = sqlRows<StoredEvent>(Prisma.sql`
    SELECT "organizationId"::text AS "organizationId", seq, at, "actorId"::text AS "actorId", "actorLabel", action, "entityType", "entityId",
      "incidentId"::text AS "incidentId", changes, "requestId", ip, "prevHash", hash, "hashVersion"
    FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid AND seq > ${afterSeq} AND seq <= ${afterSeq + BATCH} ORDER BY seq`);
  rows.catch(() => {}); // a page read ahead and never awaited (the chain broke before it) fails quietly
  return rows;
}

/**
 * Walks one organization's chain in seq order, in pages, and reports the first broken link.
 * Entries committed but not chained yet (milliseconds after their change) are chained first;
 * one still waiting after that has a seal that does not match: put there without the key.
 */
export async function verifyOrganizationChain(
  prisma: PrismaClient,
  org: { id: string; slug: string },
  key: Uint8Array,
  onProgress?: (p: ChainProgress) => void,
): Promise<ChainReport> {
  let last: ChainPosition | undefined;
  let events = 0;
  let keyed = 0;
  const report = (broken: ChainBreak | null) => ({ organizationId: org.id, slug: org.slug, events, keyed, broken });
  await chainPending(org.id, key);
  // the head when the walk begins: events chained meanwhile are for the next run
  const [head] = await sqlRows<{ top: number }>(
    Prisma.sql`SELECT coalesce(max(seq), 0) AS top FROM "AuditEvent" WHERE "organizationId" = ${org.id}::uuid`,
  );
  const top = head?.top ?? 0;
  const ahead: Promise<StoredEvent[]>[] = [];
  let requested = 0;
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
    events += broken ? broken.seq - (last?.seq ?? 0) - 1 : batch.length;
    keyed += batch.filter((e) => e.hashVersion !== 1 && (!broken || e.seq < broken.seq)).length;
    if (broken) return report(broken);
    last = { seq: tail.seq, hash: tail.hash, hashVersion: tail.hashVersion };
    onProgress?.({ organizationId: org.id, slug: org.slug, checked: events, lastSeq: tail.seq });
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
