import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { GENESIS_HASH, findChainBreak, type ChainBreak, type ChainPosition, type StoredEvent } from "@/domain/audit/chain";

export type ChainReport = { organizationId: string; slug: string; events: number; keyed: number; broken: ChainBreak | null };
export type ChainProgress = { organizationId: string; slug: string; checked: number; lastSeq: number };

// Keyset pages over the (organizationId, seq) index, only the hashed columns: memory stays flat
// however long the chain is.
const BATCH = 10_000;
const HASHED_COLUMNS = {
  organizationId: true,
  seq: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  incidentId: true,
  changes: true,
  requestId: true,
  ip: true,
  prevHash: true,
  hash: true,
  hashVersion: true,
} as const;

/** Walks one organization's chain in seq order, in pages, and reports the first broken link. */
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
  for (;;) {
    const batch: StoredEvent[] = await prisma.auditEvent.findMany({
      where: { organizationId: org.id, seq: { gt: last?.seq ?? 0 } },
      orderBy: { seq: "asc" },
      take: BATCH,
      select: HASHED_COLUMNS,
    });
    if (batch.length === 0) return report(null);
    const broken = findChainBreak(batch, key, last);
    events += broken ? broken.seq - (last?.seq ?? 0) - 1 : batch.length;
    keyed += batch.filter((e) => e.hashVersion !== 1 && (!broken || e.seq < broken.seq)).length;
    if (broken) return report(broken);
    const tail = batch[batch.length - 1]!;
    last = { seq: tail.seq, hash: tail.hash, hashVersion: tail.hashVersion };
    onProgress?.({ organizationId: org.id, slug: org.slug, checked: events, lastSeq: tail.seq });
  }
}

export async function verifyAllChains(prisma: PrismaClient, key: Uint8Array, onProgress?: (p: ChainProgress) => void): Promise<ChainReport[]> {
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
export async function verifyIncidentEvents(prisma: PrismaClient, organizationId: string, incidentId: string, key: Uint8Array) {
  const events = (await prisma.auditEvent.findMany({ where: { organizationId, incidentId }, orderBy: { seq: "asc" } })) as StoredEvent[];
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
