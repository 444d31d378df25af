import "server-only";
import { db } from "../db";
import { organizationClientsWhere, userWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";

export type OrganizationOverview = {
  name: string;
  clientCount: number;
  staffCount: number;
  contactCount: number;
};

export async function getOrganizationOverview(viewer: Viewer): Promise<OrganizationOverview> {
  const [org, byRole] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: viewer.organizationId }, select: { name: true } }),
    db().user.groupBy({ by: ["role"], where: userWhere(viewer, { active: true }), _count: { _all: true } }),
  ]);
  const count = (role: string) => byRole.find((r) => r.role === role)?._count._all ?? 0;
  return {
    name: org.name,
    clientCount: viewer.clientIds.length,
    staffCount: count("ADMIN") + count("MANAGER") + count("ANALYST"),
    contactCount: count("CLIENT_CONTACT"),
  };
}

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  lastSignInAt: Date | null;
  /** Signs in with an authenticator app (an administrator may reset it). */
  mfaEnrolled: boolean;
  clients: string[];
  /** For the edit form: an analyst's assigned clients, a contact's client. */
  assignedClientIds: string[];
  contactClientId: string | null;
};

/** Everyone in the viewer's organization, for administrators. */
export async function listUsers(viewer: Viewer): Promise<UserRow[]> {
  const users = await db().user.findMany({
    where: userWhere(viewer),
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      clientId: true,
      client: { select: { name: true } },
      assignments: { select: { clientId: true, client: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    lastSignInAt: u.lastSignInAt,
    mfaEnrolled: u.totpEnabledAt !== null,
    clients:
      u.role === "CLIENT_CONTACT"
        ? u.client
          ? [u.client.name]
          : []
        : u.role === "ANALYST"
          ? u.assignments.map((a) => a.client.name).sort()
          : ["All clients"],
    assignedClientIds: u.assignments.map((a) => a.clientId),
    contactClientId: u.clientId,
  }));
}

/** Every client of the organization with all it is configured with, for administrators. */
export async function listClientsForAdmin(viewer: Viewer) {
  return db().client.findMany({
    where: organizationClientsWhere(viewer),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      sector: true,
      timeZone: true,
      country: true,
      noticeHours: true,
      noticeBusinessHoursOnly: true,
      contractReference: true,
      noticeEmail: true,
      hipaaCoveredEntity: true,
      doraFinancialEntity: true,
      nis2Entity: true,
      secRegistrant: true,
      handlesCardData: true,
      glbaFinancialInstitution: true,
      nydfsCoveredEntity: true,
      regSpCoveredInstitution: true,
      telecomCarrier: true,
      retentionYears: true,
      legalHoldAt: true,
      legalHoldReason: true,
    },
  });
}
export type AdminClient = Awaited<ReturnType<typeof listClientsForAdmin>>[number];
