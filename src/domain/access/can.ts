import { ROLE_PERMISSIONS, isRole, type Permission, type Role } from "./permissions";

/** Who is asking: enough to decide access without touching the database. */
export type Viewer = {
  userId: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
  /** The organization's IANA time zone: staff read and type times in it. */
  timeZone: string;
  /** Clients whose data this viewer may see: assigned clients for analysts, every client of
   *  the organization for managers and admins, the own client for a client contact. */
  clientIds: readonly string[];
  /** The organization's data version when this viewer was read at the start of a request;
   *  every audited change of data bumps it. Absent outside requests. */
  dataVersion?: number;
  /** The person's unread staff notifications, read with the viewer. Absent outside requests. */
  unreadNotifications?: number;
};

/** The permission check. With a clientId it also checks the tenant scope. */
export function can(
  viewer: Pick<Viewer, "role" | "clientIds"> | null | undefined,
  permission: Permission,
  resource?: { clientId: string },
): boolean {
  if (!viewer || !isRole(viewer.role)) return false;
  if (!ROLE_PERMISSIONS[viewer.role].includes(permission)) return false;
  if (resource && !viewer.clientIds.includes(resource.clientId)) return false;
  return true;
}

export function isStaff(role: Role): boolean {
  return role !== "CLIENT_CONTACT";
}
