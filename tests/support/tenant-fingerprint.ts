import { db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";

// Everything an organization has in the database, as one hash, and its audit chain's head:
// every table that reaches the organization through one of its keys is read whole (each row as
// text), so any insert, update or delete of its data changes the hash. The audit and read logs
// are left out of the hash: the chain's head and its verification speak for them.

const LEFT_OUT = new Set(["AuditEvent", "ReadEvent", "_prisma_migrations"]);

/** How a table's rows belong to an organization, by the first key it has. */
const OWNERSHIP: ReadonlyArray<[column: string, rowsOf: (org: Prisma.Sql) => Prisma.Sql]> = [
  ["organizationId", (org) => org],
  ["incidentId", (org) => Prisma.sql`(SELECT id FROM "Incident" WHERE "organizationId" = ${org})`],
  [
    "noticeId",
    (org) =>
      Prisma.sql`(SELECT n.id FROM "Notice" n JOIN "Incident" i ON i.id = n."incidentId" WHERE i."organizationId" = ${org})`,
  ],
  [
    "evidenceId",
    (org) =>
      Prisma.sql`(SELECT e.id FROM "Evidence" e JOIN "Incident" i ON i.id = e."incidentId" WHERE i."organizationId" = ${org})`,
  ],
  [
    "obligationId",
    (org) =>
      Prisma.sql`(SELECT o.id FROM "Obligation" o JOIN "Incident" i ON i.id = o."incidentId" WHERE i."organizationId" = ${org})`,
  ],
  ["userId", (org) => Prisma.sql`(SELECT id FROM "User" WHERE "organizationId" = ${org})`],
  ["clientId", (org) => Prisma.sql`(SELECT id FROM "Client" WHERE "organizationId" = ${org})`],
];

let tables: Promise<Array<{ table: string; column: string }>> | undefined;

function ownedTables() {
  return (tables ??= (async () => {
    const rows = await db().$queryRaw<Array<{ table_name: string; column_name: string }>>`
      SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = current_schema()`;
    const columns = new Map<string, Set<string>>();
    for (const r of rows)
      (columns.get(r.table_name) ?? columns.set(r.table_name, new Set()).get(r.table_name)!).add(r.column_name);
    const out: Array<{ table: string; column: string }> = [{ table: "Organization", column: "id" }];
    for (const [table, cols] of [...columns].sort(([a], [b]) => a.localeCompare(b))) {
      if (LEFT_OUT.has(table) || table === "Organization") continue;
      const key = OWNERSHIP.find(([c]) => cols.has(c));
      if (key) out.push({ table, column: key[0] });
    }
    return out;
  })());
}

export type Fingerprint = { rows: string; auditHead: number };

export async function fingerprint(organizationId: string): Promise<Fingerprint> {
  const org = Prisma.sql`${organizationId}::uuid`;
  const parts = (await ownedTables()).map(({ table, column }) => {
    const owner =
      column === "id" || column === "organizationId"
        ? Prisma.sql`= ${org}`
        : Prisma.sql`IN ${OWNERSHIP.find(([c]) => c === column)![1](org)}`;
    return Prisma.sql`(SELECT ${table}::text || ':' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM ${Prisma.raw(`"${table}"`)} t WHERE t.${Prisma.raw(`"${column}"`)} ${owner})`;
  });
  const [row] = await db().$queryRaw<Array<{ rows: string; head: number }>>`
    SELECT md5(concat_ws(',', ${Prisma.join(parts)})) AS rows,
      (SELECT coalesce(max(seq), 0)::int FROM "AuditEvent" WHERE "organizationId" = ${org}) AS head`;
  return { rows: row!.rows, auditHead: row!.head };
}

/** The audit chain's head alone: one index lookup, cheap enough for every fuzzed call. */
export async function auditHead(organizationId: string): Promise<number> {
  const [row] = await db().$queryRaw<
    Array<{ head: number }>
  >`SELECT coalesce(max(seq), 0)::int AS head FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid`;
  return row!.head;
}

let uuidColumns: Promise<Map<string, Array<{ column: string; list: boolean }>>> | undefined;

function referenceColumns() {
  return (uuidColumns ??= (async () => {
    const rows = await db().$queryRaw<Array<{ table_name: string; column_name: string; udt_name: string }>>`
      SELECT table_name::text, column_name::text, udt_name::text FROM information_schema.columns
      WHERE table_schema = current_schema() AND udt_name IN ('uuid', '_uuid')`;
    const out = new Map<string, Array<{ column: string; list: boolean }>>();
    for (const r of rows)
      (out.get(r.table_name) ?? out.set(r.table_name, []).get(r.table_name)!).push({
        column: r.column_name,
        list: r.udt_name === "_uuid",
      });
    return out;
  })());
}

/**
 * Does any of the organization's data (its audit and read logs aside) refer to one of these ids?
 * Only reference columns (uuid, uuid[]) are searched: an id typed into a title is text, not a link.
 */
export async function refersTo(organizationId: string, targetIds: readonly string[]): Promise<boolean> {
  if (!targetIds.length) return false;
  const org = Prisma.sql`${organizationId}::uuid`;
  const refs = await referenceColumns();
  const needles = Prisma.sql`${[...targetIds]}::uuid[]`;
  const found = await Promise.all(
    (await ownedTables()).map(async ({ table, column }) => {
      const cols = refs.get(table) ?? [];
      if (!cols.length) return false;
      const owner =
        column === "id" || column === "organizationId"
          ? Prisma.sql`= ${org}`
          : Prisma.sql`IN ${OWNERSHIP.find(([c]) => c === column)![1](org)}`;
      const match = Prisma.join(
        cols.map((c) =>
          c.list
            ? Prisma.sql`t.${Prisma.raw(`"${c.column}"`)} && ${needles}`
            : Prisma.sql`t.${Prisma.raw(`"${c.column}"`)} = ANY(${needles})`,
        ),
        " OR ",
      );
      const [row] = await db().$queryRaw<Array<{ hit: boolean }>>`
        SELECT EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} t WHERE t.${Prisma.raw(`"${column}"`)} ${owner} AND (${match})) AS hit`;
      return row!.hit;
    }),
  );
  return found.some(Boolean);
}
