import "server-only";
import type { Viewer } from "@/domain/access/can";
import type { Prisma } from "@/generated/prisma/client";

// The one where-builder per resource. Every read of tenant data goes through one of these,
// so an id outside the viewer's scope simply does not match: "not found", like a missing id.

export function clientWhere(viewer: Viewer, extra: Prisma.ClientWhereInput = {}): Prisma.ClientWhereInput {
  return { AND: [extra, { organizationId: viewer.organizationId, id: { in: [...viewer.clientIds] } }] };
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
