import "server-only";
import type { Viewer } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";

// The one where-builder per resource. Every read of tenant data goes through one of these,
// so an id outside the viewer's scope simply does not match: "not found", like a missing id.

export function clientWhere(viewer: Viewer, extra: Prisma.ClientWhereInput = {}): Prisma.ClientWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId, id: { in: [...viewer.clientIds] } }] };
}

/**
 * Every client of the viewer's organization, for administration: not the viewer's client list,
 * which a client added a moment ago joins only when the viewer is read again.
 */
export function organizationClientsWhere(viewer: Viewer, extra: Prisma.ClientWhereInput = {}): Prisma.ClientWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId }] };
}

export function userWhere(viewer: Viewer, extra: Prisma.UserWhereInput = {}): Prisma.UserWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId }] };
}

export function invitationWhere(viewer: Viewer, extra: Prisma.InvitationWhereInput = {}): Prisma.InvitationWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId }] };
}

export function incidentWhere(viewer: Viewer, extra: Prisma.IncidentWhereInput = {}): Prisma.IncidentWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId, clientId: { in: [...viewer.clientIds] } }] };
}

/** Alerts of the viewer's clients, in the viewer's organization (the triage queue and its decisions). */
export function alertWhere(viewer: Viewer, extra: Prisma.AlertWhereInput = {}): Prisma.AlertWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId, clientId: { in: [...viewer.clientIds] } }] };
}

/** Automation rules of the viewer's organization (rules are the organization's, not a client's). */
export function automationRuleWhere(
  viewer: Viewer,
  extra: Prisma.AutomationRuleWhereInput = {},
): Prisma.AutomationRuleWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId }] };
}

/** Audit events of the viewer's organization (an incident's trail adds its incident id, itself read in scope first). */
export function auditEventWhere(viewer: Viewer, extra: Prisma.AuditEventWhereInput = {}): Prisma.AuditEventWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId }] };
}

/** Notices the viewer may read: of the viewer's clients, in the viewer's organization (the portal adds "sent"). */
export function noticeWhere(viewer: Viewer, extra: Prisma.NoticeWhereInput = {}): Prisma.NoticeWhereInput {
  return {
    AND: [extra, { clientId: { in: [...viewer.clientIds] }, incident: { organizationId: viewer.organizationId } }],
  };
}

/**
 * Tenant scope as SQL on a row `alias` carrying "organizationId" and "clientId" (an incident, or
 * an obligation's copies of its incident's): the viewer's organization and clients, narrowed to
 * `clientId` when one is asked for (a client outside the viewer's matches nothing).
 */
export function tenantScopeSql(viewer: Viewer, alias: string, clientId: string | null = null): Prisma.Sql {
  if (!/^[a-z]\w*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  const ids = clientId ? (viewer.clientIds.includes(clientId) ? [clientId] : []) : [...viewer.clientIds];
  return Prisma.sql`${Prisma.raw(`${alias}."organizationId"`)} = ${viewer.organizationId}::uuid AND ${Prisma.raw(`${alias}."clientId"`)} = ANY(${ids}::uuid[])`;
}

/** People of the viewer's organization, as SQL on a "User" row `alias` (what userWhere says to the ORM). */
export function userScopeSql(viewer: Viewer, alias: string): Prisma.Sql {
  if (!/^[a-z]\w*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return Prisma.sql`${Prisma.raw(`${alias}."organizationId"`)} = ${viewer.organizationId}::uuid`;
}

/**
 * The audit trail a viewer may read, as a condition on "AuditEvent" a: the organization's
 * events, and an incident's only while the incident is of one of the viewer's clients.
 */
export function auditEventScopeSql(viewer: Viewer): Prisma.Sql {
  // a scalar subquery, looked up by key for each event read: as EXISTS, PostgreSQL hashes every
  // incident of the organization first (50 ms at 20,000 incidents) to show 50 events
  return Prisma.sql`a."organizationId" = ${viewer.organizationId}::uuid AND (a."incidentId" IS NULL OR (
    SELECT si."clientId" FROM "Incident" si WHERE si.id = a."incidentId" AND si."organizationId" = a."organizationId") = ANY(${[...viewer.clientIds]}::uuid[]))`;
}

/** The access log a viewer may read, as a condition on "ReadEvent" r: like auditEventScopeSql, by the read's client. */
export function readEventScopeSql(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`r."organizationId" = ${viewer.organizationId}::uuid AND (r."clientId" IS NULL OR r."clientId" = ANY(${[...viewer.clientIds]}::uuid[]))`;
}
