import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { checkSignIn, signInWithPassword } from "@/server/services/sign-in";
import { noteFailedSignIn } from "@/server/services/sign-in-throttle";
import { db } from "@/server/db";
import { PrismaClient } from "@/generated/prisma/client";
import { FIXTURE_PASSWORD, makeTenant } from "../support/tenant-fixture";

// Addresses are unique per test (the per-address limit counts across accounts).
let n = 0;
const address = () => `198.18.${Math.floor(++n / 250)}.${(n % 250) + 1}`;
const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);
const actions = async (userId: string) =>
  (await db().auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { seq: "asc" } })).map(
    (e) => e.action,
  );

describe("throttling failed sign-ins", () => {
  it("locks an account only for the address that failed, growing 1, 2, 4 minutes; the owner elsewhere is not affected", async () => {
    const t = await makeTenant();
    const stranger = address();
    const owner = address();
    const start = new Date();
    for (let i = 0; i < 5; i++)
      expect(
        await signInWithPassword({ email: t.admin.email, password: `guess-${i}` }, { ip: stranger }, start),
      ).toBeNull();
    // From the stranger's address: locked, even with the right password.
    expect(await checkSignIn({ email: t.admin.email, password: FIXTURE_PASSWORD }, { ip: stranger }, start)).toEqual({
      user: null,
      throttledUntil: minutes(start, 1),
    });
    // The owner, from their own address, at the same moment: in.
    expect(
      await signInWithPassword({ email: t.admin.email, password: FIXTURE_PASSWORD }, { ip: owner }, start),
    ).not.toBeNull();
    // The stranger's lock lasts 1 minute after the 5th failure; a 6th failure locks for 2.
    expect(
      await signInWithPassword({ email: t.admin.email, password: "guess-5" }, { ip: stranger }, minutes(start, 1.1)),
    ).toBeNull();
    expect(
      await signInWithPassword(
        { email: t.admin.email, password: FIXTURE_PASSWORD },
        { ip: stranger },
        minutes(start, 2.5),
      ),
    ).toBeNull();
    expect(
      await signInWithPassword(
        { email: t.admin.email, password: FIXTURE_PASSWORD },
        { ip: stranger },
        minutes(start, 3.2),
      ),
    ).not.toBeNull();

    const trail = await actions(t.admin.id);
    expect(trail.filter((a) => a === "auth.sign_in_locked")).toHaveLength(2); // at the 5th and the 6th failure
    expect(trail.filter((a) => a === "auth.sign_in_unlocked")).toHaveLength(1); // the success that cleared it
    const locked = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.admin.id, action: "auth.sign_in_locked" },
      orderBy: { seq: "asc" },
    });
    expect(locked.changes).toMatchObject({
      scope: "account_address",
      failures: 5,
      until: minutes(start, 1).toISOString(),
    });
    expect(locked.ip).toBe(stranger);
    const throttled = await db().auditEvent.findFirstOrThrow({
      where: {
        entityId: t.admin.id,
        action: "auth.sign_in_failed",
        changes: { path: ["reason"], equals: "throttled" },
      },
    });
    expect(throttled.ip).toBe(stranger);
  });

  it("limits one address across accounts (spraying): 30 failures an hour, then every account is refused from it", async () => {
    const tenants = await Promise.all([makeTenant(), makeTenant()]);
    const sprayer = address();
    const start = new Date();
    const emails = tenants.flatMap((t) => [t.admin, t.manager, t.analyst, t.contactA, t.contactB].map((u) => u.email));
    for (let i = 0; i < 30; i++)
      await signInWithPassword({ email: emails[i % emails.length], password: `spray-${i}` }, { ip: sprayer }, start);
    // Each account has at most 3 failures from it (no per-account lock), yet the address is stopped.
    expect(
      await signInWithPassword(
        { email: tenants[0]!.analyst.email, password: FIXTURE_PASSWORD },
        { ip: sprayer },
        start,
      ),
    ).toBeNull();
    expect(
      await signInWithPassword(
        { email: tenants[0]!.analyst.email, password: FIXTURE_PASSWORD },
        { ip: address() },
        start,
      ),
    ).not.toBeNull();
    expect(
      await signInWithPassword(
        { email: tenants[0]!.analyst.email, password: FIXTURE_PASSWORD },
        { ip: sprayer },
        minutes(start, 1.5),
      ),
    ).not.toBeNull();
  }, 120_000);

  it("two app instances (separate pools and clients on one database) see the same counts", async () => {
    const t = await makeTenant();
    const ip = address();
    const start = new Date();
    const other = new PrismaClient({
      adapter: new PrismaPg(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 })),
    });
    try {
      // "Instance B" records three failures straight into the shared table, as its service would.
      const { accountKey } = await import("@/server/services/sign-in-throttle");
      for (let i = 0; i < 3; i++)
        await other.signInAttempt.create({
          data: { accountKey: accountKey(t.manager.email), ip, outcome: "FAILURE", at: start },
        });
      // Instance A (this process's client): two more failures reach the limit of five.
      for (let i = 0; i < 2; i++)
        await signInWithPassword({ email: t.manager.email, password: `guess-${i}` }, { ip }, start);
      expect(
        await signInWithPassword({ email: t.manager.email, password: FIXTURE_PASSWORD }, { ip }, start),
      ).toBeNull();
      expect(
        await other.signInAttempt.count({ where: { accountKey: accountKey(t.manager.email), ip, outcome: "BLOCKED" } }),
      ).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("parallel guesses from one address cannot all slip under the limit", async () => {
    const t = await makeTenant();
    const ip = address();
    const start = new Date();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signInWithPassword({ email: t.analyst.email, password: `parallel-${i}` }, { ip }, start),
      ),
    );
    const rows = await db().signInAttempt.groupBy({ by: ["outcome"], where: { ip }, _count: { _all: true } });
    const count = (o: string) => rows.find((r) => r.outcome === o)?._count._all ?? 0;
    expect(count("FAILURE")).toBe(5);
    expect(count("BLOCKED")).toBe(7);
  });

  it("treats an unknown email exactly like a known one: throttled the same, nothing audited", async () => {
    const ip = address();
    const start = new Date();
    const ghost = `ghost-${randomUUID()}@fixture.test`;
    for (let i = 0; i < 5; i++)
      expect(await checkSignIn({ email: ghost, password: `guess-${i}` }, { ip }, start)).toEqual({
        user: null,
        throttledUntil: null,
      });
    // the person is told to wait, for an unknown address exactly as for a known one
    expect(await checkSignIn({ email: ghost, password: "guess-5" }, { ip }, start)).toEqual({
      user: null,
      throttledUntil: minutes(start, 1),
    });
    const rows = await db().signInAttempt.findMany({ where: { ip }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.outcome)).toEqual(["FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "BLOCKED"]);
    expect(rows.every((r) => !r.accountKey.includes("ghost"))).toBe(true);
  });
});

