import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db, sqlRows } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { attempt } from "@/server/services/result";
import { UNAVAILABLE_MESSAGE } from "@/server/unavailable";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

// Connections that the server ends (a restart, a failover, an idle timeout, an operator): this
// process goes on, and the request that was using one answers UNAVAILABLE. Only this file's own
// connections are ended (other files share the database). npm run test:faults restarts a real
// server under load.

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});
afterAll(() => admin.end());

function pidOf(rows: { pid: number }[]): number {
  const [row] = rows;
  if (!row) throw new Error("no backend pid");
  return row.pid;
}

async function terminate(pid: number) {
  await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  for (let i = 0; i < 100; i++) {
    const r = await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
    if (r.rowCount === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 100)); // the pool hears of it
}

describe("connections ended by the server", () => {
  it("an idle connection ended does not end the process, and the next write opens a new one", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    // one idle connection of each pool (the ORM's, and the hot reads')
    const ormPid = pidOf(await db().$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`);
    const hotPid = pidOf(await sqlRows<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`, { hot: true }));
    await terminate(ormPid);
    await terminate(hotPid);
    // an 'error' on a pool without a listener would have ended this process (and this test) here
    expect((await addIncidentNote(ctx, { incidentId: id, body: "Saved after the cut" })).ok).toBe(true);
    expect((await sqlRows<{ one: number }>(Prisma.sql`SELECT 1 AS one`, { hot: true }))[0]?.one).toBe(1);
  });

  it("a transaction whose connection is cut answers UNAVAILABLE and saves nothing", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const r = await attempt(() =>
      db().$transaction(async (tx) => {
        await tx.incidentNote.create({
          data: { incidentId: id, body: "never saved", authorId: t.analyst.id, createdAt: new Date() },
        });
        await terminate(pidOf(await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`));
        await tx.$executeRaw`SELECT 1`;
      }),
    );
    expect(r).toEqual({ ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE });
    expect(await db().incidentNote.count({ where: { incidentId: id } })).toBe(0);
    // and the next write goes through on a new connection
    expect((await addIncidentNote(ctx, { incidentId: id, body: "Saved afterwards" })).ok).toBe(true);
  });
});
