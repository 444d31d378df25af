import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { appendAudit } from "@/server/audit";
import { auditKey } from "@/server/audit-key";
import { chainPending } from "@/server/audit-chainer";
import { verifyOrganizationChain } from "@/server/data/verify-audit-chain";
import { findChainBreak, pendingSeal, type StoredEvent } from "@/domain/audit/chain";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";

// Audit entries are written with their change to AuditEventPending and chained in order into
// AuditEvent right after the commit (audit-chainer.ts). These are the guarantees of that step.

const entry = (organizationId: string, i: number) => ({
  organizationId,
  actor: { id: null, label: "tester" },
  action: "test.write",
  entityType: "Test",
  entityId: String(i),
  changes: { i },
});
const dataVersion = async (id: string) =>
  (await db().organization.findUniqueOrThrow({ where: { id }, select: { dataVersion: true } })).dataVersion;

describe("audit entries waiting to be chained", () => {
  it("a write returns with its entries chained, in the order written, and the data version grown", async () => {
    const t = await makeTenant();
    const before = await dataVersion(t.org.id);
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await appendAudit(tx, entry(t.org.id, i));
    });
    const events = (await db().auditEvent.findMany({
      where: { organizationId: t.org.id },
      orderBy: { seq: "asc" },
    })) as StoredEvent[];
    expect(events.map((e) => [e.seq, e.entityId])).toEqual([
      [1, "0"],
      [2, "1"],
      [3, "2"],
    ]);
    expect(findChainBreak(events, auditKey())).toBeNull();
    expect(await db().auditEventPending.count({ where: { organizationId: t.org.id } })).toBe(0);
    expect(await dataVersion(t.org.id)).toBeGreaterThan(before);
  });

  it("sign-in attempts are chained without growing the data version", async () => {
    const t = await makeTenant();
    const before = await dataVersion(t.org.id);
    await db().$transaction((tx) => appendAudit(tx, { ...entry(t.org.id, 0), action: "auth.sign_in_failed" }));
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(1);
    expect(await dataVersion(t.org.id)).toBe(before);
  });

  it("entries written through another client wait until a chaining step, which moves them all", async () => {
    const t = await makeTenant();
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    try {
      await other.$transaction(async (tx) => {
        await appendAudit(tx as never, entry(t.org.id, 1));
        await appendAudit(tx as never, entry(t.org.id, 2));
      });
    } finally {
      await other.$disconnect();
    }
    // chained a moment later on their own, or at once by the next step
    await chainPending(t.org.id);
    const events = await db().auditEvent.findMany({ where: { organizationId: t.org.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.entityId)).toEqual(["1", "2"]);
    expect(await db().auditEventPending.count({ where: { organizationId: t.org.id } })).toBe(0);
  });

  it("the waiting table refuses UPDATE, TRUNCATE and DELETE of an entry not yet chained", async () => {
    const t = await makeTenant();
    const id = randomUUID();
    const fields = {
      organizationId: t.org.id,
      at: new Date(),
      actorId: null,
      actorLabel: "x",
      action: "test.write",
      entityType: "Test",
      entityId: null,
      incidentId: null,
      changes: null,
      requestId: null,
      ip: null,
    };
    await db().auditEventPending.create({
      data: { id, ...fields, changes: undefined, dataChange: true, seal: pendingSeal(id, fields, auditKey()) },
    });
    await expect(
      db().$executeRaw`UPDATE "AuditEventPending" SET action = 'forged' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/not allowed/);
    await expect(db().$executeRaw`DELETE FROM "AuditEventPending" WHERE id = ${id}::uuid`).rejects.toThrow(
      /not allowed/,
    );
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEventPending"`)).rejects.toThrow(/not allowed/);
    // and the chaining step moves it: then, and only then, it leaves
    expect(await chainPending(t.org.id)).toBe(1);
    expect(await db().auditEvent.findUnique({ where: { id } })).toMatchObject({ seq: 1, action: "test.write" });
    expect(await db().auditEventPending.count({ where: { id } })).toBe(0);
  });

  it("an entry put there without the key is never chained, and audit:verify names it", async () => {
    const t = await makeTenant();
    await db().$transaction((tx) => appendAudit(tx, entry(t.org.id, 1)));
    const forged = randomUUID();
    const fields = {
      organizationId: t.org.id,
      at: new Date(),
      actorId: null,
      actorLabel: "mallory",
      action: "incident.close",
      entityType: "Incident",
      entityId: null,
      incidentId: null,
      changes: null,
      requestId: null,
      ip: null,
    };
    await db().auditEventPending.create({
      data: {
        id: forged,
        ...fields,
        changes: undefined,
        dataChange: true,
        seal: pendingSeal(forged, fields, Buffer.alloc(32, "not-the-audit-key")),
      },
    });
    await db().$transaction((tx) => appendAudit(tx, entry(t.org.id, 2)));
    // the genuine entries after it are chained past it
    const events = await db().auditEvent.findMany({ where: { organizationId: t.org.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.entityId)).toEqual(["1", "2"]);
    expect(await verifyOrganizationChain(db(), t.org, auditKey())).toMatchObject({
      events: 2,
      broken: {
        seq: 3,
        reason: `entry ${forged} waits to be chained with a seal that does not match (written without WARDEN_AUDIT_KEY, or under another key)`,
      },
    });
  });

  it("32 writers on 8 incidents of one organization at once: one chain, every write's entry in it, each incident's trail in order", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const incidents: { id: string }[] = [];
    for (let i = 0; i < 8; i++) incidents.push(await logIncident(ctx, t.clientA.id, { title: `Parallel ${i}` }));
    const results = await Promise.all(
      Array.from({ length: 32 }, async (_, w) => {
        const incident = incidents[w % incidents.length]!;
        const out = [];
        for (let i = 0; i < 5; i++)
          out.push(
            await addIncidentNote(
              { ...ctx, now: new Date() },
              { incidentId: incident.id, body: `writer ${w} note ${i}` },
            ),
          );
        return out;
      }),
    );
    expect(results.flat().every((r) => r.ok)).toBe(true);
    const report = await verifyOrganizationChain(db(), t.org, auditKey());
    expect(report.broken).toBeNull();
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "note.create" } })).toBe(160);
    expect(report.events).toBe(await db().auditEvent.count({ where: { organizationId: t.org.id } }));
    // every note's entry comes after its incident's creation
    for (const incident of incidents) {
      const trail = await db().auditEvent.findMany({
        where: { incidentId: incident.id },
        orderBy: { seq: "asc" },
        select: { action: true },
      });
      expect(trail[0]!.action).toBe("incident.create");
      expect(trail.filter((e) => e.action === "note.create")).toHaveLength(20);
    }
  });
});
