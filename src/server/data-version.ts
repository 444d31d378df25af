import "server-only";
import type { Tx } from "./db";
import { CHANGES_CHANNEL } from "./change-feed";
import { Prisma } from "@/generated/prisma/client";

/**
 * Marks a change of the organization's data inside the changing transaction: its data version
 * grows by one, and the new version is announced on the changes channel, which PostgreSQL
 * delivers only if and when the transaction commits (see change-feed.ts). Audited changes get
 * this when their entries are chained (audit-chainer.ts), once per batch, before the writer
 * gets its answer; a change kept out of the audit trail (read state) calls it itself.
 */
export async function bumpDataVersion(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw(bumpDataVersionSql(organizationId));
}

/** bumpDataVersion's statement, for a transaction run outside the ORM (the audit chainer's). */
export function bumpDataVersionSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`
    WITH bumped AS (UPDATE "Organization" SET "dataVersion" = "dataVersion" + 1 WHERE id = ${organizationId}::uuid RETURNING id, "dataVersion")
    SELECT pg_notify(${CHANGES_CHANNEL}, bumped.id::text || ':' || bumped."dataVersion") FROM bumped`;
}
