import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { lockAsAdministrator } from "../admin/admin-lock";
import { auditContext, type ServiceContext } from "../context";
import { attempt, type Result } from "../result";
import type { Role } from "@/domain/access/permissions";
import type { MfaPolicyInput } from "@/lib/validation/mfa";

/**
 * Which roles must sign in with a second factor. Administrators always must. Takes effect on the
 * next request: a session of a newly covered role without an authenticator is sent to enrol.
 */
export async function setMfaPolicy(ctx: ServiceContext, input: MfaPolicyInput): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "people");
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: ctx.viewer.organizationId },
        select: { mfaRequiredRoles: true },
      });
      const roles: Role[] = [
        "ADMIN",
        ...(["MANAGER", "ANALYST", "CLIENT_CONTACT"] as const).filter((r) => input.roles.includes(r)),
      ];
      if (before.mfaRequiredRoles.length === roles.length && roles.every((r) => before.mfaRequiredRoles.includes(r)))
        return null;
      await tx.organization.update({ where: { id: ctx.viewer.organizationId }, data: { mfaRequiredRoles: roles } });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "organization.mfa_policy",
        entityType: "Organization",
        entityId: ctx.viewer.organizationId,
        changes: { mfaRequiredRoles: { before: before.mfaRequiredRoles, after: roles } },
      });
      return null;
    }),
  );
}
