import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";
import { isRole } from "@/domain/access/permissions";

/** The viewer for a user id: null when the account is gone or disabled. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      organizationId: true,
      role: true,
      name: true,
      email: true,
      active: true,
      clientId: true,
      organization: { select: { timeZone: true } },
      assignments: { select: { clientId: true } },
    },
  });
  if (!user || !user.active || !isRole(user.role)) return null;

  let clientIds: string[];
  if (user.role === "ADMIN" || user.role === "MANAGER") {
    const clients = await db().client.findMany({ where: { organizationId: user.organizationId }, select: { id: true } });
    clientIds = clients.map((c) => c.id);
  } else if (user.role === "ANALYST") {
    clientIds = user.assignments.map((a) => a.clientId);
  } else {
    clientIds = user.clientId ? [user.clientId] : [];
  }
  return { userId: user.id, organizationId: user.organizationId, role: user.role, name: user.name, email: user.email, timeZone: user.organization.timeZone, clientIds };
}
