import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, eventHash, findChainBreak, type StoredEvent } from "@/domain/audit/chain";

function chain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = {
      organizationId: "o", seq: i, at: new Date(Date.UTC(2026, 0, 1, 0, i)), actorId: "u", actorLabel: "Ada",
      action: "x.y", entityType: "Incident", entityId: `e${i}`, changes: { phase: { before: "IDENTIFY", after: "CONTAIN" } },
      requestId: null, ip: null,
    };
    const hash = eventHash(prev, fields);
    out.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe("finding the first broken link", () => {
  it("accepts an intact chain", () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });
  it("finds an edited event", () => {
    const c = chain(5);
    c[2] = { ...c[2]!, actorLabel: "Mallory" };
    expect(findChainBreak(c)).toEqual({ seq: 3, reason: "content does not match its hash (edited)" });
  });
  it("finds a removed event", () => {
    const c = chain(5);
    c.splice(3, 1);
    expect(findChainBreak(c)?.seq).toBe(4);
  });
  it("finds an event whose hash was recomputed after an edit (the next link breaks)", () => {
    const c = chain(5);
    const edited = { ...c[1]!, action: "forged" };
    edited.hash = eventHash(edited.prevHash, edited);
    c[1] = edited;
    expect(findChainBreak(c)).toEqual({ seq: 3, reason: "prevHash does not match the previous event's hash" });
  });
});
