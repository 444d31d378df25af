import "server-only";
import { db, sqlRows } from "../db";
import { readCiphers } from "../crypto/incident-keys";
import { openChanges } from "../crypto/sealed-changes";
import { auditEventScopeSql, readEventScopeSql } from "./scope";
import { auditEventNames } from "./audit-event-names";
import type { Viewer } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";
import { isReadKind, readPrefix, type AuditKind } from "@/domain/audit/read-kinds";
import { describeEvent } from "@/domain/timeline/describe-event";
import { parseId } from "@/lib/validation/ids";

// The organization's audit log for people with audit:read: changes (the AuditEvent chain) and
// reads (the ReadEvent access log), newest first, by keyset. Scope comes from scope.ts only.

export const AUDIT_PAGE_SIZE = 50;

/** Filters after their ids were checked against the viewer's organization (audit-filters.ts). */
export type AuditFilter = {
  personId?: string;
  clientId?: string;
  incidentId?: string;
  kind: AuditKind;
  fromAt?: Date;
  toAt?: Date;
};

export type ChangeRow = {
  id: string;
  seq: number;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  incidentId: string | null;
  incidentReference: string | null;
  requestId: string | null;
  ip: string | null;
  /** As chained: an incident's free text in it is sealed. */
  changes: unknown;
  /** The change in the timeline's words (sealed text opened for it). */
  text: string;
};
export type ReadRow = {
  id: string;
  at: Date;
  actorLabel: string;
  actorRole: string;
  kind: string;
  targetType: string;
  targetId: string | null;
  incidentId: string | null;
  incidentReference: string | null;
  clientName: string | null;
  requestId: string | null;
  ip: string | null;
};
export type AuditPage =
  | { view: "changes"; rows: ChangeRow[]; nextCursor: string | null }
  | { view: "reads"; rows: ReadRow[]; nextCursor: string | null };

/** The first string after every one that starts with `prefix` ("auth." → "auth/"). */
const prefixEnd = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
function decode(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) : null;
  } catch {
    return null;
  }
}

async function changes(viewer: Viewer, f: AuditFilter, after: number | null, limit: number): Promise<ChangeRow[]> {
  const and = [auditEventScopeSql(viewer)];
  if (f.personId) and.push(Prisma.sql`a."actorId" = ${f.personId}::uuid`);
  if (f.incidentId) and.push(Prisma.sql`a."incidentId" = ${f.incidentId}::uuid`);
  if (f.clientId) {
    and.push(Prisma.sql`((SELECT ci."clientId" FROM "Incident" ci WHERE ci.id = a."incidentId") = ${f.clientId}::uuid
      OR (a."entityType" = 'Client' AND a."entityId" = ${f.clientId}))`);
  }
  // a prefix as a range of actions, so that a rare kind is found through its index, not by walking the chain
  if (f.kind) and.push(Prisma.sql`a.action >= ${f.kind} AND a.action < ${prefixEnd(f.kind)}`);
  if (f.fromAt) and.push(Prisma.sql`a.at >= ${f.fromAt}::timestamp`);
  if (f.toAt) and.push(Prisma.sql`a.at < ${f.toAt}::timestamp`);
  if (after !== null) and.push(Prisma.sql`a.seq < ${after}::int`);
  const query = Prisma.sql`
    SELECT a.id, a.seq, a.at, a."actorLabel", a.action, a."entityType", a."entityId", a."incidentId", a.changes, a."requestId", a.ip,
      i.reference AS "incidentReference"
    FROM "AuditEvent" a LEFT JOIN "Incident" i ON i.id = a."incidentId"
    WHERE ${Prisma.join(and, " AND ")}
    ORDER BY a.seq DESC LIMIT ${limit}`;
  // Without JIT: a filter the planner cannot size (a client's events) prices the walk down a long
  // chain in millions, and PostgreSQL then compiles the query (250 ms at 460,000 events) to
  // return its 50 rows in 2 ms. SET LOCAL lasts this read-only transaction only.
  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    return tx.$queryRaw<Omit<ChangeRow, "text">[]>(query);
  });
  // an incident's free text in `changes` is sealed under its key: opened for the wording only,
  // `changes` stays as chained (the CSV carries what the hash covers)
  const ciphers = await readCiphers(db(), [...new Set(rows.flatMap((r) => (r.incidentId ? [r.incidentId] : [])))]);
  const opened = rows.map((row) => ({
    row,
    event: { ...row, changes: row.incidentId ? openChanges(ciphers.get(row.incidentId), row.changes) : row.changes },
  }));
  const names = await auditEventNames(
    viewer,
    opened.map((o) => o.event),
  );
  return opened.map(({ row, event }) => ({ ...row, text: describeEvent(event, names) }));
}

