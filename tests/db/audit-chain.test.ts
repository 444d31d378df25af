import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { appendAudit } from "@/server/audit";
import { findChainBreak, type StoredEvent } from "@/domain/audit/chain";
import { auditKey } from "@/server/audit-key";
import { makeTenant } from "../support/tenant-fixture";

const chainOf = async (organizationId: string) =>
  (await db().auditEvent.findMany({ where: { organizationId }, orderBy: { seq: "asc" } })) as StoredEvent[];

describe("audit trail", () => {
  it("parallel writers still produce one unbroken chain", async () => {
    const t = await makeTenant();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db().$transaction((tx) =>
          appendAudit(tx, {
            organizationId: t.org.id,
            actor: { id: t.admin.id, label: "admin" },
            action: "test.write",
            entityType: "Test",
            entityId: String(i),
            changes: { i, nested: { b: 1, a: [i] } },
          }),
        ),
      ),
    );
    const events = await chainOf(t.org.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(events.every((e) => e.hashVersion === 2)).toBe(true);
    expect(findChainBreak(events, auditKey())).toBeNull();
  });

  it("an event rolled back with its transaction leaves no entry and no gap", async () => {
    const t = await makeTenant();
    await expect(
      db().$transaction(async (tx) => {
        await appendAudit(tx, {
          organizationId: t.org.id,
          actor: { id: null, label: "x" },
          action: "test.write",
          entityType: "Test",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await db().$transaction((tx) =>
      appendAudit(tx, {
        organizationId: t.org.id,
        actor: { id: null, label: "x" },
        action: "test.write",
        entityType: "Test",
      }),
    );
    const events = await chainOf(t.org.id);
    expect(events.map((e) => e.seq)).toEqual([1]);
  });

  it("the database refuses UPDATE, DELETE and TRUNCATE of audit events", async () => {
    const t = await makeTenant();
    await db().$transaction((tx) =>
      appendAudit(tx, {
        organizationId: t.org.id,
        actor: { id: null, label: "x" },
        action: "test.write",
        entityType: "Test",
      }),
    );
    await expect(
      db().$executeRaw`UPDATE "AuditEvent" SET action = 'forged' WHERE "organizationId" = ${t.org.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "AuditEvent" WHERE "organizationId" = ${t.org.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(1);
  });
});
