import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";
import { addOverride, createRota, removeOverride, updateRota } from "@/server/services/on-call/manage-rotas";
import { createRotaSchema } from "@/lib/validation/on-call";
import { listRotas } from "@/server/data/on-call-rotas";
import { loadViewer } from "@/server/data/load-viewer";

const FORM = {
  name: "Client A standby",
  handoverTime: "09:00",
  rotation: "custom",
  shiftHours: "12",
  startsOn: "2026-03-28",
  escalateAfterMinutes: "15",
  enabled: "on",
};

describe("rotas", () => {
  it("takes the client's zone by default, keeps the member order, and refuses a stale edit", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const input = createRotaSchema.parse({
      ...FORM,
      clientId: t.clientA.id,
      memberIds: [t.manager.id, t.analyst.id, ""],
    });
    const made = await createRota(ctx, input);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const rota = await db().onCallRota.findUniqueOrThrow({
      where: { id: made.value.id },
      include: { members: { orderBy: { position: "asc" } } },
    });
    expect(rota).toMatchObject({ timeZone: t.clientA.timeZone, shiftHours: 12, version: 1 });
    expect(rota.members.map((m) => m.userId)).toEqual([t.manager.id, t.analyst.id]);

    const edit = {
      ...input,
      rotaId: rota.id,
      version: 1,
      memberIds: [t.analyst.id, t.manager.id],
      rotation: "weekly" as const,
    };
    expect((await updateRota(ctx, edit)).ok).toBe(true);
    const stale = await updateRota(ctx, { ...edit, name: "Renamed" });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.code).toBe("CONFLICT");
    const after = await db().onCallRota.findUniqueOrThrow({
      where: { id: rota.id },
      include: { members: { orderBy: { position: "asc" } } },
    });
    expect(after).toMatchObject({ name: "Client A standby", shiftHours: 168, version: 2 });
    expect(after.members.map((m) => m.userId)).toEqual([t.analyst.id, t.manager.id]);
    expect(await db().auditEvent.count({ where: { entityId: rota.id, action: { startsWith: "oncall.rota_" } } })).toBe(
      2,
    );

    // the rota page: who is on call now by it, and the next three handovers in turn order
    const at = new Date("2026-12-02T12:00:00Z");
    const { rotas } = await listRotas((await loadViewer(t.manager.id))!, at);
    const [view] = rotas;
    expect(view!.now?.primary?.id).toBeDefined();
    expect(view!.upcoming).toHaveLength(3);
    const turns = [view!.now!.primary!.name, ...view!.upcoming.map((u) => u.name)];
    expect(turns).toEqual([turns[0], turns[1], turns[0], turns[1]]);
    expect(new Set(turns)).toEqual(new Set([t.analyst.name, t.manager.name]));
    const otherOrg = await makeTenant();
    expect((await listRotas((await loadViewer(otherOrg.manager.id))!, at)).rotas).toEqual([]);
  });

  it("field errors for a bad form: shift length for a custom rotation, handover, repeated members", async () => {
    const bad = createRotaSchema.safeParse({
      ...FORM,
      shiftHours: "",
      handoverTime: "9am",
      memberIds: ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000001"],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["shiftHours", "handoverTime", "memberIds"]));
  });

  it("overrides: times read in the rota's zone, refused when they end first, removed with an audit entry; another organization's is not found", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const made = await createRota(
      ctx,
      createRotaSchema.parse({ ...FORM, timeZone: "Europe/London", memberIds: [t.manager.id] }),
    );
    if (!made.ok) throw new Error(made.message);
    const backwards = await addOverride(ctx, {
      rotaId: made.value.id,
      userId: t.admin.id,
      startsAt: "2026-07-01T17:00",
      endsAt: "2026-07-01T09:00",
      reason: "Leave",
    });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.fieldErrors?.endsAt?.[0]).toBe("The end must be after the start.");
    const ok = await addOverride(ctx, {
      rotaId: made.value.id,
      userId: t.admin.id,
      startsAt: "2026-07-01T09:00",
      endsAt: "2026-07-01T17:00",
      reason: "Leave",
    });
    if (!ok.ok) throw new Error(ok.message);
    const o = await db().onCallOverride.findUniqueOrThrow({ where: { id: ok.value.id } });
    expect(o.startsAt.toISOString()).toBe("2026-07-01T08:00:00.000Z"); // 09:00 BST
    const other = await makeTenant();
    const foreign = await removeOverride(await ctxFor(other.manager.id), { overrideId: o.id });
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await removeOverride(ctx, { overrideId: o.id })).ok).toBe(true);
    expect(await db().onCallOverride.count({ where: { id: o.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: made.value.id, action: "oncall.override_remove" } })).toBe(
      1,
    );
  });
});
