// The pool's bounds are set when it is made: short here, so the waits end within the test (the
// README gives the defaults, 5 s for a connection and 10 s for a transaction and a lock wait).
process.env.DATABASE_TX_WAIT_MS = "300";
process.env.DATABASE_TX_TIMEOUT_MS = "1000";

import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/server/db";
import { databaseEnv } from "@/server/env";
import { withApiErrors } from "@/server/api-handler";
import { BUSY_MESSAGE } from "@/server/busy";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { toggleChecklistItem } from "@/server/services/incidents/toggle-checklist-item";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

/** Takes every connection of this process's pool, in transactions that wait until released. */
async function holdThePool() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const started: Promise<void>[] = [];
  const holders = Array.from({ length: databaseEnv().DATABASE_POOL_MAX }, () =>
    db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1`;
        started.push(Promise.resolve());
        await released;
      },
      { maxWait: 10_000, timeout: 30_000 },
    ),
  );
  while (started.length < holders.length) await new Promise((r) => setTimeout(r, 20));
  return async () => {
    release();
    await Promise.all(holders);
  };
}

describe("bounded waits: busy, try again", () => {
  it("a write that gets no connection in time answers BUSY, and nothing is saved", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const release = await holdThePool();
    const started = Date.now();
    const r = await addIncidentNote(ctx, { incidentId: id, body: "Saved while the pool is full" });
    await release();
    expect(r).toEqual({ ok: false, code: "BUSY", message: BUSY_MESSAGE });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await db().incidentNote.count({ where: { incidentId: id } })).toBe(0);
    // and with a connection free again, the same write goes through
    expect((await addIncidentNote(ctx, { incidentId: id, body: "Saved afterwards" })).ok).toBe(true);
  });

  it("a write waiting for a row lock past its bound answers BUSY and leaves no trace", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const item = await db().checklistItem.findFirstOrThrow({ where: { incidentId: id, doneAt: null } });
    const events = await db().auditEvent.count({ where: { incidentId: id } });
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Incident" WHERE id = $1 FOR UPDATE`, [id]);
      const r = await toggleChecklistItem(ctx, { incidentId: id, itemId: item.id, done: true });
      expect(r).toEqual({ ok: false, code: "BUSY", message: BUSY_MESSAGE });
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await db().checklistItem.findUniqueOrThrow({ where: { id: item.id } })).doneAt).toBeNull();
    expect(await db().auditEvent.count({ where: { incidentId: id } })).toBe(events);
    expect(await db().auditEventPending.count({ where: { incidentId: id } })).toBe(0);
  });

  it("an API route answers a busy database with 503, Retry-After and the message, not a 500", async () => {
    const route = withApiErrors("test.busy", async () => {
      await db().$transaction(async (tx) => tx.$executeRaw`SELECT 1`);
      return new Response("ok");
    });
    const release = await holdThePool();
    const res = await route();
    await release();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
    expect(await res.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: BUSY_MESSAGE } });
    expect((await route()).status).toBe(200);
  });
});
