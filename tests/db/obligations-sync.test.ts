import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { syncObligations } from "@/server/services/obligations/sync-obligations";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

describe("obligations persisted per incident", () => {
  it("a HIPAA breach of fewer than 500 keeps an annual HHS log obligation with its year-end clock", async () => {
    const t = await makeTenant();
    await db().client.update({ where: { id: t.clientA.id }, data: { hipaaCoveredEntity: true } });
    // detected 2026-01-10 09:00 UTC = 03:00 CST; year of discovery 2026 in Chicago → end of 1 Mar 2027 CST
    const { id } = await logIncident(await ctxFor(t.manager.id), t.clientA.id, {
      dataSubjectsCount: "12",
      jurisdictions: ["US-IL"],
    });
    const rows = await db().obligation.findMany({ where: { incidentId: id, ruleId: { startsWith: "hipaa-408" } } });
    expect(rows.map((r) => [r.ruleId, r.active, r.applicability, r.dueAt?.toISOString()])).toEqual([
      ["hipaa-408-log", true, "APPLIES", "2027-03-02T05:59:59.999Z"],
    ]);
  });

  it("a row whose rule was withdrawn or renamed is kept inactive, its decision untouched, with a revision", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const old = await db().obligation.create({
      data: {
        incidentId: id,
        ruleId: "retired-rule",
        regime: "Old",
        citation: "Old s. 1",
        title: "Old notice",
        party: "CLIENT",
        recipient: "Someone",
        applicability: "APPLIES",
        dueAt: new Date("2026-02-01T00:00:00Z"),
        basis: "old",
        explanation: "old",
        status: "SENT",
        deliveredAt: new Date("2026-01-20T00:00:00Z"),
      },
    });
    const incident = await db().incident.findUniqueOrThrow({ where: { id } });
    const later = await ctxFor(t.manager.id, new Date(Date.now() + 1000));
    const result = await db().$transaction((tx) => syncObligations(tx, later, incident, "rules updated"));
    expect(result.retired).toBe(1);
    const row = await db().obligation.findUniqueOrThrow({ where: { id: old.id } });
    expect(row).toMatchObject({ active: false, applicability: "NOT_APPLICABLE", status: "SENT" });
    expect(row.explanation).toContain("No longer a rule Warden applies");
    expect(await db().obligationRevision.count({ where: { obligationId: old.id, cause: "rules updated" } })).toBe(1);
    // a second run changes nothing more
    expect(await db().$transaction((tx) => syncObligations(tx, later, incident, "again"))).toEqual({
      added: 0,
      changed: 0,
      retired: 0,
    });
  });
});
