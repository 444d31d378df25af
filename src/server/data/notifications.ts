import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";

/** For the navigation of every staff page: one indexed count. */
export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  if (viewer.unreadNotifications !== undefined) return viewer.unreadNotifications; // read with the viewer
  const [row] = await db().$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS n FROM "StaffNotification" WHERE "userId" = ${viewer.userId}::uuid AND "readAt" IS NULL`;
  return row.n;
}

export function listNotifications(viewer: Viewer) {
  return db().staffNotification.findMany({
    where: { userId: viewer.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, message: true, createdAt: true, readAt: true, incidentId: true, noticeId: true },
  });
}
