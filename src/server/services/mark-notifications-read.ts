import "server-only";
import { db } from "../db";
import { bumpDataVersion } from "../audit";
import type { ServiceContext } from "./context";
import type { Result } from "./result";

/**
 * Read state is personal and not audited (it changes no record anyone relies on), but the
 * unread count is shown on every page, so the change is announced like any other.
 */
export async function markNotificationsRead(ctx: ServiceContext): Promise<Result<{ count: number }>> {
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.staffNotification.updateMany({
      where: { userId: ctx.viewer.userId, readAt: null },
      data: { readAt: ctx.now },
    });
    if (count) await bumpDataVersion(tx, ctx.viewer.organizationId);
    return count;
  });
  return { ok: true, value: { count } };
}
