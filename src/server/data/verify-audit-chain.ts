import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { findChainBreak, type ChainBreak, type StoredEvent } from "@/domain/audit/chain";

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
