import "server-only";
import { db } from "../../db";
import { openSigningSecret } from "../../crypto/integration-secret";
import type { IntegrationFormat } from "@/domain/alerts/mappings/map-payload";

// The integration behind an API key, as the ingest path needs it. Kept per process for a short
// while (keyed by the key's hash) so a busy key costs no lookup per post; the ingest statement
// itself re-checks, in the same transaction as the write, that the key is not revoked and its
// secret not rotated since (credentialVersion), and a stale copy is then read afresh.

export type IntegrationCredentials = {
  id: string;
  organizationId: string;
  name: string;
  format: IntegrationFormat;
  defaultClientId: string | null;
  clients: ReadonlyArray<{ id: string; name: string }>;
  /** The signing secret in the clear (null when its master key is not configured). */
  secret: string | null;
  credentialVersion: number;
  rateLimitPerMinute: number;
  loadedAt: number;
};

const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;
const cache = new Map<string, IntegrationCredentials>();

async function load(keyHash: string, now: number): Promise<IntegrationCredentials | null> {
  const row = await db().integration.findUnique({
    where: { keyHash },
    select: {
      id: true,
      organizationId: true,
      name: true,
      format: true,
      defaultClientId: true,
      signingSecret: true,
      signingMasterKeyId: true,
      credentialVersion: true,
      rateLimitPerMinute: true,
      revokedAt: true,
      clients: { select: { client: { select: { id: true, name: true } } } },
    },
  });
  if (!row || row.revokedAt) return null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    format: row.format,
    defaultClientId: row.defaultClientId,
    clients: row.clients.map((c) => c.client),
    secret: openSigningSecret(row.id, row.signingSecret, row.signingMasterKeyId),
    credentialVersion: row.credentialVersion,
    rateLimitPerMinute: row.rateLimitPerMinute,
    loadedAt: now,
  };
}

/** The live integration whose key hashes to `keyHash`, or null (unknown or revoked). */
export async function integrationByKeyHash(
  keyHash: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<IntegrationCredentials | null> {
  const now = Date.now();
  const kept = cache.get(keyHash);
  if (kept && !fresh && now - kept.loadedAt < TTL_MS) return kept;
  const loaded = await load(keyHash, now);
  if (!loaded) {
    cache.delete(keyHash);
    return null;
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(keyHash, loaded);
  return loaded;
}

/** Drops this process's copy (after a revocation or rotation made here). */
export function forgetIntegration(integrationId: string): void {
  for (const [hash, entry] of cache) if (entry.id === integrationId) cache.delete(hash);
}
