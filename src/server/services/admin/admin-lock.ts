import "server-only";
import type { Tx } from "../../db";
import { lockAuditChain } from "../../audit-lock";
import { fail } from "../result";
import type { ServiceContext } from "../context";
import { can } from "@/domain/access/can";

/**
 * First step of every administration change: take the organization's audit lock (so changes to
 * people and clients are serialised with each other and with the audit chain; taken before any
 * row lock, the one order every writer keeps: see audit-lock.ts), then confirm,
 * under that lock, that the actor is still an active administrator. The viewer was read when
 * the request began; another administrator may have demoted or disabled them since, and a
 * change made on that stale footing could, for instance, restore their own access.
 */
export async function lockAsAdministrator(tx: Tx, ctx: ServiceContext, what: "people" | "clients"): Promise<void> {
  const refuse = () => fail("REFUSED", `Only an administrator may manage ${what}.`);
  if (!can(ctx.viewer, what === "people" ? "user:manage" : "client:manage")) refuse();
  await lockAuditChain(tx, ctx.viewer.organizationId);
  const actor = await tx.user.findFirst({
    where: { id: ctx.viewer.userId, organizationId: ctx.viewer.organizationId, role: "ADMIN", active: true },
    select: { id: true },
  });
  if (!actor) refuse();
}
