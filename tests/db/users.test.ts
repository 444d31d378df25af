import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadViewer } from "@/server/data/load-viewer";
import { createUser, updateUser } from "@/server/services/admin/users";
import { signInWithPassword } from "@/server/services/sign-in";
import { setPasswordWithToken } from "@/server/services/passwords/set-password-with-token";
import { createUserSchema, updateUserSchema } from "@/lib/validation/user";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";

const newPerson = (patch: Record<string, unknown> = {}) =>
  createUserSchema.parse({ name: "Dana Okafor", email: `  Dana.${Math.random().toString(36).slice(2, 8)}@Example.test `, role: "ANALYST", clientIds: [], ...patch });
const ORIGIN = "http://warden.test";
const tokenOf = (link: string | null) => link!.slice(`${ORIGIN}/reset/`.length);

describe("people management", () => {
  it("an administrator adds an analyst for one client: audited, able to sign in, scoped to that client", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    const input = newPerson({ clientIds: [t.clientB.id] });
    const made = await createUser(admin, input, ORIGIN);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const viewer = await loadViewer(made.value.id);
    expect(viewer).toMatchObject({ role: "ANALYST", organizationId: t.org.id, clientIds: [t.clientB.id] });
    expect(viewer!.email).toBe(input.email.trim().toLowerCase());
    // no password yet: the invitation link (shown, no SMTP here) sets it, once
    expect(made.value).toMatchObject({ emailed: false, link: expect.stringMatching(/^http:\/\/warden\.test\/reset\/[\w-]{43}$/) });
    expect(await setPasswordWithToken({ token: tokenOf(made.value.link), password: "a long first password" })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: input.email, password: "a long first password" }, { ip: null, requestId: null })).toMatchObject({ id: made.value.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, action: "user.create", entityId: made.value.id } });
    expect(JSON.stringify(audit.changes)).not.toMatch(/password|reset\//);
    expect(audit.changes).toMatchObject({ role: "ANALYST", assignments: [t.clientB.id] });
  });

  it("refuses a taken email, a contact without a client and clients of another organization, naming the field", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    expect(await createUser(admin, newPerson({ email: t.manager.email.toUpperCase() }), ORIGIN)).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { email: [expect.stringContaining("already")] } });
    expect(await createUser(admin, newPerson({ role: "CLIENT_CONTACT" }), ORIGIN)).toMatchObject({ ok: false, fieldErrors: { clientId: [expect.any(String)] } });
    expect(await createUser(admin, newPerson({ clientIds: [other.clientA.id] }), ORIGIN)).toMatchObject({ ok: false, fieldErrors: { clientIds: [expect.any(String)] } });
    expect(createUserSchema.safeParse({ name: "", email: "nope", role: "ROOT" }).error?.issues.map((i) => i.path[0]).sort()).toEqual(["email", "name", "role"]);
    expect(await db().user.count({ where: { organizationId: t.org.id } })).toBe(5); // nothing half-made
  });

  it("only administrators manage people; another organization's person answers like a missing one", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    expect(await createUser(await ctxFor(t.manager.id), newPerson(), ORIGIN)).toMatchObject({ ok: false, code: "REFUSED" });
    // nobody raises their own role: refused, nothing changed, nothing to audit
    for (const who of [t.analyst, t.manager, t.contactA]) {
      const raise = updateUserSchema.parse({ userId: who.id, role: "ADMIN", clientIds: [], clientId: who.clientId ?? "", active: "on" });
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
    const reassign = updateUserSchema.parse({ userId: t.analyst.id, role: "ANALYST", clientIds: [t.clientB.id], active: "on" });
    expect(await updateUser(admin, reassign)).toEqual({ ok: true, value: null });
    expect((await loadViewer(t.analyst.id))!.clientIds).toEqual([t.clientB.id]);
    expect(await updateUser(admin, updateUserSchema.parse({ userId: t.analyst.id, role: "ANALYST", clientIds: [t.clientB.id] }))).toEqual({ ok: true, value: null }); // no "active": disabled
    expect(await loadViewer(t.analyst.id)).toBeNull();
    const events = await db().auditEvent.findMany({ where: { organizationId: t.org.id, action: "user.update", entityId: t.analyst.id }, orderBy: { seq: "asc" } });
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
    const second = await createUser(admin, newPerson({ role: "ADMIN" }), ORIGIN);
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
    const second = await createUser(await ctxFor(t.admin.id), newPerson({ role: "ADMIN" }), ORIGIN);
    if (!second.ok) throw new Error(second.message);
    const [a, b] = await Promise.all([
      updateUser(await ctxFor(t.admin.id), updateUserSchema.parse({ userId: second.value.id, role: "ADMIN", clientIds: [] })),
      updateUser(await ctxFor(second.value.id), updateUserSchema.parse({ userId: t.admin.id, role: "ADMIN", clientIds: [] })),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await db().user.count({ where: { organizationId: t.org.id, role: "ADMIN", active: true } })).toBe(1);
  });
});
