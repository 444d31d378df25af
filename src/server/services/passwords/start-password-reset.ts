import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { lockAsAdministrator } from "../admin/admin-lock";
import { newToken, passwordLink, RESET_TTL_MS } from "./password-tokens";
import { mailPasswordLink } from "./password-link-mail";
import type { StartPasswordResetInput } from "@/lib/validation/password";

export type PasswordLinkResult = { name: string; emailed: boolean; link: string | null; expiresAt: Date };

/**
 * An administrator starts a reset of someone else's password: a single-use link valid for an
 * hour, e-mailed when mail is set up, otherwise returned to be shown to the administrator once.
 * Earlier unused links of that person stop working. Audited (never the link).
 */
export async function startPasswordReset(
  ctx: ServiceContext,
  input: StartPasswordResetInput,
  origin: string,
): Promise<Result<PasswordLinkResult>> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(ctx.now.getTime() + RESET_TTL_MS);
  const started = await attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "people");
      const user = await tx.user.findFirst({
        where: { id: input.userId, organizationId: ctx.viewer.organizationId },
        select: { id: true, name: true, email: true, active: true, organization: { select: { name: true } } },
      });
      if (!user) fail("NOT_FOUND", "No such person in your organization.");
      if (user.id === ctx.viewer.userId)
        fail(
          "REFUSED",
          "You cannot reset your own password here: change it on your Security page, which asks for your current one.",
        );
      if (!user.active) fail("REFUSED", `${user.name} cannot sign in: allow them to sign in first.`);
      await tx.passwordToken.deleteMany({ where: { userId: user.id, usedAt: null } });
      await tx.passwordToken.create({
        data: { userId: user.id, purpose: "RESET", tokenHash, createdAt: ctx.now, expiresAt },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "user.password_reset_started",
        entityType: "User",
        entityId: user.id,
        changes: { expiresAt: expiresAt.toISOString() },
      });
      return user;
    }),
  );
  if (!started.ok) return started;
  const link = passwordLink(origin, token);
  const emailed = await mailPasswordLink(started.value.email, "RESET", link, started.value.organization.name);
  return { ok: true, value: { name: started.value.name, emailed, link: emailed ? null : link, expiresAt } };
}
