import { describe, expect, it } from "vitest";
import {
  newDataKey,
  openText,
  parseMasterKeys,
  sealText,
  SealError,
  textDigest,
  unwrapDataKey,
  wrapDataKey,
} from "@/domain/crypto/envelope";

const master = Buffer.alloc(32, 7);
const incident = "0b9c7f7e-0000-4000-8000-000000000001";

describe("envelope encryption", () => {
  it("seals text that opens only with its key, its key id and its purpose", () => {
    const key = newDataKey();
    const sealed = sealText(key, "dk1", "note.body", "Jane Roe's claim form was exposed");
    expect(sealed).toMatch(/^enc1:dk1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("Jane");
    expect(openText(key, "dk1", "note.body", sealed)).toBe("Jane Roe's claim form was exposed");
    expect(() => openText(key, "dk1", "incident.clientSummary", sealed)).toThrow(SealError);
    expect(() => openText(newDataKey(), "dk1", "note.body", sealed)).toThrow(/does not open/);
    expect(() => openText(key, "dk2", "note.body", sealed)).toThrow(/sealed with data key dk1/);
  });

  it("seals the same text differently each time (random IV) and detects a flipped byte", () => {
    const key = newDataKey();
    const a = sealText(key, "dk1", "note.body", "same");
    expect(sealText(key, "dk1", "note.body", "same")).not.toBe(a);
    const body = Buffer.from(a.slice("enc1:dk1:".length), "base64url");
    body[body.length - 20]! ^= 1;
    expect(() => openText(key, "dk1", "note.body", `enc1:dk1:${body.toString("base64url")}`)).toThrow(/does not open/);
  });

  it("passes text stored before encryption through unchanged", () => {
    expect(openText(newDataKey(), "dk1", "note.body", "plain old note")).toBe("plain old note");
  });

  it("wraps a data key for one incident and one master key id", () => {
    const key = newDataKey();
    const wrapped = wrapDataKey(master, "m1", incident, key);
    expect(unwrapDataKey(master, "m1", incident, wrapped).equals(key)).toBe(true);
    expect(() => unwrapDataKey(master, "m2", incident, wrapped)).toThrow(SealError);
    expect(() => unwrapDataKey(master, "m1", "0b9c7f7e-0000-4000-8000-000000000002", wrapped)).toThrow(SealError);
    expect(() => unwrapDataKey(Buffer.alloc(32, 8), "m1", incident, wrapped)).toThrow(SealError);
  });

  it("digests names per data key, so equal names match without showing them", () => {
    const key = newDataKey();
    expect(textDigest(key, "asset.name", "claims db")).toBe(textDigest(key, "asset.name", "claims db"));
    expect(textDigest(key, "asset.name", "claims db")).not.toBe(textDigest(newDataKey(), "asset.name", "claims db"));
  });
});

describe("WARDEN_MASTER_KEYS", () => {
  const k = (fill: number) => Buffer.alloc(32, fill).toString("base64");
  it("makes the first key active and keeps the others for unwrapping", () => {
    const ring = parseMasterKeys(`new:${k(1)}, old:${k(2)}`);
    expect(ring.active.id).toBe("new");
    expect([...ring.byId.keys()]).toEqual(["new", "old"]);
  });
  it.each([
    ["", /at least one key/],
    [k(1), /entry 1 must start with a key id/],
    [`a b:${k(1)}`, /entry 1 must start with a key id/],
    [`k1:${Buffer.alloc(31).toString("base64")}`, /key "k1" must be 32 random bytes/],
    [`k1:not-base64!`, /key "k1" must be 32 random bytes/],
    [`k1:${k(1)},k1:${k(2)}`, /"k1" is listed twice/],
  ])("refuses %j, saying why but never the key", (value, message) => {
    expect(() => parseMasterKeys(value)).toThrow(message);
    try {
      parseMasterKeys(value);
    } catch (error) {
      expect((error as Error).message).not.toContain(k(1));
    }
  });
});
