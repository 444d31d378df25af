import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadViewer } from "@/server/data/load-viewer";
import { listIncidents, countOpenByPhase } from "@/server/data/incidents";
import { countOpenIncidentsByClient, listVisibleClients } from "@/server/data/clients";
import { openBreakdowns } from "@/server/data/dashboard";
import { getIncidentDetail } from "@/server/data/incident-detail";
import { getIncidentReport } from "@/server/data/incident-report";
import type { Viewer } from "@/domain/access/can";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { alertIn } from "../support/alert-fixture";
import { getAlertForTriage, listAlertQueue } from "@/server/data/alerts";
import { parseAlertQueueQuery } from "@/lib/validation/alert-queue";

// One scope, every read path: the ORM's reads, raw SQL and the dashboard's aggregates must each
// return exactly the incidents of the clients the role may see: no more (a leak), no fewer.

async function world() {
  const t = await makeTenant();
  const other = await makeTenant();
  const manager = await ctxFor(t.manager.id);
  const incidents = {
    a: [
      (await logIncident(manager, t.clientA.id, { title: "A one" })).id,
      (await logIncident(manager, t.clientA.id, { title: "A two" })).id,
    ],
    b: [(await logIncident(manager, t.clientB.id, { title: "B one" })).id],
    elsewhere: [(await logIncident(await ctxFor(other.manager.id), other.clientA.id, { title: "Other org" })).id],
  };
  return { t, incidents };
}

/** The oracle, from the role rules alone: which of the fixture's incidents each person may see. */
function expected(
  incidents: Awaited<ReturnType<typeof world>>["incidents"],
  who: "admin" | "manager" | "analyst",
): string[] {
  // the fixture's analyst is assigned to client A only; admins and managers see every client
  return who === "analyst" ? [...incidents.a] : [...incidents.a, ...incidents.b];
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe("every read path returns exactly the viewer's scope", () => {
  it.each(["admin", "manager", "analyst"] as const)("for a %s", async (who) => {
    const { t, incidents } = await world();
    const viewer = (await loadViewer(t[who].id)) as Viewer;
    const want = sorted(expected(incidents, who));
    const all = [...incidents.a, ...incidents.b, ...incidents.elsewhere];

    // ORM: one incident at a time, the page and the report
    const detail = await Promise.all(all.map(async (id) => ((await getIncidentDetail(viewer, id)) ? id : null)));
    expect(sorted(detail.filter((x): x is string => x !== null))).toEqual(want);
    const report = await Promise.all(
      all.map(async (id) => ((await getIncidentReport(viewer, id, new Date())) ? id : null)),
    );
    expect(sorted(report.filter((x): x is string => x !== null))).toEqual(want);

    // raw SQL: the list
    const listed = await listIncidents(viewer, { sort: "aware_desc", status: "all" } as never);
    expect(sorted(listed.rows.map((r) => r.id))).toEqual(want);

    // aggregates: the ORM's groupBy, raw SQL counts, the dashboard's grouping sets
    const byPhase = await countOpenByPhase(viewer);
    expect(Object.values(byPhase).reduce((a, b) => a + b, 0)).toBe(want.length);
    const byClient = await countOpenIncidentsByClient(viewer);
    const wantByClient: Record<string, number> = {};
    for (const id of want) {
      const { clientId } = await db().incident.findUniqueOrThrow({ where: { id }, select: { clientId: true } });
      wantByClient[clientId] = (wantByClient[clientId] ?? 0) + 1;
    }
    expect(byClient).toEqual(wantByClient);
    const breakdowns = await openBreakdowns(viewer, null);
    expect(breakdowns.total).toBe(want.length);

    // clients behind every filter and picker
    const clients = await listVisibleClients(viewer);
    expect(sorted(clients.map((c) => c.id))).toEqual(
      sorted(who === "analyst" ? [t.clientA.id] : [t.clientA.id, t.clientB.id]),
    );
  });

  // alerts: the queue (every tab) and the alert page read through alertWhere, the same scope
  it.each(["admin", "manager", "analyst"] as const)("alerts, for a %s", async (who) => {
    const t = await makeTenant();
    const other = await makeTenant();
    const alerts = {
      a: [(await alertIn(t.org.id, t.clientA.id)).id, (await alertIn(t.org.id, t.clientA.id, { count: 2 })).id],
      b: [(await alertIn(t.org.id, t.clientB.id)).id],
      elsewhere: [(await alertIn(other.org.id, other.clientA.id)).id],
    };
    const viewer = (await loadViewer(t[who].id)) as Viewer;
    const want = sorted(who === "analyst" ? alerts.a : [...alerts.a, ...alerts.b]);
    const queue = await listAlertQueue(viewer, parseAlertQueueQuery({}), new Date());
    expect(sorted(queue.rows.map((r) => r.id))).toEqual(want);
    expect(queue.counts.open).toBe(want.length);
    const all = [...alerts.a, ...alerts.b, ...alerts.elsewhere];
    const pages = await Promise.all(all.map(async (id) => ((await getAlertForTriage(viewer, id)) ? id : null)));
    expect(sorted(pages.filter((x): x is string => x !== null))).toEqual(want);
  });

  it("for a client contact, the staff read paths show nothing at all", async () => {
    const { t, incidents } = await world();
    const viewer = (await loadViewer(t.contactA.id)) as Viewer;
    // a contact's scope is its client; the staff pages refuse contacts by permission, and even
    // called directly the reads return only what that client's portal would hold
    const listed = await listIncidents(viewer, { sort: "aware_desc", status: "all" } as never);
    expect(listed.rows.every((r) => incidents.a.includes(r.id))).toBe(true);
    expect(await getIncidentDetail(viewer, incidents.b[0])).toBeNull();
    expect(await getIncidentDetail(viewer, incidents.elsewhere[0])).toBeNull();
    expect((await openBreakdowns(viewer, t.clientB.id)).total).toBe(0);
  });
});
