import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";
import type { IntegrationFormat } from "@/domain/alerts/mappings/map-payload";

export type IntegrationView = {
  id: string;
  name: string;
  format: IntegrationFormat;
  keyPrefix: string;
  clients: Array<{ id: string; name: string }>;
  defaultClientId: string | null;
  rateLimitPerMinute: number;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  secretRotatedAt: Date | null;
  revokedAt: Date | null;
};

/** The organization's integrations (never their key hashes or secrets), newest first. */
export async function listIntegrations(viewer: Viewer): Promise<IntegrationView[]> {
  const rows = await db().integration.findMany({
    where: { organizationId: viewer.organizationId },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      format: true,
      keyPrefix: true,
      defaultClientId: true,
      rateLimitPerMinute: true,
      createdAt: true,
      lastUsedAt: true,
      secretRotatedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
      clients: { select: { client: { select: { id: true, name: true } } }, orderBy: { client: { name: "asc" } } },
    },
  });
  return rows.map((r) => ({
    ...r,
    createdBy: r.createdBy?.name ?? null,
    clients: r.clients.map((c) => c.client),
  }));
}
