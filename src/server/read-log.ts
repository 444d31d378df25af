import "server-only";
import { randomUUID } from "node:crypto";
import { headers as requestHeaders } from "next/headers";
import { sqlRows } from "./db";
import { clientIp, requestIdOf, type HeaderSource } from "./client-ip";
import { log } from "./log";
import { apiError } from "@/lib/api-error";
import { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/domain/access/can";
import type { ReadKind } from "@/domain/audit/read-kinds";

/*
 * The access log: who read what, when, from where (the ReadEvent table).
 *
 * "GET never writes" holds everywhere in this codebase except here, on purpose: like a web
 * server's access log, recording that someone looked is not a change of data, and it can only be
 * written while the page or file is served. So a read is kept apart from changes: one INSERT,
 * outside any transaction, no audit-chain advisory lock (reads must not queue behind or beside
 * writers), no bump of the organization's data version (a read must not expire cached figures).
 *
 * When the INSERT fails, the two kinds of read are treated differently:
 *  - downloads and exports fail closed (recordDownload): no record, no file; they answer 503.
 *    A file leaves the system for good, and a security product must be able to say who took it.
 *  - page views are best effort (recordView): the failure is logged, the page is still shown. A
 *    person working an incident must not be locked out of it by a logging fault, and what a page
 *    shows can be exported only through a download, which is recorded or refused.
 * Callers record only after the permission and scope checks passed and the thing exists: a
 * refusal or a not-found is not a read.
 */

export type ReadRecord = {
  kind: ReadKind;
  targetType: string;
  targetId?: string | null;
  incidentId?: string | null;
  clientId?: string | null;
};

/** The request's trace: the caller's request id when it sent a plain one, else a new id. */
function trace(headers: HeaderSource) {
  return { ip: clientIp(headers), requestId: requestIdOf(headers) ?? randomUUID() };
}

/**
 * Records one read, in one INSERT. Throws when it could not be recorded. The incident and client
 * of a notice, and the client of an incident, when not given, are taken from the notice or the
 * incident in the same statement (the portal's pages and the report do not carry them).
 */
export async function recordRead(
  viewer: Viewer,
  read: ReadRecord,
  headers: HeaderSource,
  at = new Date(),
): Promise<void> {
  const { ip, requestId } = trace(headers);
  const row = Prisma.sql`${randomUUID()}::uuid, ${viewer.organizationId}::uuid, ${at}::timestamp, ${viewer.userId}::uuid, ${viewer.name.slice(0, 200)},
    ${viewer.role}::"Role", ${read.kind}, ${read.targetType}, ${read.targetId?.slice(0, 64) ?? null}`;
  const tail = Prisma.sql`${requestId.slice(0, 64)}, ${ip}`;
  const into = Prisma.raw(
    `INSERT INTO "ReadEvent" ("id", "organizationId", "at", "actorId", "actorLabel", "actorRole", "kind", "targetType", "targetId", "incidentId", "clientId", "requestId", "ip")`,
  );
  const statement =
    read.targetType === "Notice" && !read.incidentId && read.targetId
      ? Prisma.sql`${into} SELECT ${row}, n."incidentId", n."clientId", ${tail} FROM "Notice" n WHERE n.id = ${read.targetId}::uuid RETURNING "id"`
      : read.incidentId && !read.clientId
        ? Prisma.sql`${into} SELECT ${row}, i.id, i."clientId", ${tail} FROM "Incident" i WHERE i.id = ${read.incidentId}::uuid RETURNING "id"`
        : Prisma.sql`${into} VALUES (${row}, ${read.incidentId ?? null}::uuid, ${read.clientId ?? null}::uuid, ${tail}) RETURNING "id"`;
  const written = await sqlRows<{ id: string }>(statement, { hot: true });
  // a notice or incident gone since the caller saw it: nothing was recorded, so this is a failure
  if (written.length !== 1) throw new Error("read not recorded: its notice or incident is gone");
}

function logFailure(read: ReadRecord, error: unknown, outcome: "page_shown" | "download_refused") {
  // ids and codes only: a database error's text may quote the row (a person's name)
  const code =
    error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : undefined;
  log.error("read_log.record_failed", {
    kind: read.kind,
    targetType: read.targetType,
    outcome,
    errorName: error instanceof Error ? error.name : typeof error,
    code,
  });
}

/** For pages: records the view, best effort (see above). Never throws. */
export async function recordView(viewer: Viewer, read: ReadRecord): Promise<void> {
  try {
    await recordRead(viewer, read, await requestHeaders());
  } catch (error) {
    logFailure(read, error, "page_shown");
  }
}

/**
 * For downloads and exports: records the read before the file is made. Null when recorded; a
 * 503 answer to send instead of the file when not (fail closed, see above).
 */
export async function recordDownload(viewer: Viewer, read: ReadRecord, req: Request): Promise<Response | null> {
  try {
    await recordRead(viewer, read, req.headers);
    return null;
  } catch (error) {
    logFailure(read, error, "download_refused");
    return apiError(
      "UNAVAILABLE",
      "The download could not be recorded in the access log, so it was not made. Try again in a moment.",
    );
  }
}
