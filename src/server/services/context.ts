import type { Viewer } from "@/domain/access/can";

/** Who acts, when, and the request's trace for the audit trail. */
export type ServiceContext = {
  viewer: Viewer;
  now: Date;
  requestId?: string | null;
  ip?: string | null;
};

/** The fields every audit entry of a service takes from its context: organization, actor, trace. */
export function auditContext(ctx: ServiceContext) {
  return {
    organizationId: ctx.viewer.organizationId,
    actor: { id: ctx.viewer.userId, label: ctx.viewer.name },
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    at: ctx.now,
  };
}
