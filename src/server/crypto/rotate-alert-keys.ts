import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { unwrapDataKey, wrapDataKey, type MasterKeyRing } from "@/domain/crypto/envelope";
import { openSigningSecret, sealSigningSecret } from "./integration-secret";

// keys:rotate's part for ingestion: each alert's payload key is re-wrapped, and each
// integration's signing secret re-sealed, under the active master key (one row at a time, only
// if it is still under the key it was read with, so posts and rotations can run together).
// What stays under another configured master key is counted, so an old key is retired only
// when nothing needs it; rows under a key that is not configured cannot be opened and are skipped.

const BATCH = 500;

export type AlertKeyRotation = { rewrapped: number; remaining: Record<string, number> };

export async function rotateAlertKeys(
  prisma: PrismaClient,
  ring: MasterKeyRing,
  /** Limit it to one organization (tests share a database). */
  opts: { organizationId?: string } = {},
): Promise<AlertKeyRotation> {
  const org = opts.organizationId ? { organizationId: opts.organizationId } : {};
  const others = [...ring.byId.keys()].filter((id) => id !== ring.active.id);
  let rewrapped = 0;
  if (others.length) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await prisma.alert.findMany({
        where: { ...org, id: { gt: after }, payloadKey: { not: null }, payloadMasterKeyId: { in: others } },
        select: { id: true, payloadKey: true, payloadMasterKeyId: true },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      for (const row of rows) {
        const old = row.payloadMasterKeyId ? ring.byId.get(row.payloadMasterKeyId) : undefined;
        if (!old || !row.payloadKey || !row.payloadMasterKeyId) continue;
        const dataKey = unwrapDataKey(old, row.payloadMasterKeyId, `alert:${row.id}`, row.payloadKey);
        const wrapped = new Uint8Array(wrapDataKey(ring.active.key, ring.active.id, `alert:${row.id}`, dataKey));
        const done = await prisma.alert.updateMany({
          where: { id: row.id, payloadMasterKeyId: row.payloadMasterKeyId },
          data: { payloadKey: wrapped, payloadMasterKeyId: ring.active.id },
        });
        rewrapped += done.count;
      }
    }
    const integrations = await prisma.integration.findMany({
      where: { ...org, signingMasterKeyId: { in: others } },
      select: { id: true, signingSecret: true, signingMasterKeyId: true },
    });
    for (const row of integrations) {
      const secret = openSigningSecret(row.id, row.signingSecret, row.signingMasterKeyId);
      if (secret === null) continue;
      const sealed = sealSigningSecret(row.id, secret);
      const done = await prisma.integration.updateMany({
        where: { id: row.id, signingMasterKeyId: row.signingMasterKeyId },
        data: { signingSecret: sealed.sealed, signingMasterKeyId: sealed.masterKeyId },
      });
      rewrapped += done.count;
    }
  }
  const remaining: Record<string, number> = Object.fromEntries(others.map((id) => [id, 0]));
  const alertsLeft = await prisma.alert.groupBy({
    by: ["payloadMasterKeyId"],
    where: { ...org, payloadKey: { not: null }, payloadMasterKeyId: { in: others } },
    _count: { _all: true },
  });
  for (const l of alertsLeft)
    if (l.payloadMasterKeyId) remaining[l.payloadMasterKeyId] = (remaining[l.payloadMasterKeyId] ?? 0) + l._count._all;
  const secretsLeft = await prisma.integration.groupBy({
    by: ["signingMasterKeyId"],
    where: { ...org, signingMasterKeyId: { in: others } },
    _count: { _all: true },
  });
  for (const l of secretsLeft) remaining[l.signingMasterKeyId] = (remaining[l.signingMasterKeyId] ?? 0) + l._count._all;
  return { rewrapped, remaining };
}
