import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { GENESIS_HASH, findChainBreak, type ChainBreak, type StoredEvent } from "@/domain/audit/chain";

export type ChainReport = { organizationId: string; events: number; broken: ChainBreak | null };

const BATCH = 5000;

/** Walks one organization's chain in seq order, in batches, and reports the first broken link. */
export async function verifyOrganizationChain(prisma: PrismaClient, organizationId: string): Promise<ChainReport> {
  let last: { seq: number; hash: string } | undefined;
  let events = 0;
  for (;;) {
    const batch = (await prisma.auditEvent.findMany({
      where: { organizationId, seq: { gt: last?.seq ?? 0 } },
      orderBy: { seq: "asc" },
      take: BATCH,
    })) as StoredEvent[];
    if (batch.length === 0) return { organizationId, events, broken: null };
    const broken = findChainBreak(batch, last);
    if (broken) return { organizationId, events: events + batch.length, broken };
    events += batch.length;
    const tail = batch[batch.length - 1]!;
    last = { seq: tail.seq, hash: tail.hash };
  }
}

export async function verifyAllChains(prisma: PrismaClient): Promise<ChainReport[]> {
  const orgs = await prisma.organization.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  const reports: ChainReport[] = [];
  for (const org of orgs) reports.push(await verifyOrganizationChain(prisma, org.id));
  return reports;
}

/**
 * Checks one incident's audit events without walking the whole chain: each event must hash to
 * its stored hash, and its prevHash must equal the hash of the organization's event just before
 * it (whatever that event is about). Returns the events and the first problem, if any.
 */
export async function verifyIncidentEvents(prisma: PrismaClient, organizationId: string, incidentId: string) {
  const events = (await prisma.auditEvent.findMany({ where: { organizationId, incidentId }, orderBy: { seq: "asc" } })) as StoredEvent[];
  const predecessors = await prisma.auditEvent.findMany({
    where: { organizationId, seq: { in: events.map((e) => e.seq - 1).filter((s) => s > 0) } },
    select: { seq: true, hash: true },
  });
  const hashAt = new Map(predecessors.map((p) => [p.seq, p.hash]));
  for (const e of events) {
    const prev = e.seq === 1 ? GENESIS_HASH : hashAt.get(e.seq - 1);
    if (prev === undefined) return { events, broken: { seq: e.seq, reason: `event ${e.seq - 1} is missing` } };
    const b = findChainBreak([e], { seq: e.seq - 1, hash: prev });
    if (b) return { events, broken: b };
  }
  return { events, broken: null as ChainBreak | null };
}
