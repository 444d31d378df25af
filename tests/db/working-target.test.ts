import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setWorkingTarget } from "@/server/services/admin/working-target";
import { RULES } from "@/domain/deadlines/rules";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

// A state rule the client owes that fixes no time, needing only personal data, unencrypted, in
// its one state: the fixture incident (personal and health data, encryption not recorded) meets it.
const SIMPLE = new Set(["personalData", "notEncrypted", "jurisdictionAny"]);
const rule = RULES.find(
  (r) =>
    r.clock.noStatutoryLimit &&
    r.party === "CLIENT" &&
    r.clock.start === "DISCOVERY" &&
    r.inForce.from <= "2026-01-01" &&
    !r.inForce.until &&
    r.when.every((c) => SIMPLE.has(c.kind)) &&
    r.when.some((c) => c.kind === "jurisdictionAny" && c.codes.length === 1),
);
const code = rule?.when.flatMap((c) => (c.kind === "jurisdictionAny" ? c.codes : []))[0];

describe("the organization's working target for laws that fix no time", () => {
  it("moves the due time of open incidents only, audited, and says where the figure comes from", async () => {
    expect(rule, "a shipped CLIENT rule with no time fixed by law").toBeDefined();
    const t = await makeTenant();
    const ctx = await ctxFor(t.admin.id);
    // discovery: detected 2026-01-10 09:00 UTC (before awareness at 09:30)
    const open = await logIncident(ctx, t.clientA.id, { jurisdictions: [code] });
    const closed = await logIncident(ctx, t.clientA.id, { jurisdictions: [code] });
    await db().incident.update({ where: { id: closed.id }, data: { phase: "CLOSED", closedAt: new Date() } });
    const row = (incidentId: string) =>
      db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: rule!.id } } });
    // the default, 72 h: 2026-01-13 09:00 UTC
    expect((await row(open.id)).dueAt?.toISOString()).toBe("2026-01-13T09:00:00.000Z");
    expect((await row(open.id)).basis).toContain("working target from the organization setting");

    const result = await setWorkingTarget(await ctxFor(t.admin.id, new Date(Date.now() + 1000)), { hours: 12 });
    expect(result).toEqual({ ok: true, value: { recomputed: 1 } });
    // 12 h from discovery: 2026-01-10 21:00 UTC
    expect((await row(open.id)).dueAt?.toISOString()).toBe("2026-01-10T21:00:00.000Z");
    expect((await row(closed.id)).dueAt?.toISOString()).toBe("2026-01-13T09:00:00.000Z");
    const revisions = await db().obligationRevision.findMany({
      where: { obligationId: (await row(open.id)).id, cause: "working target changed" },
    });
    expect(revisions).toHaveLength(1);
    const audit = [
      ...(await db().auditEventPending.findMany({
        where: { organizationId: t.org.id, action: "organization.working_target" },
      })),
      ...(await db().auditEvent.findMany({
        where: { organizationId: t.org.id, action: "organization.working_target" },
      })),
    ];
    expect(audit.map((a) => a.changes)).toEqual([{ workingTargetHours: { before: 72, after: 12 } }]);
    // the same figure again: nothing to do
    expect(await setWorkingTarget(await ctxFor(t.admin.id), { hours: 12 })).toEqual({
      ok: true,
      value: { recomputed: 0 },
    });
  });

  it("is refused to a manager, and nothing changes", async () => {
    const t = await makeTenant();
    const result = await setWorkingTarget(await ctxFor(t.manager.id), { hours: 12 });
    expect(result.ok).toBe(false);
    expect((await db().organization.findUniqueOrThrow({ where: { id: t.org.id } })).workingTargetHours).toBe(72);
  });
});
