import "server-only";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { INVITATION_TTL_MS, newToken, passwordLink } from "../passwords/password-tokens";
import { mailPasswordLink } from "../passwords/password-link-mail";
import type { PasswordLinkResult } from "../passwords/start-password-reset";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { lockAsAdministrator } from "./admin-lock";
import { endSessionsOf } from "../sessions/sessions";
import type { Role } from "@/domain/access/permissions";
import type { CreateUserInput, UpdateUserInput } from "@/lib/validation/user";

// Administrators invite people and change their role, client assignments and status. Every
// change is audited in its transaction (never a password or link); an administrator cannot lock the
// organization out: the last active administrator can be neither demoted nor disabled.

type Membership = { role: Role; clientIds: readonly string[]; clientId?: string };

/** The clients a person of this role is tied to, checked against the organization. */
export async function checkMembership(
  tx: Tx,
  organizationId: string,
  m: Membership,
): Promise<{ assignments: string[]; contactClientId: string | null }> {
  const wanted =
    m.role === "CLIENT_CONTACT"
      ? m.clientId
        ? [m.clientId]
        : []
      : m.role === "ANALYST"
        ? [...new Set(m.clientIds)]
        : [];
  const [contactClientId] = m.role === "CLIENT_CONTACT" ? wanted : [];
  if (m.role === "CLIENT_CONTACT" && !contactClientId)
    fail("VALIDATION_FAILED", "Check the highlighted field.", {
      fieldErrors: { clientId: ["A client contact belongs to one client: choose it."] },
    });
  const found = wanted.length ? await tx.client.count({ where: { organizationId, id: { in: wanted } } }) : 0;
  if (found !== wanted.length) {
    const field = m.role === "CLIENT_CONTACT" ? "clientId" : "clientIds";
    fail("VALIDATION_FAILED", "Check the highlighted field.", {
      fieldErrors: { [field]: ["Choose clients of your organization from the list."] },
    });
  }
  return { assignments: m.role === "ANALYST" ? wanted.sort() : [], contactClientId: contactClientId ?? null };
}

/**
 * Invites a person: a single-use link (7 days) with which they choose their password, e-mailed
 * when mail is set up, otherwise returned to be shown to the administrator once. Their account
 * is made when they accept, so the answer here is the same whether or not the address is in use
 * in another organization (emails are unique across the installation); only a colleague of the
 * same organization with that address is named. A newer invitation of the address replaces an
 * earlier one.
 */
export async function invitePerson(
  ctx: ServiceContext,
  input: CreateUserInput,
  origin: string,
): Promise<Result<PasswordLinkResult>> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS);
  const invited = await attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "people");
      const organizationId = ctx.viewer.organizationId;
      if (await tx.user.findFirst({ where: { email: input.email, organizationId }, select: { id: true } })) {
        fail("CONFLICT", "Check the highlighted field.", {
          fieldErrors: { email: ["Someone in your organization already signs in with this email address."] },
        });
      }
      const { assignments, contactClientId } = await checkMembership(tx, organizationId, input);
      const replaced = await tx.invitation.deleteMany({
        where: { organizationId, email: input.email, acceptedAt: null },
      });
      const invitation = await tx.invitation.create({
        data: {
          organizationId,
          email: input.email,
          name: input.name,
          role: input.role,
          clientId: contactClientId,
          clientIds: assignments,
          tokenHash,
          invitedById: ctx.viewer.userId,
          createdAt: ctx.now,
          expiresAt,
        },
        select: { id: true, organization: { select: { name: true } } },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "user.invite",
        entityType: "Invitation",
        entityId: invitation.id,
        changes: {
          name: input.name,
          email: input.email,
          role: input.role,
          clientId: contactClientId,
          assignments,
          expiresAt: expiresAt.toISOString(),
          replaced: replaced.count,
        },
      });
      return invitation;
    }),
  );
  if (!invited.ok) return invited;
  const link = passwordLink(origin, token);
  const emailed = await mailPasswordLink(input.email, "INVITATION", link, invited.value.organization.name);
  return { ok: true, value: { name: input.name, emailed, link: emailed ? null : link, expiresAt } };
}

export async function updateUser(ctx: ServiceContext, input: UpdateUserInput): Promise<Result<null>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      // The organization's audit lock, taken first: changes to people are serialised, so two
      // administrators disabling each other at once cannot leave nobody in charge.
      await lockAsAdministrator(tx, ctx, "people");
      const before = await tx.user.findFirst({
        where: { id: input.userId, organizationId: ctx.viewer.organizationId },
        select: { id: true, role: true, active: true, clientId: true, assignments: { select: { clientId: true } } },
      });
      if (!before) fail("NOT_FOUND", "No such person in your organization.");
      const losesAdmin = before.role === "ADMIN" && before.active && (input.role !== "ADMIN" || !input.active);
      if (losesAdmin && before.id === ctx.viewer.userId)
        fail(
          "REFUSED",
          "You cannot remove your own administrator access or disable yourself; ask another administrator.",
        );
      const { assignments, contactClientId } = await checkMembership(tx, ctx.viewer.organizationId, input);
      await tx.clientAssignment.deleteMany({ where: { userId: before.id } });
      if (assignments.length)
        await tx.clientAssignment.createMany({
          data: assignments.map((clientId) => ({ userId: before.id, clientId })),
        });
      await tx.user.update({
        where: { id: before.id },
        data: { role: input.role, active: input.active, clientId: contactClientId },
      });
      if (
        losesAdmin &&
        (await tx.user.count({ where: { organizationId: ctx.viewer.organizationId, role: "ADMIN", active: true } })) ===
          0
      ) {
        fail("REFUSED", "This is the last active administrator: make someone else an administrator first.");
      }
      const oldAssignments = before.assignments.map((a) => a.clientId).sort();
      type Value = string | boolean | string[] | null;
      const changes: Record<string, { before: Value; after: Value }> = {};
      if (before.role !== input.role) changes.role = { before: before.role, after: input.role };
      if (before.active !== input.active) changes.active = { before: before.active, after: input.active };
      if (before.clientId !== contactClientId) changes.clientId = { before: before.clientId, after: contactClientId };
      if (oldAssignments.join() !== assignments.join())
        changes.assignments = { before: oldAssignments, after: assignments };
      if (!Object.keys(changes).length) return null;
      // A new role or a disabled account ends the person's sessions at once (re-enabling revives none).
      if (changes.role || (changes.active && !input.active)) {
        await endSessionsOf(before.id, changes.active && !input.active ? "user_disabled" : "role_changed", null, {
          tx,
          now: ctx.now,
        });
      }
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "user.update",
        entityType: "User",
        entityId: before.id,
        changes,
      });
      return null;
    }),
  );
}
