import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { verifyOrganizationChain } from "@/server/data/verify-audit-chain";
import { chainPending } from "@/server/audit-chainer";
import { sealDue } from "@/server/audit-sealer";
import { auditKey } from "@/server/audit-key";
import { KEYED_MISMATCH } from "@/domain/audit/chain";

// Runs of 5 events here (1,000 in the app), so a few dozen notes make several seals.
const EVERY = 5;

async function organizationWithEvents(notes: number) {
  const t = await makeTenant();
  const ctx = await ctxFor(t.analyst.id);
  const { id } = await logIncident(ctx, t.clientA.id);
  for (let i = 0; i < notes; i++) await addIncidentNote(ctx, { incidentId: id, body: `note ${i}` });
  await chainPending(t.org.id);
  const events = await db().auditEvent.count({ where: { organizationId: t.org.id } });
  return { t, events };
}

const asSuperuser = (sql: string) =>
  db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });

describe("audit seals", () => {
  it("seals every whole run once, verifies through them, and counts every event and keyed event", async () => {
    const { t, events } = await organizationWithEvents(23);
    const runs = Math.floor(events / EVERY);
    expect(await sealDue(t.org.id, auditKey(), EVERY)).toBe(runs);
    expect(await sealDue(t.org.id, auditKey(), EVERY)).toBe(0); // nothing new is due
    const seals = await db().auditSeal.findMany({ where: { organizationId: t.org.id }, orderBy: { toSeq: "asc" } });
    expect(seals.map((s) => [s.fromSeq, s.toSeq])).toEqual(
      Array.from({ length: runs }, (_, i) => [i * EVERY + 1, (i + 1) * EVERY]),
    );
    const report = await verifyOrganizationChain(db(), t.org, auditKey());
    expect(report).toMatchObject({ broken: null, events, keyed: events });
  });

  it("two sealers at once write each seal once", async () => {
    const { t, events } = await organizationWithEvents(18);
    const written = await Promise.all([1, 2, 3].map(() => sealDue(t.org.id, auditKey(), EVERY)));
    // a sealer that finds another at work leaves it the rest
    expect(await sealDue(t.org.id, auditKey(), EVERY)).toBe(0);
    const seals = await db().auditSeal.count({ where: { organizationId: t.org.id } });
    expect(seals).toBe(Math.floor(events / EVERY));
    expect(written.reduce((a, b) => a + b, 0)).toBe(seals);
  });

  it("names the first edited event inside a sealed run, as the link-by-link check did", async () => {
    const { t } = await organizationWithEvents(16);
    await sealDue(t.org.id, auditKey(), EVERY);
    await asSuperuser(
      `UPDATE "AuditEvent" SET "actorLabel" = 'Mallory' WHERE "organizationId" = '${t.org.id}' AND seq = 7`,
    );
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({ seq: 7, reason: KEYED_MISMATCH });
  });

  it("finds an event's stored link changed in a sealed run", async () => {
    const { t } = await organizationWithEvents(16);
    await sealDue(t.org.id, auditKey(), EVERY);
    await asSuperuser(
      `UPDATE "AuditEvent" SET "prevHash" = repeat('a', 64) WHERE "organizationId" = '${t.org.id}' AND seq = 12`,
    );
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({
      seq: 12,
      reason: "prevHash does not match the previous event's hash",
    });
  });

  it("refuses a seal that was altered, and a seal removed from the middle of the list", async () => {
    const { t } = await organizationWithEvents(23);
    await sealDue(t.org.id, auditKey(), EVERY);
    await asSuperuser(
      `UPDATE "AuditSeal" SET mac = repeat('b', 64) WHERE "organizationId" = '${t.org.id}' AND "toSeq" = 10`,
    );
    // the altered seal's own run no longer matches it, and the next seal no longer follows it
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({
      seq: 11,
      reason: "the seal of events 11–15 does not follow the seal before it",
    });
    await asSuperuser(`DELETE FROM "AuditSeal" WHERE "organizationId" = '${t.org.id}' AND "toSeq" = 5`);
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({
      seq: 1,
      reason: "the seal of events 1… is missing (found one from 6)",
    });
  });

  it("the last seal altered no longer matches its run", async () => {
    const { t } = await organizationWithEvents(12);
    await sealDue(t.org.id, auditKey(), EVERY);
    const last = await db().auditSeal.findFirstOrThrow({
      where: { organizationId: t.org.id },
      orderBy: { toSeq: "desc" },
    });
    await asSuperuser(
      `UPDATE "AuditSeal" SET mac = repeat('c', 64) WHERE "organizationId" = '${t.org.id}' AND "toSeq" = ${last.toSeq}`,
    );
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({
      seq: last.fromSeq,
      reason: `the seal of events ${last.fromSeq}–${last.toSeq} does not match them (the seal was altered, or made under another WARDEN_AUDIT_KEY)`,
    });
  });

  it("never seals a run holding an edited event, and the check still names it", async () => {
    const { t } = await organizationWithEvents(8);
    await asSuperuser(
      `UPDATE "AuditEvent" SET action = 'incident.viewed' WHERE "organizationId" = '${t.org.id}' AND seq = 3`,
    );
    expect(await sealDue(t.org.id, auditKey(), EVERY)).toBe(0);
    expect(await db().auditSeal.count({ where: { organizationId: t.org.id } })).toBe(0);
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({ seq: 3, reason: KEYED_MISMATCH });
  });

  it("the seal table refuses updates and deletes like the events", async () => {
    const { t } = await organizationWithEvents(6);
    await sealDue(t.org.id, auditKey(), EVERY);
    await expect(
      db().$executeRawUnsafe(`UPDATE "AuditSeal" SET keyed = 0 WHERE "organizationId" = '${t.org.id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(
      db().$executeRawUnsafe(`DELETE FROM "AuditSeal" WHERE "organizationId" = '${t.org.id}'`),
    ).rejects.toThrow(/append-only/);
  });
});
