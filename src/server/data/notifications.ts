import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";

export function countUnreadNotifications(viewer: Viewer): Promise<number> {
  return db().staffNotification.count({ where: { userId: viewer.userId, readAt: null } });
}

export function listNotifications(viewer: Viewer) {
  return db().staffNotification.findMany({
    where: { userId: viewer.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, message: true, createdAt: true, readAt: true, incidentId: true },
  });
}