async function reads(
  viewer: Viewer,
  f: AuditFilter,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<ReadRow[]> {
  const and = [readEventScopeSql(viewer)];
  if (f.personId) and.push(Prisma.sql`r."actorId" = ${f.personId}::uuid`);
  if (f.incidentId) and.push(Prisma.sql`r."incidentId" = ${f.incidentId}::uuid`);
  if (f.clientId) and.push(Prisma.sql`r."clientId" = ${f.clientId}::uuid`);
  if (readPrefix(f.kind)) and.push(Prisma.sql`starts_with(r.kind, ${readPrefix(f.kind)})`);
  if (f.fromAt) and.push(Prisma.sql`r.at >= ${f.fromAt}::timestamp`);
  if (f.toAt) and.push(Prisma.sql`r.at < ${f.toAt}::timestamp`);
  // "at ≤ v AND (at < v OR id < last)": the first half bounds the index walk (see incidents.ts)
  if (after)
    and.push(
      Prisma.sql`r.at <= ${after.at}::timestamp AND (r.at < ${after.at}::timestamp OR r.id < ${after.id}::uuid)`,
    );
  return sqlRows<ReadRow>(Prisma.sql`
    SELECT r.id, r.at, r."actorLabel", r."actorRole"::text AS "actorRole", r.kind, r."targetType", r."targetId", r."incidentId", r."requestId", r.ip,
      i.reference AS "incidentReference", c.name AS "clientName"
    FROM "ReadEvent" r LEFT JOIN "Incident" i ON i.id = r."incidentId" LEFT JOIN "Client" c ON c.id = r."clientId"
    WHERE ${Prisma.join(and, " AND ")}
    ORDER BY r.at DESC, r.id DESC LIMIT ${limit}`);
}

function readCursor(raw: string | undefined): { at: Date; id: string } | null {
  const v = decode(raw);
  if (!Array.isArray(v) || typeof v[0] !== "string" || !ISO.test(v[0]) || !parseId(v[1])) return null;
  return { at: new Date(v[0]), id: v[1] as string };
}
function changeCursor(raw: string | undefined): number | null {
  const v = decode(raw);
  return Number.isInteger(v) && (v as number) > 0 && (v as number) <= 2 ** 31 - 1 ? (v as number) : null;
}

/** One page of the log (a cursor from another view or a forged one starts from the top). */
export async function listAuditLog(
  viewer: Viewer,
  f: AuditFilter,
  cursor?: string,
  limit = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  if (isReadKind(f.kind)) {
    const rows = await reads(viewer, f, readCursor(cursor), limit + 1);
    // a row past the page means there is a next page, which starts after the page's last row
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      view: "reads",
      rows: rows.slice(0, limit),
      nextCursor: last ? encode([last.at.toISOString(), last.id]) : null,
    };
  }
  const rows = await changes(viewer, f, changeCursor(cursor), limit + 1);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { view: "changes", rows: rows.slice(0, limit), nextCursor: last ? encode(last.seq) : null };
}

/** Every matching row, page by page, for the CSV export. */
export async function* iterateAuditLog(viewer: Viewer, f: AuditFilter, batch = 500): AsyncGenerator<AuditPage> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listAuditLog(viewer, f, cursor, batch);
    yield page;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
