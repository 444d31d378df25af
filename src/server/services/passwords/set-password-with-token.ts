import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { hashPassword } from "../../passwords";
import { commonPasswords } from "../../common-passwords";
import { attempt, fail, type Result } from "../result";
import { endSessionsOf } from "../sessions/sessions";
import { clearFailures } from "../sign-in-throttle";
import { hashToken, TOKEN_PATTERN } from "./password-tokens";
import { isRole, type Role } from "@/domain/access/permissions";
import { passwordProblems } from "@/domain/passwords/password-rules";
import type { SetPasswordInput } from "@/lib/validation/password";

export type TokenState =
  | { ok: true; purpose: "RESET" | "INVITATION"; name: string; email: string; role: Role }
  | { ok: false; message: string };

const INVALID = "This link is not valid. Check that you copied all of it, or ask your administrator for a new one.";
const USED = "This link has already been used. Sign in with your password, or ask your administrator for a new link.";
const EXPIRED = "This link has expired. Ask your administrator for a new one.";

/** What a password link allows, or why it allows nothing (malformed, unknown, replaced, used, expired). */
export async function inspectPasswordToken(token: unknown, now = new Date()): Promise<TokenState> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return { ok: false, message: INVALID };
  const tokenHash = hashToken(token);
  const row = await db().passwordToken.findUnique({
    where: { tokenHash },
    select: {
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { name: true, email: true, role: true, active: true } },
    },
  });
  if (!row) return inspectInvitation(tokenHash, now);
  if (!isRole(row.user.role)) return { ok: false, message: INVALID };
  if (row.usedAt) return { ok: false, message: USED };
  if (row.expiresAt <= now) return { ok: false, message: EXPIRED };
  if (!row.user.active) return { ok: false, message: "This account cannot sign in. Ask your administrator." };
  return { ok: true, purpose: row.purpose, name: row.user.name, email: row.user.email, role: row.user.role };
}

async function inspectInvitation(tokenHash: string, now: Date): Promise<TokenState> {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash },
    select: { name: true, email: true, role: true, acceptedAt: true, expiresAt: true },
  });
  if (!invitation || !isRole(invitation.role)) return { ok: false, message: INVALID };
  if (invitation.acceptedAt) return { ok: false, message: USED };
  if (invitation.expiresAt <= now) return { ok: false, message: EXPIRED };
  return { ok: true, purpose: "INVITATION", name: invitation.name, email: invitation.email, role: invitation.role };
}

/**
 * Sets the password a link was made for, once: the link is spent in the same transaction,
 * every session of the person ends, failed sign-ins counted against the account are cleared,
 * and the change is audited as the person's own.
 */
export async function setPasswordWithToken(
  input: SetPasswordInput,
  meta: { ip?: string | null; requestId?: string | null } = {},
  now = new Date(),
): Promise<Result<{ email: string }>> {
  const state = await inspectPasswordToken(input.token, now);
  if (!state.ok) return { ok: false, code: "REFUSED", message: state.message };
  const problems = passwordProblems(input.password, state, commonPasswords());
  if (problems.length)
    return {
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Choose another password.",
      fieldErrors: { password: problems },
    };
  const passwordHash = await hashPassword(input.password);
  if (state.purpose === "INVITATION") return acceptInvitation(input.token, passwordHash, meta, now);
  return attempt(() =>
    db().$transaction(async (tx) => {
      const token = await tx.passwordToken.findUnique({
        where: { tokenHash: hashToken(input.token) },
        select: { id: true, purpose: true, userId: true },
      });
      const spent = token
        ? await tx.passwordToken.updateMany({
            where: { id: token.id, usedAt: null, expiresAt: { gt: now } },
            data: { usedAt: now },
          })
        : { count: 0 };
      if (!token || !spent.count) fail("REFUSED", USED);
      const user = await tx.user.update({
        where: { id: token.userId },
        data: { passwordHash },
        select: { id: true, name: true, email: true, organizationId: true },
      });
      await tx.passwordToken.deleteMany({ where: { userId: user.id, usedAt: null } });
      const sessionsEnded = await endSessionsOf(user.id, "password_changed", null, { tx, now });
      const audit = {
        organizationId: user.organizationId,
        actor: { id: user.id, label: user.name },
        entityType: "User",
        entityId: user.id,
        requestId: meta.requestId ?? null,
        ip: meta.ip ?? null,
        at: now,
      };
      await appendAudit(tx, { ...audit, action: "user.password_reset_completed", changes: { sessionsEnded } });
      const failures = await clearFailures(tx, user.email);
      if (failures)
        await appendAudit(tx, {
          ...audit,
          action: "auth.sign_in_unlocked",
          changes: { scope: "account", after: "password_set", failures },
        });
      return { email: user.email };
    }),
  );
}

const TAKEN =
  "This email address already has a Warden account, so it cannot be used for another one. Ask whoever invited you to invite a different address.";

/**
 * Accepting an invitation makes the account, with the role and clients it was invited for (those
 * clients still of the organization). Only here, to the invitee, does an address already in use
 * show: the inviting administrator was answered the same either way.
 */
async function acceptInvitation(
  token: string,
  passwordHash: string,
  meta: { ip?: string | null; requestId?: string | null },
  now: Date,
): Promise<Result<{ email: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
      const spent = invitation
        ? await tx.invitation.updateMany({
            where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } },
            data: { acceptedAt: now },
          })
        : { count: 0 };
      if (!invitation || !spent.count || !isRole(invitation.role)) fail("REFUSED", USED);
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } }))
        fail("REFUSED", TAKEN);
      const wanted =
        invitation.role === "CLIENT_CONTACT"
          ? invitation.clientId
            ? [invitation.clientId]
            : []
          : invitation.clientIds;
      const clients = (
        await tx.client.findMany({
          where: { organizationId: invitation.organizationId, id: { in: wanted } },
          select: { id: true },
        })
      )
        .map((c) => c.id)
        .sort();
      const clientId = invitation.role === "CLIENT_CONTACT" ? (clients[0] ?? null) : null;
      if (invitation.role === "CLIENT_CONTACT" && !clientId)
        fail(
          "REFUSED",
          "The client you were invited for is no longer set up. Ask whoever invited you for a new invitation.",
        );
      const assignments = invitation.role === "ANALYST" ? clients : [];
      const user = await tx.user.create({
        data: {
          organizationId: invitation.organizationId,
          email: invitation.email,
          name: invitation.name,
          role: invitation.role,
          clientId,
          passwordHash,
          assignments: { create: assignments.map((id) => ({ clientId: id })) },
        },
        select: { id: true },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { userId: user.id } });
      await appendAudit(tx, {
        organizationId: invitation.organizationId,
        actor: { id: user.id, label: invitation.name },
        action: "user.invitation_accepted",
        entityType: "User",
        entityId: user.id,
        changes: {
          invitationId: invitation.id,
          name: invitation.name,
          email: invitation.email,
          role: invitation.role,
          clientId,
          assignments,
        },
        requestId: meta.requestId ?? null,
        ip: meta.ip ?? null,
        at: now,
      });
      return { email: invitation.email };
    }),
  );
}
