import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { appendAudit } from "@/server/audit";
import { auditKey } from "@/server/audit-key";
import { verifyOrganizationChain } from "@/server/data/verify-audit-chain";
import {
  GENESIS_HASH,
  KEYED,
  KEYED_MISMATCH,
  UNKEYED,
  eventHash,
  unkeyedEventHash,
  type StoredEvent,
} from "@/domain/audit/chain";
import { makeTenant } from "../support/tenant-fixture";

const DOWNGRADED = "unkeyed hash after a keyed event (downgraded)";
const WRONG_KEY = Buffer.alloc(32, "not-the-audit-key");

async function append(organizationId: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db().$transaction((tx) =>
      appendAudit(tx, {
        organizationId,
        actor: { id: null, label: "tester" },
        action: "test.write",
        entityType: "Test",
        entityId: String(i),
        changes: { note: { before: null, after: `note ${i}` } },
      }),
    );
  }
}

/** Events as they were stored before the key existed: version 1, plain SHA-256, inserted in bulk. */
async function insertUnkeyed(organizationId: string, n: number, versionAt: (seq: number) => number = () => UNKEYED) {
  const rows: (StoredEvent & { id: string; incidentId: null })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      organizationId,
      seq,
      at: new Date(Date.UTC(2026, 0, 1) + seq * 1000),
      actorId: null,
      actorLabel: "legacy",
      action: "test.write",
      entityType: "Test",
      entityId: String(seq),
      incidentId: null,
      changes: { seq },
      requestId: null,
      ip: null,
    };
    const hashVersion = versionAt(seq);
    const hash = hashVersion === KEYED ? eventHash(prev, fields, auditKey()) : unkeyedEventHash(prev, fields);
    rows.push({ id: randomUUID(), ...fields, prevHash: prev, hash, hashVersion });
    prev = hash;
  }
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await db().$executeRaw`
    INSERT INTO "AuditEvent" (id, "organizationId", seq, at, "actorLabel", action, "entityType", "entityId", changes, "prevHash", hash, "hashVersion")
    SELECT * FROM unnest(${col("id")}::uuid[], ${col("organizationId")}::uuid[], ${col("seq")}::int[], ${col("at")}::timestamp[], ${col("actorLabel")}::text[],
      ${col("action")}::text[], ${col("entityType")}::text[], ${col("entityId")}::text[], ${rows.map((r) => JSON.stringify(r.changes))}::jsonb[],
      ${col("prevHash")}::text[], ${col("hash")}::text[], ${col("hashVersion")}::int2[])`;
}

type Rehash = { hash: "unkeyed" | Uint8Array; markAs: number };

/**
 * What a database superuser without the key can do: edit one event's `changes` with the
 * append-only trigger switched off for this transaction, then recompute that event's hash and
 * every later one (with the old unkeyed SHA-256, or keyed with a key of their own), so that every
 * link is consistent again, and mark the rows as version `markAs`.
 */
async function rewriteFrom(organizationId: string, seq: number, how: Rehash) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    const events = (await tx.auditEvent.findMany({
      where: { organizationId, seq: { gte: seq - 1 } },
      orderBy: { seq: "asc" },
    })) as (StoredEvent & { id: string })[];
    let prev = events[0]!.seq === seq ? GENESIS_HASH : events.shift()!.hash;
    for (const e of events) {
      const changes = e.seq === seq ? { note: { before: null, after: "rewritten by mallory" } } : e.changes;
      const fields = { ...e, changes };
      const hash = how.hash === "unkeyed" ? unkeyedEventHash(prev, fields) : eventHash(prev, fields, how.hash);
      await tx.$executeRaw`UPDATE "AuditEvent" SET changes = ${JSON.stringify(changes)}::jsonb, "prevHash" = ${prev}, hash = ${hash}, "hashVersion" = ${how.markAs} WHERE id = ${e.id}::uuid`;
      prev = hash;
    }
  });
}

describe("keyed audit chain", () => {
  it("new events are keyed (version 2); a chain of old unkeyed events followed by keyed ones verifies with the key, not with another", async () => {
    const t = await makeTenant();
    await insertUnkeyed(t.org.id, 3);
    await append(t.org.id, 4);
    const versions = await db().auditEvent.findMany({
      where: { organizationId: t.org.id },
      orderBy: { seq: "asc" },
      select: { seq: true, hashVersion: true },
    });
    expect(versions.map((e) => e.hashVersion)).toEqual([1, 1, 1, 2, 2, 2, 2]);
    expect(await verifyOrganizationChain(db(), t.org, auditKey())).toEqual({
      organizationId: t.org.id,
      slug: t.org.slug,
      events: 7,
      keyed: 4,
      broken: null,
    });
    expect((await verifyOrganizationChain(db(), t.org, WRONG_KEY)).broken).toEqual({ seq: 4, reason: KEYED_MISMATCH });
  });

  it.each<[string, Rehash, string]>([
    ["with the old unkeyed SHA-256, marked version 1", { hash: "unkeyed", markAs: UNKEYED }, DOWNGRADED],
    ["with the old unkeyed SHA-256, left marked version 2", { hash: "unkeyed", markAs: KEYED }, KEYED_MISMATCH],
    ["keyed with a wrong key", { hash: WRONG_KEY, markAs: KEYED }, KEYED_MISMATCH],
  ])(
    "a superuser's edit of an event's changes, rehashed with every later event %s, is reported at that event",
    async (_, how, reason) => {
      const t = await makeTenant();
      await append(t.org.id, 6);
      expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toBeNull();
      await rewriteFrom(t.org.id, 3, how);
      const stored = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, seq: 3 } });
      expect(stored.changes).toEqual({ note: { before: null, after: "rewritten by mallory" } });
      expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toEqual({ seq: 3, reason });
      // the same rewrite done with the right key would pass: the key alone is what stands in the way
      await rewriteFrom(t.org.id, 3, { hash: auditKey(), markAs: KEYED });
      expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toBeNull();
    },
  );

  it("a whole chain rewritten unkeyed from its first event shows no keyed event left (an anchor refuses it: audit-anchor.test.ts)", async () => {
    // The known limit: with no keyed event left, the chain looks like one written before the
    // upgrade. audit:verify prints the keyed count, and an anchor taken earlier catches it.
    const t = await makeTenant();
    await append(t.org.id, 3);
    await rewriteFrom(t.org.id, 1, { hash: "unkeyed", markAs: UNKEYED });
    expect(await verifyOrganizationChain(db(), t.org, auditKey())).toMatchObject({ events: 3, keyed: 0, broken: null });
  });

  it("carries the version across pages of 10,000: a downgrade just after a page boundary is found", async () => {
    const t = await makeTenant();
    // events 1–9,999 unkeyed, 10,000 keyed (last of the first page), 10,001 unkeyed again: every hash correct
    await insertUnkeyed(t.org.id, 10_001, (seq) => (seq === 10_000 ? KEYED : UNKEYED));
    const seen: number[] = [];
    const report = await verifyOrganizationChain(db(), t.org, auditKey(), (p) => seen.push(p.checked));
    expect(report).toMatchObject({ events: 10_000, keyed: 1, broken: { seq: 10_001, reason: DOWNGRADED } });
    expect(seen).toEqual([10_000]);
  }, 60_000);
});
