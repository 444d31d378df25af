import "server-only";
import type { Tx } from "../../db";
import { appendAudit } from "../../audit";
import { tenantScopeSql } from "../../data/scope";
import { fail, NOT_FOUND_MESSAGE } from "../result";
import type { ServiceContext } from "../context";
import { Prisma, type Incident } from "@/generated/prisma/client";
import { formatInstant } from "@/lib/datetime";
import { rememberKeyRow, writeCipher } from "../../crypto/incident-keys";
import { holdsSealedText, sealChanges } from "../../crypto/sealed-changes";
import { UUID_SHAPE as UUID } from "@/lib/validation/ids";

// The incident's own columns, named from the generated client so a new column is read too;
// an enum array comes back from raw SQL as its text form unless cast ("{PERSONAL,HEALTH}").
const INCIDENT_COLUMNS = Prisma.raw(
  Object.values(Prisma.IncidentScalarFieldEnum)
    .map((c) => (c === "dataCategories" ? `i."dataCategories"::text[] AS "dataCategories"` : `i."${c}"`))
    .join(", "),
);
/** A well-formed id (checked before the statement that would refuse a malformed one). */
export { UUID };

type IncidentWithKey = Incident & {
  keyId: string | null;
  keyMasterKeyId: string | null;
  keyWrapped: Uint8Array | null;
  keyDestroyedAt: Date | null;
};

/**
 * The incident if the viewer may see it; otherwise the same "not found" as a missing id. One
 * raw statement (every write begins here, and the ORM's own work per query cost more than the
 * read): the incident in the viewer's scope (tenantScopeSql, as incidentWhere says to the ORM)
 * with its data key, which the service's writeCipher then finds without a query. With `lock`,
 * the row is held until the transaction ends (see lockIncident).
 */
export async function loadIncident(
  tx: Tx,
  ctx: ServiceContext,
  incidentId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<Incident> {
  if (!UUID.test(incidentId)) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const [row] = await tx.$queryRaw<IncidentWithKey[]>`
    SELECT ${INCIDENT_COLUMNS}, k.id::text AS "keyId", k."masterKeyId" AS "keyMasterKeyId", k.wrapped AS "keyWrapped", k."destroyedAt" AS "keyDestroyedAt"
    FROM "Incident" i LEFT JOIN "IncidentKey" k ON k."incidentId" = i.id
    WHERE i.id = ${incidentId}::uuid AND ${tenantScopeSql(ctx.viewer, "i")}
    ${lock ? Prisma.sql`FOR UPDATE OF i` : Prisma.empty}`;
  if (!row) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const { keyId, keyMasterKeyId, keyWrapped, keyDestroyedAt, ...incident } = row;
  if (keyId)
    rememberKeyRow(tx, {
      id: keyId,
      incidentId: incident.id,
      masterKeyId: keyMasterKeyId,
      wrapped: keyWrapped,
      destroyedAt: keyDestroyedAt,
    });
  // only the tombstone of an erased incident remains: nothing may be written to it again
  if (incident.erasedAt) fail("REFUSED", erasedMessage(incident.reference));
  return incident;
}

export const erasedMessage = (reference: string) =>
  `${reference} was erased under its client's retention policy; nothing can be added to it or changed.`;

/**
 * Writes incident fields if nobody changed the incident since `expectedVersion` was read;
 * otherwise refuses with who changed it and when, so nothing is silently overwritten.
 */
export async function writeIncident(
  tx: Tx,
  ctx: ServiceContext,
  incidentId: string,
  expectedVersion: number,
  data: Prisma.IncidentUncheckedUpdateManyInput,
) {
  const { count } = await tx.incident.updateMany({
    where: { id: incidentId, version: expectedVersion },
    data: { ...data, version: { increment: 1 }, updatedById: ctx.viewer.userId },
  });
  if (count === 1) return;
  const current = await tx.incident.findUnique({
    where: { id: incidentId },
    select: { updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const who = current?.updatedBy.name ?? "someone else";
  const when = current ? formatInstant(current.updatedAt, "UTC") : "just now";
  fail("CONFLICT", `Changed by ${who} at ${when} — reload to see the change, then try again.`);
}

/**
 * Holds the incident's row until the transaction ends. Checklist changes and transitions both
 * take it before reading or writing the checklist, so a transition always decides on the
 * checklist as it is, and a tick never waits on an optimistic version it cannot know (ticking
 * the last item and moving on at once is not a conflict).
 */
export async function lockIncident(tx: Tx, incidentId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Incident" WHERE id = ${incidentId}::uuid FOR UPDATE`;
}

/** Records who last changed what the next transition needs (checklists); the version stays for the incident's own fields. */
export async function touchIncident(tx: Tx, ctx: ServiceContext, incidentId: string) {
  // raw: the ORM's update would also read the row back (and set updatedAt, as this does)
  await tx.$executeRaw`UPDATE "Incident" SET "updatedById" = ${ctx.viewer.userId}::uuid, "updatedAt" = now() WHERE id = ${incidentId}::uuid`;
}

/** Appends an incident's audit entry; copies of its free text in `changes` are sealed under its data key. */
export async function auditIncident(
  tx: Tx,
  ctx: ServiceContext,
  incident: { id: string; organizationId: string },
  action: string,
  changes: Prisma.InputJsonValue | null,
  entity?: { type: string; id: string },
) {
  if (holdsSealedText(changes)) changes = sealChanges(await writeCipher(tx, incident), changes);
  return appendAudit(tx, {
    organizationId: incident.organizationId,
    actor: { id: ctx.viewer.userId, label: ctx.viewer.name },
    action,
    entityType: entity?.type ?? "Incident",
    entityId: entity?.id ?? incident.id,
    incidentId: incident.id,
    changes,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    at: ctx.now,
  });
}

/** Field-by-field { before, after } of what changed. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k];
    const same =
      b instanceof Date && v instanceof Date ? b.getTime() === v.getTime() : JSON.stringify(b) === JSON.stringify(v);
    const plain = (x: unknown) => (x instanceof Date ? x.toISOString() : (x ?? null));
    if (!same) out[k] = { before: plain(b), after: plain(v) };
  }
  return out;
}

/** Can this user own work on this client's incident? (staff of the organization who see it) */
export async function assertAssignable(tx: Tx, ctx: ServiceContext, userId: string, clientId: string, field: string) {
  const user = await tx.user.findFirst({
    where: {
      id: userId,
      organizationId: ctx.viewer.organizationId,
      active: true,
      OR: [{ role: { in: ["ADMIN", "MANAGER"] } }, { role: "ANALYST", assignments: { some: { clientId } } }],
    },
    select: { id: true },
  });
  if (!user)
    fail("VALIDATION_FAILED", "Check the highlighted field.", {
      fieldErrors: { [field]: ["Choose someone who works for this client."] },
    });
}
