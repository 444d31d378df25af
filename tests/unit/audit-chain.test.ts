import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  KEYED,
  KEYED_MISMATCH,
  UNKEYED,
  canonicalJson,
  chainBody,
  eventHash,
  findChainBreak,
  unkeyedEventHash,
  type StoredEvent,
} from "@/domain/audit/chain";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const EDITED = "content does not match its hash (edited)";

/** A chain whose events are hashed with the given versions, in order (1 = unkeyed, 2 = keyed). */
function chain(versions: number[], key: Uint8Array = KEY): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  versions.forEach((hashVersion, i) => {
    const fields = {
      organizationId: "o",
      seq: i + 1,
      at: new Date(Date.UTC(2026, 0, 1, 0, i + 1)),
      actorId: "u",
      actorLabel: "Ada",
      action: "x.y",
      entityType: "Incident",
      entityId: `e${i + 1}`,
      changes: { phase: { before: "IDENTIFY", after: "CONTAIN" } },
      requestId: null,
      ip: null,
    };
    const hash = hashVersion === KEYED ? eventHash(prev, fields, key) : unkeyedEventHash(prev, fields);
    out.push({ ...fields, prevHash: prev, hash, hashVersion });
    prev = hash;
  });
  return out;
}
const v = (n: number, version: number) => Array<number>(n).fill(version);

/** Recomputes the hashes of events from index `from` on, as someone with the database (and maybe a key) would. */
function rehash(c: StoredEvent[], from: number, how: { version: number; key?: Uint8Array }) {
  for (let i = from; i < c.length; i++) {
    const prevHash = i === 0 ? GENESIS_HASH : c[i - 1]!.hash;
    const e = { ...c[i]!, prevHash, hashVersion: how.version };
    e.hash = how.version === KEYED ? eventHash(prevHash, e, how.key!) : unkeyedEventHash(prevHash, e);
    c[i] = e;
  }
}

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe("hashing an event", () => {
  const fields = {
    organizationId: "o",
    seq: 1,
    at: new Date("2026-01-01T00:00:00.000Z"),
    actorId: null,
    actorLabel: "x",
    action: "a.b",
    entityType: "T",
    entityId: null,
    changes: { k: "v" },
    requestId: null,
    ip: null,
  };
  // written out by hand, keys in order: what both versions hash after the previous hash
  const body =
    '{"action":"a.b","actorId":null,"actorLabel":"x","at":"2026-01-01T00:00:00.000Z","changes":{"k":"v"},"entityId":null,"entityType":"T","ip":null,"organizationId":"o","requestId":null,"seq":1}';

  it("version 1 is SHA-256 of the previous hash and the canonical event", () => {
    expect(unkeyedEventHash(GENESIS_HASH, fields)).toBe(
      createHash("sha256")
        .update(GENESIS_HASH + body)
        .digest("hex"),
    );
  });
  it("version 2 is HMAC-SHA256 of the same under the audit key", () => {
    expect(eventHash(GENESIS_HASH, fields, KEY)).toBe(
      createHmac("sha256", KEY)
        .update(GENESIS_HASH + body)
        .digest("hex"),
    );
  });
  it("differs with another key, and from the unkeyed hash", () => {
    expect(eventHash(GENESIS_HASH, fields, OTHER_KEY)).not.toBe(eventHash(GENESIS_HASH, fields, KEY));
    expect(eventHash(GENESIS_HASH, fields, KEY)).not.toBe(unkeyedEventHash(GENESIS_HASH, fields));
  });
});

