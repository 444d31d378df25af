import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadViewer } from "@/server/data/load-viewer";
import { kpis } from "@/server/data/dashboard";
import { updateClient } from "@/server/services/admin/clients";
import { updateClientSchema } from "@/lib/validation/client";
import { settlementTiming } from "@/domain/deadlines/terms-change";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

// Aware 2026-01-10 09:30 UTC; the contract's 24 h window ends 2026-01-11 09:30 UTC.
const LOGGED = new Date("2026-01-10T10:00:00Z");
const ADMIN_NOW = new Date("2026-01-10T20:00:00Z"); // 10 h 30 min after awareness

async function setting(noticeHours: number) {
  const t = await makeTenant();
  await db().client.update({ where: { id: t.clientA.id }, data: { noticeHours: 24 } });
  // Rhode Island's residents only: a state whose law adds no service-provider clock of its own
  // (Illinois's, say, runs on the contract's hours too and would move with them)
  const { id: incidentId } = await logIncident(await ctxFor(t.manager.id, LOGGED), t.clientA.id, {
    jurisdictions: ["US-RI"],
    dataCategories: ["PERSONAL"],
  });
  const client = await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } });
  const input = updateClientSchema.parse({
    clientId: client.id,
    name: client.name,
    sector: client.sector,
    timeZone: client.timeZone,
    country: client.country,
    noticeHours: String(noticeHours),
  });
  const contract = () =>
    db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: "contract" } } });
  return { t, incidentId, input, contract, admin: await ctxFor(t.admin.id, ADMIN_NOW) };
}

describe("a change of a client's terms is previewed, then confirmed", () => {
  it("shows old and new due times and what turns overdue, and writes nothing until confirmed", async () => {
    const { t, input, contract, admin } = await setting(8); // 09:30 + 8 h = 17:30, before the admin's 20:00
    const before = await contract();
    const events = await db().auditEvent.count({ where: { organizationId: t.org.id } });
    const result = await updateClient(admin, input);
    if (!result.ok || result.value.kind !== "PREVIEW") throw new Error("expected a preview");
    const { preview } = result.value;
    expect(preview.changes).toEqual(["noticeHours: 24 → 8"]);
    expect(preview.incidents).toHaveLength(1);
    expect(preview.incidents[0]!.rows).toEqual([
      expect.objectContaining({
        ruleId: "contract",
        change: "MOVED",
        oldDue: "2026-01-11 03:30 CST",
        newDue: "2026-01-10 11:30 CST",
        newlyOverdue: true,
        settledOnTimeThen: false,
      }),
    ]);
    expect((await contract()).dueAt).toEqual(before.dueAt);
    expect((await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } })).noticeHours).toBe(24);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(events);

    // a confirmation without the preview's hash is refused by the schema
    expect(updateClientSchema.safeParse({ ...input, noticeHours: "8", confirm: "1" }).error?.issues[0]?.path).toEqual([
      "previewHash",
    ]);
    // a forged or stale hash: not saved, the current effect shown again
    expect(await updateClient(admin, { ...input, confirm: "1", previewHash: "0".repeat(64) })).toMatchObject({
      ok: true,
      value: { kind: "PREVIEW", stale: true },
    });
    expect((await contract()).dueAt).toEqual(before.dueAt);

    const saved = await updateClient(admin, { ...input, confirm: "1", previewHash: preview.hash });
    expect(saved).toEqual({ ok: true, value: { kind: "SAVED", recomputed: 1 } });
    expect((await contract()).dueAt).toEqual(new Date("2026-01-10T17:30:00Z"));
    const revision = await db().obligationRevision.findFirstOrThrow({
      where: { obligationId: before.id },
      orderBy: { at: "desc" },
    });
    expect(revision.cause).toBe("client terms changed: noticeHours");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "client.update" },
    });
    expect(audit.changes).toMatchObject({ noticeHours: { before: 24, after: 8 }, confirmedPreview: preview.hash });
  });

  it("refuses a preview made stale by a change meanwhile (another administrator, new facts)", async () => {
    const { t, input, contract, admin } = await setting(12);
    const first = await updateClient(admin, input);
    if (!first.ok || first.value.kind !== "PREVIEW") throw new Error("expected a preview");
    // meanwhile another administrator sets business hours only: the preview no longer says what happens
    await db().client.update({ where: { id: t.clientA.id }, data: { noticeBusinessHoursOnly: true } });
    const again = await updateClient(admin, {
      ...input,
      noticeBusinessHoursOnly: true,
      confirm: "1",
      previewHash: first.value.preview.hash,
    });
    if (!again.ok || again.value.kind !== "PREVIEW") throw new Error("expected the stale preview to be refused");
    expect(again.value.stale).toBe(true);
    expect(again.value.preview.hash).not.toBe(first.value.preview.hash);
    expect((await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } })).noticeHours).toBe(24);
    expect((await contract()).dueAt).toEqual(new Date("2026-01-11T09:30:00Z"));
  });

  it("a notice sent on time stays on time when the new terms would make it late, in the list and the dashboard", async () => {
    const { t, input, contract, admin } = await setting(6); // new due 15:30, the notice went at 16:00
    const row = await contract();
    const sentAt = new Date("2026-01-10T16:00:00Z");
    await db().obligation.update({ where: { id: row.id }, data: { status: "SENT", deliveredAt: sentAt } });
    const result = await updateClient(admin, input);
    if (!result.ok || result.value.kind !== "PREVIEW") throw new Error("expected a preview");
    expect(result.value.preview.incidents[0]!.rows[0]).toMatchObject({
      ruleId: "contract",
      settled: true,
      settledOnTimeThen: true,
      newlyOverdue: false,
    });
    expect(await updateClient(admin, { ...input, confirm: "1", previewHash: result.value.preview.hash })).toMatchObject(
      { ok: true, value: { kind: "SAVED" } },
    );
    const after = await contract();
    expect(after).toMatchObject({
      status: "SENT",
      dueAt: new Date("2026-01-10T15:30:00Z"),
      settledDueAt: new Date("2026-01-11T09:30:00Z"),
    });
    expect(settlementTiming(after)).toBe("ON_TIME_UNDER_EARLIER_TERMS");
    // a later change does not overwrite the due time it was settled under
    const later = await updateClient(admin, { ...input, noticeHours: 4 });
    if (!later.ok || later.value.kind !== "PREVIEW") throw new Error("expected a preview");
    await updateClient(admin, { ...input, noticeHours: 4, confirm: "1", previewHash: later.value.preview.hash });
    expect((await contract()).settledDueAt).toEqual(new Date("2026-01-11T09:30:00Z"));
    // the dashboard counts it on time
    const viewer = (await loadViewer(t.manager.id))!;
    const q = {
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-02-01T00:00:00Z"),
      fromDay: "2026-01-01",
      toDay: "2026-01-31",
      clientId: t.clientA.id,
    };
    const { notices } = await kpis(viewer, q, ADMIN_NOW);
    expect(notices).toMatchObject({ onTime: 1, total: 1 });
  });
});
