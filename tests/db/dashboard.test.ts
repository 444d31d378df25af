import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor } from "../support/incident-fixture";
import { kpis, incidentsPerClient, weeklyByType, openBreakdowns, lateIncidents } from "@/server/data/dashboard";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { verifyIncidentEvents } from "@/server/data/verify-audit-chain";
import { auditKey } from "@/server/audit-key";
import { getIncidentReport } from "@/server/data/incident-report";
import { incidentReportMarkdown } from "@/domain/reports/incident-report";

const H = 3600;
let n = 0;
async function incident(
  org: string,
  client: string,
  user: string,
  f: Partial<Record<string, unknown>> & { awareAt: Date },
) {
  n += 1;
  return db().incident.create({
    data: {
      organizationId: org,
      clientId: client,
      reference: `INC-T-${n}-${Math.random().toString(36).slice(2, 8)}`,
      title: "t",
      summary: "s",
      type: "DATA_BREACH",
      severity: "HIGH",
      severityRank: 3,
      reporterId: user,
      updatedById: user,
      detectedAt: f.awareAt,
      phaseEnteredAt: f.awareAt,
      ...f,
    } as never,
  });
}
const at = (s: string) => new Date(s);

describe("dashboard figures (hand-computed)", () => {
  it("medians and means of response times, with period and client filters", async () => {
    const t = await makeTenant();
    const v = (await ctxFor(t.manager.id)).viewer;
    const A = t.clientA.id,
      B = t.clientB.id,
      org = t.org.id,
      u = t.manager.id;
    // TTD 2 h, TTC 4 h, TTR 24 h, close 48 h
    const inc1 = await incident(org, A, u, {
      occurredAt: at("2026-03-01T00:00Z"),
      detectedAt: at("2026-03-01T02:00Z"),
      awareAt: at("2026-03-01T03:00Z"),
      investigateStartedAt: at("2026-03-01T07:00Z"),
      reportStartedAt: at("2026-03-02T03:00Z"),
      closedAt: at("2026-03-03T03:00Z"),
      phase: "CLOSED",
      resolution: "RESOLVED",
    });
    // TTD 6 h, TTC 10 h
    const inc2 = await incident(org, A, u, {
      occurredAt: at("2026-03-05T00:00Z"),
      detectedAt: at("2026-03-05T06:00Z"),
      awareAt: at("2026-03-05T06:00Z"),
      investigateStartedAt: at("2026-03-05T16:00Z"),
      phase: "INVESTIGATE",
    });
    // no occurrence time; TTC 2 h; a CYBERATTACK on Monday 9 March 02:00 UTC = Sunday 8 March 22:00 in New York
    const inc3 = await incident(org, A, u, {
      awareAt: at("2026-03-09T02:00Z"),
      investigateStartedAt: at("2026-03-09T04:00Z"),
      type: "CYBERATTACK",
      phase: "INVESTIGATE",
    });
    // another client, and one outside the period
    await incident(org, B, u, {
      occurredAt: at("2026-03-04T00:00Z"),
      detectedAt: at("2026-03-04T01:00Z"),
      awareAt: at("2026-03-04T01:00Z"),
      phase: "IDENTIFY",
    });
    await incident(org, A, u, {
      occurredAt: at("2026-05-01T00:00Z"),
      detectedAt: at("2026-05-01T09:00Z"),
      awareAt: at("2026-05-01T09:00Z"),
      phase: "IDENTIFY",
    });

    // notices: one filed on time, one filed late, one never sent and past due, one not yet due
    const ob = (incidentId: string, ruleId: string, dueAt: Date) =>
      db().obligation.create({
        data: {
          incidentId,
          ruleId,
          regime: "Contract",
          citation: "c",
          title: "t",
          party: "BPO",
          recipient: "client",
          applicability: "APPLIES",
          dueAt,
          basis: "b",
          explanation: "e",
        },
      });
    // (as recordExternalFiling does: the filing, and the obligation's delivery time)
    const filed = async (obligationId: string, filedAt: Date) => {
      await db().externalFiling.create({
        data: { obligationId, filedBy: "BPO", filedAt, reference: "r", recordedById: u },
      });
      await db().obligation.update({ where: { id: obligationId }, data: { status: "FILED", deliveredAt: filedAt } });
    };
    await filed((await ob(inc1.id, "contract", at("2026-03-02T03:00Z"))).id, at("2026-03-01T20:00Z"));
    await filed((await ob(inc2.id, "contract", at("2026-03-06T06:00Z"))).id, at("2026-03-07T00:00Z"));
    await ob(inc2.id, "gdpr-33-2", at("2026-03-06T06:00Z"));
    await ob(inc3.id, "contract", at("2026-07-01T00:00Z"));

    const now = at("2026-06-01T00:00Z");
    const march = (clientId?: string) =>
      parseDashboardQuery({ from: "2026-03-01", to: "2026-03-31", ...(clientId ? { clientId } : {}) }, "UTC", now)
        .query;

    const a = await kpis(v, march(A), now);
    expect(a.incidents).toBe(3);
    expect(a.detect).toEqual({ median: 4 * H, mean: 4 * H, n: 2 });
    expect(a.contain).toEqual({ median: 4 * H, mean: ((4 + 10 + 2) / 3) * H, n: 3 });
    expect(a.resolve).toEqual({ median: 24 * H, mean: 24 * H, n: 1 });
    expect(a.close).toEqual({ median: 48 * H, mean: 48 * H, n: 1 });
    expect(a.notices).toEqual({ onTime: 1, total: 3, rate: 1 / 3 });

    const all = await kpis(v, march(), now);
    expect(all.incidents).toBe(4);
    expect(all.detect).toEqual({ median: 2 * H, mean: 3 * H, n: 3 }); // 1 h, 2 h, 6 h

    expect(await incidentsPerClient(v, march())).toEqual([
      { key: t.clientA.name, count: 3 },
      { key: t.clientB.name, count: 1 },
    ]);

    // weeks start on Monday in the viewer's zone: the 9 March 02:00 UTC attack falls in the week of 2 March in New York
    const ny = await weeklyByType(
      v,
      parseDashboardQuery({ from: "2026-03-01", to: "2026-03-31", clientId: A }, "America/New_York", now).query,
      "America/New_York",
    );
    expect(ny.filter((w) => w.type === "CYBERATTACK")).toEqual([{ week: "2026-03-02", type: "CYBERATTACK", count: 1 }]);
    const utc = await weeklyByType(v, march(A), "UTC");
    expect(utc.filter((w) => w.type === "CYBERATTACK")).toEqual([
      { week: "2026-03-09", type: "CYBERATTACK", count: 1 },
    ]);

    const open = await openBreakdowns(v, null);
    expect(open.total).toBe(4);
    expect(open.phase).toEqual(
      expect.arrayContaining([
        { key: "INVESTIGATE", count: 2 },
        { key: "IDENTIFY", count: 2 },
      ]),
    );
    // HIGH: contain within 24 h. The two Identify incidents are long past it.
    expect((await lateIncidents(v, null, now)).count).toBeGreaterThanOrEqual(2);
  });

  it("an unknown or out-of-scope client in the filter gives empty figures, never another client's", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    await incident(other.org.id, other.clientA.id, other.manager.id, { awareAt: at("2026-03-02T00:00Z") });
    const v = (await ctxFor(t.manager.id)).viewer;
    const now = at("2026-06-01T00:00Z");
    const q = parseDashboardQuery(
      { from: "2026-03-01", to: "2026-03-31", clientId: other.clientA.id },
      "UTC",
      now,
    ).query;
    expect((await kpis(v, q, now)).incidents).toBe(0);
    expect(await incidentsPerClient(v, q)).toEqual([]);
  });

  it("periods that end before they start are refused with a message", () => {
    const { errors, query } = parseDashboardQuery(
      { from: "2026-03-31", to: "2026-03-01" },
      "UTC",
      at("2026-06-01T00:00Z"),
    );
    expect(errors).toEqual(["The period ends before it starts; showing the last 12 weeks instead."]);
    expect(query.fromDay).toBe("2026-03-09");
    expect(parseDashboardQuery({ from: "31/03/2026" }, "UTC", new Date()).errors).toEqual([
      "The start date must look like 2026-03-29.",
    ]);
  });
});

