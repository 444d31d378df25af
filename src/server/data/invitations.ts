import "server-only";
import { db } from "../db";
import { invitationWhere } from "./scope";
import type { Viewer } from "@/domain/access/can";

export type PendingInvitation = {
  id: string;
  name: string;
  email: string;
  role: string;
  expiresAt: Date;
  expired: boolean;
};

/** Invitations of the viewer's organization not yet accepted (expired ones too, marked), for administrators. */
export async function listPendingInvitations(viewer: Viewer, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db().invitation.findMany({
    where: invitationWhere(viewer, { acceptedAt: null }),
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, email: true, role: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}
