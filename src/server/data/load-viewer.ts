import "server-only";
import { sqlRows } from "../db";
import type { Viewer } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";
import { isRole } from "@/domain/access/permissions";
import { parseId } from "@/lib/validation/ids";

type Row = {
  id: string;
  organizationId: string;
  role: string;
  name: string;
  email: string;
  active: boolean;
  timeZone: string;
  clientIds: string[] | null;
  dataVersion: number;
  unread: number;
};

/**
 * The viewer for a user id: null when the account is gone or disabled. One round trip (it runs
 * on every request): the clients in scope are the organization's for managers and admins, the
 * assigned ones for analysts, and the own client for a client contact. The same round trip
 * reads the organization's data version (see figure-cache.ts) and the person's unread
 * notifications (the staff navigation shows the count).
 */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  if (!parseId(userId)) return null;
  const rows = await sqlRows<Row>(
    Prisma.sql`
    SELECT u.id, u."organizationId", u.role::text AS role, u.name, u.email, u.active, o."timeZone",
      CASE
        WHEN u.role IN ('ADMIN', 'MANAGER') THEN ARRAY(SELECT c.id FROM "Client" c WHERE c."organizationId" = u."organizationId" ORDER BY c.id)
        WHEN u.role = 'ANALYST' THEN ARRAY(SELECT a."clientId" FROM "ClientAssignment" a JOIN "Client" c ON c.id = a."clientId" WHERE a."userId" = u.id AND c."organizationId" = u."organizationId" ORDER BY a."clientId")
        WHEN u."clientId" IS NOT NULL THEN ARRAY[u."clientId"]
        ELSE ARRAY[]::uuid[]
      END AS "clientIds",
      o."dataVersion",
      (SELECT count(*)::int FROM "StaffNotification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread
    FROM "User" u JOIN "Organization" o ON o.id = u."organizationId"
    WHERE u.id = ${userId}::uuid`,
    { hot: true },
  );
  const user = rows[0];
  if (!user || !user.active || !isRole(user.role)) return null;
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    name: user.name,
    email: user.email,
    timeZone: user.timeZone,
    clientIds: user.clientIds ?? [],
    dataVersion: user.dataVersion,
    unreadNotifications: user.unread,
  };
}