describe("exports", () => {
  it("an incident's audit events verify against their predecessors, and the report carries the facts and its hash", async () => {
    const { logIncident } = await import("../support/incident-fixture");
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id, reference } = await logIncident(ctx, t.clientA.id);
    await logIncident(ctx, t.clientA.id); // interleaves other events in the chain
    const check = await verifyIncidentEvents(db(), t.org.id, id, auditKey());
    expect(check.broken).toBeNull();
    expect((await verifyIncidentEvents(db(), t.org.id, id, Buffer.alloc(32, 9))).broken?.seq).toBe(
      check.events[0]!.seq,
    );
    expect(check.events.map((e) => e.action)).toEqual([
      "incident.create",
      "checklist.auto_check",
      "obligations.recompute",
    ]);

    const report = await getIncidentReport(ctx.viewer, id, at("2026-02-01T00:00Z"));
    const md = incidentReportMarkdown(report!);
    expect(md).toContain(`# Incident report ${reference}`);
    expect(md).toContain("| Client contract notice clause: Notice to the client under the contract |");
    expect(md).toMatch(/\nReport SHA-256: [0-9a-f]{64}\n$/);
    // out of scope: nothing
    expect(await getIncidentReport((await ctxFor(t.contactB.id)).viewer, id, new Date())).toBeNull();
  });
});

