import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadViewer } from "@/server/data/load-viewer";
import { listPendingInvitations } from "@/server/data/invitations";
import { invitePerson, updateUser } from "@/server/services/admin/users";
import { signInWithPassword } from "@/server/services/sign-in";
import { setPasswordWithToken } from "@/server/services/passwords/set-password-with-token";
import { createUserSchema, updateUserSchema } from "@/lib/validation/user";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";

const newPerson = (patch: Record<string, unknown> = {}) =>
  createUserSchema.parse({
    name: "Dana Okafor",
    email: `  Dana.${Math.random().toString(36).slice(2, 8)}@Example.test `,
    role: "ANALYST",
    clientIds: [],
    ...patch,
  });
const ORIGIN = "http://warden.test";
const tokenOf = (link: string | null) => link!.slice(`${ORIGIN}/reset/`.length);
const PASSWORD = "a long first password";

/** Invites a person and accepts at once: the account exists from then on. */
async function addPerson(ctx: Awaited<ReturnType<typeof ctxFor>>, input: ReturnType<typeof newPerson>) {
  const invited = await invitePerson(ctx, input, ORIGIN);
  if (!invited.ok) return invited;
  const accepted = await setPasswordWithToken({ token: tokenOf(invited.value.link), password: PASSWORD });
  if (!accepted.ok) return accepted;
  const user = await db().user.findUniqueOrThrow({ where: { email: accepted.value.email }, select: { id: true } });
  return { ok: true as const, value: user };
}

