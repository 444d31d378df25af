import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { checkAnchorHeads, type Anchor, type AnchorFailure, type AnchorHead } from "@/domain/audit/anchor";

/** The last event of every organization's chain (organizations without events have no head). */
export async function readChainHeads(prisma: PrismaClient): Promise<AnchorHead[]> {
  const orgs = await prisma.organization.findMany({ select: { id: true, slug: true }, orderBy: { createdAt: "asc" } });
  const heads: AnchorHead[] = [];
  for (const org of orgs) {
    const last = await prisma.auditEvent.findFirst({
      where: { organizationId: org.id },
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true, at: true },
    });
    if (last)
      heads.push({
        organizationId: org.id,
        organizationSlug: org.slug,
        seq: last.seq,
        hash: last.hash,
        at: last.at.toISOString(),
      });
  }
  return heads;
}

/** Checks that every head an (already signature-checked) anchor recorded is still in its chain. */
export async function checkAnchor(prisma: PrismaClient, anchor: Anchor): Promise<AnchorFailure[]> {
  if (anchor.heads.length === 0) return [];
  const stored = await prisma.auditEvent.findMany({
    where: { OR: anchor.heads.map((h) => ({ organizationId: h.organizationId, seq: h.seq })) },
    select: { organizationId: true, seq: true, hash: true },
  });
  const hashAt = new Map(stored.map((e) => [`${e.organizationId}:${e.seq}`, e.hash]));
  return checkAnchorHeads(anchor.heads, (organizationId, seq) => hashAt.get(`${organizationId}:${seq}`));
}