import { dashboardFigures } from "@/server/data/dashboard";
import { logIncident } from "../support/incident-fixture";
import { loadViewer } from "@/server/data/load-viewer";
import { signInWithPassword } from "@/server/services/sign-in";

describe("dashboard figures kept between requests", () => {
  it("serves the same figures until a change is audited in the organization, then recomputes", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    await logIncident(ctx, t.clientA.id);
    const request = async (userId: string) => (await loadViewer(userId))!; // each request reads the viewer anew
    const q = parseDashboardQuery({}, "UTC", new Date()).query;

    const first = await dashboardFigures(await request(t.manager.id), q);
    expect(first.value.open.total).toBe(1);
    const again = await dashboardFigures(await request(t.admin.id), q); // same organization and scope
    expect(again.value).toBe(first.value);
    expect(again.asOf).toEqual(first.asOf);

    // sign-in attempts are audited but change no data: a stream of them expires nothing
    for (let i = 0; i < 3; i++)
      expect(await signInWithPassword({ email: t.manager.email, password: "not the password" })).toBeNull();
    expect((await dashboardFigures(await request(t.manager.id), q)).value).toBe(first.value);

    // a change in another organization leaves these figures alone
    await logIncident(await ctxFor(other.manager.id), other.clientA.id);
    expect((await dashboardFigures(await request(t.manager.id), q)).value).toBe(first.value);

    // a change here is seen on the next request
    await logIncident(ctx, t.clientB.id);
    const after = await dashboardFigures(await request(t.manager.id), q);
    expect(after.value.open.total).toBe(2);
    expect(after.asOf.getTime()).toBeGreaterThanOrEqual(first.asOf.getTime());

    // a narrower scope (an analyst assigned to client A only) never reads the wider figures
    const analyst = await dashboardFigures(await request(t.analyst.id), q);
    expect(analyst.value.open.total).toBe(1);
    // and a viewer read outside a request (no data version) asks the database for it
    const { dataVersion: _v, ...bare } = await request(t.manager.id);
    expect((await dashboardFigures(bare, q)).value).toBe(after.value);
  });
});