describe("finding the first broken link", () => {
  it.each([
    ["all unkeyed (stored before the key)", v(5, UNKEYED)],
    ["all keyed", v(5, KEYED)],
    ["unkeyed, then keyed from the upgrade on", [...v(3, UNKEYED), ...v(3, KEYED)]],
  ])("accepts an intact chain: %s", (_, versions) => {
    expect(findChainBreak(chain(versions), KEY)).toBeNull();
  });

  it("finds an edited event", () => {
    const c = chain(v(5, KEYED));
    c[2] = { ...c[2]!, actorLabel: "Mallory" };
    expect(findChainBreak(c, KEY)).toEqual({ seq: 3, reason: KEYED_MISMATCH });
    const old = chain(v(5, UNKEYED));
    old[2] = { ...old[2]!, actorLabel: "Mallory" };
    expect(findChainBreak(old, KEY)).toEqual({ seq: 3, reason: EDITED });
  });
  it("finds a removed event", () => {
    const c = chain(v(5, KEYED));
    c.splice(3, 1);
    expect(findChainBreak(c, KEY)).toEqual({ seq: 4, reason: "event 4 is missing (found 5)" });
  });
  it("finds an event whose hash was recomputed after an edit, when the next link was left alone", () => {
    const c = chain(v(5, UNKEYED));
    const edited = { ...c[1]!, action: "forged" };
    edited.hash = unkeyedEventHash(edited.prevHash, edited);
    c[1] = edited;
    expect(findChainBreak(c, KEY)).toEqual({ seq: 3, reason: "prevHash does not match the previous event's hash" });
  });

  it("refuses a keyed chain verified with another key, at its first keyed event", () => {
    expect(findChainBreak(chain([...v(2, UNKEYED), ...v(3, KEYED)]), OTHER_KEY)).toEqual({
      seq: 3,
      reason: KEYED_MISMATCH,
    });
  });

  // Someone with the whole database but not the key edits event 3 and rehashes it and every later one.
  it.each([
    [
      "with the old unkeyed SHA-256 (a downgrade)",
      { version: UNKEYED },
      { seq: 3, reason: "unkeyed hash after a keyed event (downgraded)" },
    ],
    ["keyed, with a wrong key", { version: KEYED, key: OTHER_KEY }, { seq: 3, reason: KEYED_MISMATCH }],
  ])("finds a keyed chain rewritten from an event on %s", (_, how, expected) => {
    const c = chain([UNKEYED, KEYED, KEYED, KEYED, KEYED]);
    c[2] = { ...c[2]!, actorLabel: "Mallory" };
    rehash(c, 2, how);
    expect(findChainBreak(c, KEY)).toEqual(expected);
  });
  it("a rewrite with the right key verifies (the key is what protects the chain)", () => {
    const c = chain(v(5, KEYED));
    c[2] = { ...c[2]!, actorLabel: "Mallory" };
    rehash(c, 2, { version: KEYED, key: KEY });
    expect(findChainBreak(c, KEY)).toBeNull();
  });

  it("an unkeyed event after a keyed one is a break even with a correct unkeyed hash", () => {
    expect(findChainBreak(chain([KEYED, UNKEYED]), KEY)).toEqual({
      seq: 2,
      reason: "unkeyed hash after a keyed event (downgraded)",
    });
  });
  it("carries the version across pages: a downgrade right after the page boundary is found", () => {
    const c = chain([UNKEYED, KEYED, UNKEYED]);
    const tail = c[1]!;
    expect(findChainBreak(c.slice(2), KEY, { seq: 2, hash: tail.hash, hashVersion: KEYED })).toEqual({
      seq: 3,
      reason: "unkeyed hash after a keyed event (downgraded)",
    });
    expect(
      findChainBreak(chain([UNKEYED, UNKEYED]).slice(1), KEY, {
        seq: 1,
        hash: chain([UNKEYED])[0]!.hash,
        hashVersion: UNKEYED,
      }),
    ).toBeNull();
  });
  it("refuses an unknown hash version", () => {
    const c = chain(v(2, KEYED));
    c[1] = { ...c[1]!, hashVersion: 3 };
    expect(findChainBreak(c, KEY)).toEqual({ seq: 2, reason: "unknown hash version 3" });
  });
});

describe("the hashed body", () => {
  // chainBody writes the canonical JSON out by hand for speed; it must stay byte for byte what
  // canonicalJson makes of the same fields, or every stored event would stop verifying.
  const base = {
    organizationId: "3f2b0a4e-1111-4222-8333-444455556666",
    seq: 12,
    at: new Date(Date.UTC(2026, 4, 3, 10, 11, 12, 345)),
    actorId: "u-1",
    actorLabel: 'Ada "the" Admin\n\u00e9\u2028',
    action: "incident.transition",
    entityType: "Incident",
    entityId: "e-1",
    incidentId: "i-1",
    changes: { z: [1, { b: null, a: "x" }], a: { after: 2.5, before: -0 } },
    requestId: "r-1",
    ip: "10.0.0.1",
  };
  it.each([
    ["every field set", base],
    ["no incident (left out of the body, as before the column existed)", { ...base, incidentId: null }],
    ["incident undefined", { ...base, incidentId: undefined }],
    ["no actor, request or address", { ...base, actorId: null, requestId: null, ip: null, entityId: null }],
    ["no changes", { ...base, changes: null }],
    ["changes a string", { ...base, changes: "text" }],
    ["a label with an emoji and a backslash", { ...base, actorLabel: "Zoë 🔒 \\ admin", entityId: "a\tb" }],
  ])("%s: equals canonicalJson of the named fields", (_, e) => {
    const reference = canonicalJson({
      ...e,
      at: e.at.toISOString(),
      incidentId: e.incidentId ?? undefined,
      changes: e.changes ?? null,
    });
    expect(chainBody(e)).toBe(reference);
  });
});
