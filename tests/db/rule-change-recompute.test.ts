import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recomputeForRuleChange } from "@/server/services/obligations/recompute-for-rule-change";
import { RULE_GROUPS } from "@/domain/deadlines/rules";
import { buildRuleset, currentRuleset, stampLabel } from "@/domain/deadlines/ruleset";
import type { Rule, RuleGroup } from "@/domain/deadlines/types";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

/** The rules Warden ships with one rule's current version changed, and its group's version bumped. */
function changedRuleset(ruleId: string, change: (r: Rule) => Rule, version = "2099-01-01.1") {
  const groups: RuleGroup[] = RULE_GROUPS.map((g) => {
    if (!g.rules.some((r) => r.id === ruleId)) return g;
    const latest = g.rules
      .filter((r) => r.id === ruleId)
      .sort((a, b) => a.inForce.from.localeCompare(b.inForce.from))
      .at(-1);
    return { ...g, version, rules: g.rules.map((r) => (r === latest ? change(r) : r)) };
  });
  return buildRuleset(groups);
}

const usCa = (incidentId: string) =>
  db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: "us-ca" } } });

describe("a change of the deadline rules", () => {
  it("recomputes open incidents with a revision naming the rule; a closed incident keeps what was computed", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    // detected 2026-01-10 09:00 UTC = 01:00 PST; California: 30 days from discovery, in force 2026-01-01
    const open = await logIncident(ctx, t.clientA.id);
    const closed = await logIncident(ctx, t.clientA.id);
    await db().incident.update({ where: { id: closed.id }, data: { phase: "CLOSED", closedAt: new Date() } });
    const before = await usCa(open.id);
    // end of 9 February 2026 in Los Angeles (PST, UTC−8)
    expect(before.dueAt?.toISOString()).toBe("2026-02-10T07:59:59.999Z");
    const shipped = currentRuleset().stamps.get("us-ca");
    expect(before.ruleVersion).toBe(shipped && stampLabel(shipped));
    expect(
      (
        await db().obligation.findUniqueOrThrow({
          where: { incidentId_ruleId: { incidentId: open.id, ruleId: "us-ca-ag" } },
        })
      ).dueAt?.toISOString(),
    ).toBe("2026-02-25T07:59:59.999Z");
    const closedBefore = await usCa(closed.id);
    const closedRevisions = await db().obligationRevision.count({ where: { obligationId: closedBefore.id } });

    const changed = changedRuleset("us-ca", (r) => ({ ...r, clock: { ...r.clock, amount: 45 } }));
    const newLabel = stampLabel(changed.stamps.get("us-ca")!);
    expect(newLabel).toMatch(/^2099-01-01\.1#[0-9a-f]{12}$/);
    expect(newLabel).not.toBe(before.ruleVersion);

    const later = new Date(Date.now() + 60_000);
    const run = await recomputeForRuleChange(later, { ruleset: changed, organizationId: t.org.id });
    expect(run).toEqual({ candidates: 1, recomputed: 1, recorded: 0, failed: 0 });

    // 45 days from 10 January: end of 24 February 2026 PST
    const after = await usCa(open.id);
    expect(after.dueAt?.toISOString()).toBe("2026-02-25T07:59:59.999Z");
    expect(after.ruleVersion).toBe(newLabel);
    const revision = await db().obligationRevision.findFirstOrThrow({
      where: { obligationId: after.id, at: later },
    });
    expect(revision.cause).toBe(`rule us-ca changed ${before.ruleVersion} → ${newLabel}`);
    expect(revision.dueAt?.toISOString()).toBe("2026-02-25T07:59:59.999Z");
    const audit = await db().auditEventPending.findMany({
      where: { incidentId: open.id, action: "obligations.rule_change" },
    });
    const chained = await db().auditEvent.findMany({
      where: { incidentId: open.id, action: "obligations.rule_change" },
    });
    const entries = [...audit, ...chained];
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorId).toBeNull();
    expect(entries[0]?.changes).toMatchObject({
      rules: [{ ruleId: "us-ca", from: before.ruleVersion, to: newLabel }],
      changed: expect.any(Number),
    });
    // the AG sample counts from the California notice (projected: its due time): it moves too,
    // its revision naming the rule change that moved it. Before: end of 9 Feb + 15 days = end of
    // 24 Feb PST; after: end of 24 Feb + 15 days = end of 11 March, PDT since 8 March (UTC−7).
    const ag = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId: open.id, ruleId: "us-ca-ag" } },
    });
    expect(ag.dueAt?.toISOString()).toBe("2026-03-12T06:59:59.999Z");
    const agRevision = await db().obligationRevision.findFirstOrThrow({ where: { obligationId: ag.id, at: later } });
    expect(agRevision.cause).toBe("rule change: us-ca");
    const ruleset = await db().incidentRuleset.findUniqueOrThrow({ where: { incidentId: open.id } });
    expect(ruleset.fingerprint).toBe(changed.fingerprint);

    // the closed incident: untouched
    const closedAfter = await usCa(closed.id);
    expect(closedAfter.dueAt?.toISOString()).toBe("2026-02-10T07:59:59.999Z");
    expect(closedAfter.ruleVersion).toBe(before.ruleVersion);
    expect(await db().obligationRevision.count({ where: { obligationId: closedAfter.id } })).toBe(closedRevisions);
    expect((await db().incidentRuleset.findUniqueOrThrow({ where: { incidentId: closed.id } })).fingerprint).toBe(
      currentRuleset().fingerprint,
    );

    // idempotent: a second run finds nothing to do and writes nothing
    const revisions = await db().obligationRevision.count({ where: { obligation: { incidentId: open.id } } });
    expect(
      await recomputeForRuleChange(new Date(later.getTime() + 60_000), { ruleset: changed, organizationId: t.org.id }),
    ).toEqual({
      candidates: 0,
      recomputed: 0,
      recorded: 0,
      failed: 0,
    });
    expect(await db().obligationRevision.count({ where: { obligation: { incidentId: open.id } } })).toBe(revisions);
  });

  it("a version bump that computes the same records the new version without a revision", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const revisions = await db().obligationRevision.count({ where: { obligation: { incidentId: id } } });
    const changed = changedRuleset("us-ca", (r) => ({ ...r, note: `${r.note ?? ""} (source re-read)` }));
    const run = await recomputeForRuleChange(new Date(Date.now() + 60_000), {
      ruleset: changed,
      organizationId: t.org.id,
    });
    expect(run.recomputed).toBe(1);
    expect((await usCa(id)).ruleVersion).toBe(stampLabel(changed.stamps.get("us-ca")!));
    expect(await db().obligationRevision.count({ where: { obligation: { incidentId: id } } })).toBe(revisions);
  });

  it("an incident computed before rule versions were kept has them recorded, and nothing moves", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    await db().incidentRuleset.delete({ where: { incidentId: id } });
    await db().obligation.updateMany({ where: { incidentId: id }, data: { ruleVersion: null } });
    const revisions = await db().obligationRevision.count({ where: { obligation: { incidentId: id } } });
    const run = await recomputeForRuleChange(new Date(Date.now() + 60_000), { organizationId: t.org.id });
    expect(run).toEqual({ candidates: 1, recomputed: 0, recorded: 1, failed: 0 });
    expect((await usCa(id)).ruleVersion).toMatch(/#[0-9a-f]{12}$/);
    expect(await db().obligationRevision.count({ where: { obligation: { incidentId: id } } })).toBe(revisions);
    expect(await db().auditEventPending.count({ where: { incidentId: id, action: "obligations.rule_change" } })).toBe(
      0,
    );
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "obligations.rule_change" } })).toBe(0);
  });

  it("a law that fixes no time is counted against the organization's working target, and says so", async () => {
    const t = await makeTenant();
    await db().organization.update({ where: { id: t.org.id }, data: { workingTargetHours: 48 } });
    const ctx = await ctxFor(t.manager.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const open = changedRuleset("us-ca", (r) => ({
      ...r,
      clock: {
        start: "DISCOVERY",
        amount: 30,
        unit: "CALENDAR_DAYS",
        zone: "America/Los_Angeles",
        noStatutoryLimit: true,
      },
    }));
    await recomputeForRuleChange(new Date(Date.now() + 60_000), { ruleset: open, organizationId: t.org.id });
    const row = await usCa(id);
    // discovery 2026-01-10 09:00 UTC + 48 h = 2026-01-12 09:00 UTC
    expect(row.dueAt?.toISOString()).toBe("2026-01-12T09:00:00.000Z");
    expect(row.basis).toContain("no time fixed by law — working target from the organization setting");
  });
});
