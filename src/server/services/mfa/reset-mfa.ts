import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { endSessionsOf } from "../sessions/sessions";
import { lockAsAdministrator } from "../admin/admin-lock";
import { auditContext, type ServiceContext } from "../context";
import { attempt, fail, type Result } from "../result";

/**
 * An administrator clears another person's authenticator and recovery codes (a lost phone):
 * their sessions end at once and they set up a new authenticator when they next sign in. Never
 * one's own: a stolen administrator session must not be able to strip the second factor that
 * protects it. Refusals are audited too.
 */
export async function resetMfa(ctx: ServiceContext, userId: string): Promise<Result<null>> {
  if (userId === ctx.viewer.userId) {
    await db().$transaction((tx) =>
      appendAudit(tx, {
        ...auditContext(ctx),
        action: "user.mfa_reset_refused",
        entityType: "User",
        entityId: userId,
        changes: { reason: "own_account" },
      }),
    );
    return {
      ok: false,
      code: "REFUSED",
      message: "You cannot reset your own two-step verification; ask another administrator.",
    };
  }
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "people");
      const user = await tx.user.findFirst({
        where: { id: userId, organizationId: ctx.viewer.organizationId },
        select: { id: true, totpEnabledAt: true },
      });
      if (!user) fail("NOT_FOUND", "No such person in your organization.");
      await tx.user.update({
        where: { id: user.id },
        data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
      });
      const { count: codes } = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      const sessions = await endSessionsOf(user.id, "mfa_reset", null, { tx, now: ctx.now });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "user.mfa_reset",
        entityType: "User",
        entityId: user.id,
        changes: {
          hadAuthenticator: user.totpEnabledAt !== null,
          recoveryCodesRemoved: codes,
          sessionsEnded: sessions,
        },
      });
      return null;
    }),
  );
}