describe("header values", () => {
  it("a 5,000-character forwarded address and user agent: the sign-in answers normally, the records are bounded", async () => {
    const t = await makeTenant();
    const requestId = "r".repeat(5000);
    const user = await signInWithPassword(
      { email: t.analyst.email, password: FIXTURE_PASSWORD },
      { ip: `${"1".repeat(4990)}, 1.2.3.4`, userAgent: "U".repeat(5000), requestId },
    );
    expect(user?.id).toBe(t.analyst.id);
    expect(
      await signInWithPassword(
        { email: t.analyst.email, password: "wrong" },
        { ip: "x".repeat(5000), userAgent: "U".repeat(5000), requestId },
      ),
    ).toBeNull();
    const events = await db().auditEvent.findMany({ where: { entityId: t.analyst.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in", "auth.sign_in_failed"]);
    for (const e of events) {
      expect(e.ip).toBeNull(); // not a valid address: not stored
      expect(e.requestId!.length).toBeLessThanOrEqual(64);
    }
    // a failure noted after the password step (the second factor) takes raw values just as safely
    await noteFailedSignIn(t.analyst.email, `${"9".repeat(5000)}`, "U".repeat(5000));
    const attempts = await db().signInAttempt.findMany({ where: { userAgent: { startsWith: "UUU" } } });
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    for (const a of attempts) expect(a.userAgent).toHaveLength(300);
  });
});

describe("enumeration by timing", () => {
  // A comparison, not a threshold: the median time of a wrong password for a known account and
  // of any password for an unknown one, interleaved, must agree within noise (argon2id dominates
  // both; the known account's audit write is the only extra work).
  it("answers an unknown email in the same time as a known one", async () => {
    const t = await makeTenant();
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (email: string, into: number[], i: number) => {
      const at = performance.now();
      expect(await signInWithPassword({ email, password: `wrong-${i}` }, { ip: address() })).toBeNull();
      into.push(performance.now() - at);
    };
    await time(t.manager.email, [], 0); // warm-up: the dummy hash, connections
    await time(`warm-${randomUUID()}@fixture.test`, [], 0);
    for (let i = 0; i < 30; i++) {
      await time(t.manager.email, known, i);
      await time(`nobody-${randomUUID()}@fixture.test`, unknown, i);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(known), median(unknown)];
    expect(Math.abs(k - u) / Math.max(k, u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(0.2);
  }, 120_000);
});
