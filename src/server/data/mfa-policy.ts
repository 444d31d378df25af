import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";
import type { Role } from "@/domain/access/permissions";

/** The roles that must sign in with a second factor in the viewer's organization. */
export async function mfaPolicyOf(viewer: Viewer): Promise<Role[]> {
  const org = await db().organization.findUniqueOrThrow({
    where: { id: viewer.organizationId },
    select: { mfaRequiredRoles: true },
  });
  return org.mfaRequiredRoles;
}
