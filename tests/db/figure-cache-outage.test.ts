import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { until } from "../support/until";
import { cachedViewer } from "@/server/data/viewer-cache";
import { dashboardFigures } from "@/server/data/dashboard";
import { stopChangeFeed, trustedGeneration } from "@/server/change-feed";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

// A change that commits just as the database goes away has its audit entries chained, and its
// organization's data version grown, only when the database is back (audit-chainer.ts retries).
// Figures cached before must not pass for current meanwhile: they are not served once the
// change feed has lost its connection. npm run test:faults restarts a real server under load.

const feedPid = () =>
  (globalThis as { wardenFeed?: { client: { processID?: number } | null } }).wardenFeed?.client?.processID;

describe("cached figures across a loss of the database", () => {
  afterAll(stopChangeFeed);

  it("figures made before the feed's connection was lost are made again after it, though the version did not move", async () => {
    trustedGeneration();
    await until(() => trustedGeneration() !== null);
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.manager.id), t.clientA.id, { severity: "HIGH" });
    const query = parseDashboardQuery({}, "UTC", new Date()).query;
    const severity = async () => {
      const viewer = await cachedViewer(t.manager.id);
      if (!viewer) throw new Error("no viewer");
      return (await dashboardFigures(viewer, query)).value.open.severity;
    };
    expect(await severity()).toEqual([{ key: "HIGH", count: 1 }]);

    // a change committed whose version has not grown yet (its chaining waits for the database)
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`UPDATE "Incident" SET severity = 'LOW' WHERE id = $1`, [id]);
      expect(await severity()).toEqual([{ key: "HIGH", count: 1 }]); // the version alone cannot tell
      // the database goes away for this process: its listening connection is ended
      const generation = trustedGeneration();
      const pid = feedPid();
      expect(pid).toBeTypeOf("number");
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await until(() => trustedGeneration() !== generation);
    } finally {
      await admin.end();
    }
    expect(await severity()).toEqual([{ key: "LOW", count: 1 }]);
  });
});
