import "server-only";
import { db } from "../db";
import type { ServiceContext } from "./context";
import type { Result } from "./result";

/** Read state is personal and not audited (it changes no record anyone relies on). */
export async function markNotificationsRead(ctx: ServiceContext): Promise<Result<{ count: number }>> {
  const { count } = await db().staffNotification.updateMany({ where: { userId: ctx.viewer.userId, readAt: null }, data: { readAt: ctx.now } });
  return { ok: true, value: { count } };
}