describe("people management", () => {
  it("an administrator invites an analyst for one client: audited; on accepting, able to sign in, scoped to that client", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const input = newPerson({ clientIds: [t.clientB.id] });
    const invited = await invitePerson(admin, input, ORIGIN);
    if (!invited.ok) throw new Error(invited.message);
    // no account until the invitation is accepted; the link (shown, no SMTP here) sets the password, once
    expect(invited.value).toMatchObject({
      emailed: false,
      link: expect.stringMatching(/^http:\/\/warden\.test\/reset\/[\w-]{43}$/),
    });
    expect(await db().user.count({ where: { email: input.email } })).toBe(0);
    const adminViewer = (await loadViewer(t.admin.id))!;
    expect(await listPendingInvitations(adminViewer)).toEqual([
      expect.objectContaining({ name: "Dana Okafor", email: input.email, role: "ANALYST", expired: false }),
    ]);
    expect(await listPendingInvitations((await loadViewer((await makeTenant()).admin.id))!)).toEqual([]); // another organization sees none
    expect(await setPasswordWithToken({ token: tokenOf(invited.value.link), password: PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await listPendingInvitations(adminViewer)).toEqual([]);
    expect(
      await setPasswordWithToken({ token: tokenOf(invited.value.link), password: "another long password" }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("already been used") });
    const made = { value: await db().user.findUniqueOrThrow({ where: { email: input.email } }) };
    const viewer = await loadViewer(made.value.id);
    expect(viewer).toMatchObject({ role: "ANALYST", organizationId: t.org.id, clientIds: [t.clientB.id] });
    expect(viewer!.email).toBe(input.email.trim().toLowerCase());
    expect(
      await signInWithPassword({ email: input.email, password: PASSWORD }, { ip: null, requestId: null }),
    ).toMatchObject({ id: made.value.id });
    const invite = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "user.invite" },
    });
    expect(invite).toMatchObject({ actorId: t.admin.id, entityType: "Invitation" });
    expect(invite.changes).toMatchObject({ role: "ANALYST", assignments: [t.clientB.id] });
    const accepted = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "user.invitation_accepted", entityId: made.value.id },
    });
    expect(accepted).toMatchObject({ actorId: made.value.id });
    expect(JSON.stringify([invite.changes, accepted.changes])).not.toMatch(/password|reset\//);
  });

  it("refuses a taken email, a contact without a client and clients of another organization, naming the field", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    expect(await invitePerson(admin, newPerson({ email: t.manager.email.toUpperCase() }), ORIGIN)).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { email: [expect.stringContaining("in your organization already")] },
    });
    expect(await invitePerson(admin, newPerson({ role: "CLIENT_CONTACT" }), ORIGIN)).toMatchObject({
      ok: false,
      fieldErrors: { clientId: [expect.any(String)] },
    });
    expect(await invitePerson(admin, newPerson({ clientIds: [other.clientA.id] }), ORIGIN)).toMatchObject({
      ok: false,
      fieldErrors: { clientIds: [expect.any(String)] },
    });
    expect(
      createUserSchema
        .safeParse({ name: "", email: "nope", role: "ROOT" })
        .error?.issues.map((i) => i.path[0])
        .sort(),
    ).toEqual(["email", "name", "role"]);
    expect(await db().user.count({ where: { organizationId: t.org.id } })).toBe(5); // nothing half-made
    expect(await db().invitation.count({ where: { organizationId: t.org.id } })).toBe(0);
  });

  it("inviting an address used in another organization answers exactly as for a new one; only the invitee learns it is taken", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const taken = await invitePerson(admin, newPerson({ name: "Someone Else", email: other.analyst.email }), ORIGIN);
    const fresh = await invitePerson(admin, newPerson({ name: "Someone Else" }), ORIGIN);
    if (!taken.ok || !fresh.ok) throw new Error("refused");
    const shape = (v: typeof taken.value) => ({
      ...v,
      link: v.link?.replace(/[\w-]{43}$/, "<token>"),
      expiresAt: typeof v.expiresAt,
    });
    expect(shape(taken.value)).toEqual(shape(fresh.value));
    const invites = await db().auditEvent.findMany({
      where: { organizationId: t.org.id, action: "user.invite" },
      orderBy: { seq: "asc" },
    });
    expect(invites).toHaveLength(2);
    expect(Object.keys(invites[0]!.changes as object).sort()).toEqual(
      Object.keys(invites[1]!.changes as object).sort(),
    );
    // the invitee, holding the link, is told; nothing is made, nothing changes in either organization
    const result = await setPasswordWithToken({ token: tokenOf(taken.value.link), password: PASSWORD });
    expect(result).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: expect.stringContaining("already has a Warden account"),
    });
    expect(await db().user.count({ where: { email: other.analyst.email } })).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { email: other.analyst.email } })).organizationId).toBe(
      other.org.id,
    );
    expect(
      await db().auditEvent.count({ where: { organizationId: other.org.id, action: { startsWith: "user." } } }),
    ).toBe(0);
  });

  it("only administrators manage people; another organization's person answers like a missing one", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    expect(await invitePerson(await ctxFor(t.manager.id), newPerson(), ORIGIN)).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    // nobody raises their own role: refused, nothing changed, nothing to audit
    for (const who of [t.analyst, t.manager, t.contactA]) {
      const raise = updateUserSchema.parse({
        userId: who.id,
        role: "ADMIN",
        clientIds: [],
        clientId: who.clientId ?? "",
        active: "on",
      });
      expect(await updateUser(await ctxFor(who.id), raise)).toMatchObject({ ok: false, code: "REFUSED" });
      expect((await db().user.findUniqueOrThrow({ where: { id: who.id } })).role).toBe(who.role);
    }
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "user.update" } })).toBe(0);
    const input = updateUserSchema.parse({ userId: other.analyst.id, role: "ANALYST", clientIds: [], active: "on" });
    expect(await updateUser(await ctxFor(t.admin.id), input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("changing assignments and disabling take effect on the next request, each audited with before and after", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const reassign = updateUserSchema.parse({
      userId: t.analyst.id,
      role: "ANALYST",
      clientIds: [t.clientB.id],
      active: "on",
    });
    expect(await updateUser(admin, reassign)).toEqual({ ok: true, value: null });
    expect((await loadViewer(t.analyst.id))!.clientIds).toEqual([t.clientB.id]);
    expect(
      await updateUser(
        admin,
        updateUserSchema.parse({ userId: t.analyst.id, role: "ANALYST", clientIds: [t.clientB.id] }),
      ),
    ).toEqual({ ok: true, value: null }); // no "active": disabled
    expect(await loadViewer(t.analyst.id)).toBeNull();
    const events = await db().auditEvent.findMany({
      where: { organizationId: t.org.id, action: "user.update", entityId: t.analyst.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.changes)).toEqual([
      { assignments: { before: [t.clientA.id], after: [t.clientB.id] } },
      { active: { before: true, after: false } },
    ]);
  });

  it("the organization keeps an active administrator: no self-demotion, no disabling the last one", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const demoteSelf = updateUserSchema.parse({ userId: t.admin.id, role: "MANAGER", clientIds: [], active: "on" });
    expect(await updateUser(admin, demoteSelf)).toMatchObject({ ok: false, code: "REFUSED" });
    // a second admin may demote the first while two are active, but not the last one left
    const second = await addPerson(admin, newPerson({ role: "ADMIN" }));
    if (!second.ok) throw new Error(second.message);
    const secondCtx = await ctxFor(second.value.id);
    expect(await updateUser(secondCtx, demoteSelf)).toEqual({ ok: true, value: null });
    // the demoted one, acting on a request that began while they were still an administrator,
    // cannot give their access back
    const restoreSelf = updateUserSchema.parse({ userId: t.admin.id, role: "ADMIN", clientIds: [], active: "on" });
    expect(await updateUser(admin, restoreSelf)).toMatchObject({ ok: false, code: "REFUSED" });
    const disableSecond = updateUserSchema.parse({ userId: second.value.id, role: "ADMIN", clientIds: [] });
    expect(await updateUser(secondCtx, disableSecond)).toMatchObject({ ok: false, code: "REFUSED" });
    expect((await loadViewer(t.admin.id))!.role).toBe("MANAGER");
  });

  it("two administrators disabling each other at the same moment leave one in charge", async () => {
    const t = await makeTenant();
    const second = await addPerson(await ctxFor(t.admin.id), newPerson({ role: "ADMIN" }));
    if (!second.ok) throw new Error(second.message);
    const [a, b] = await Promise.all([
      updateUser(
        await ctxFor(t.admin.id),
        updateUserSchema.parse({ userId: second.value.id, role: "ADMIN", clientIds: [] }),
      ),
      updateUser(
        await ctxFor(second.value.id),
        updateUserSchema.parse({ userId: t.admin.id, role: "ADMIN", clientIds: [] }),
      ),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await db().user.count({ where: { organizationId: t.org.id, role: "ADMIN", active: true } })).toBe(1);
  });
});
