import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ANCHOR_FORMAT,
  anchorKey,
  checkAnchorHeads,
  openAnchor,
  signAnchor,
  type AnchorHead,
} from "@/domain/audit/anchor";
import { canonicalJson, eventHash, GENESIS_HASH } from "@/domain/audit/chain";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const heads: AnchorHead[] = [
  { organizationId: "org-1", organizationSlug: "acme", seq: 41, hash: "a".repeat(64), at: "2026-12-01T10:00:00.000Z" },
  { organizationId: "org-2", organizationSlug: "globex", seq: 7, hash: "b".repeat(64), at: "2026-12-01T11:00:00.000Z" },
];
const createdAt = new Date("2026-12-02T07:00:00.000Z");
const fileText = (value: unknown) => JSON.stringify(value, null, 2);

describe("anchor signing key", () => {
  it("is HMAC(audit key, 'warden-anchor-v1'): derived, never the audit key itself", () => {
    expect(anchorKey(KEY).toString("hex")).toBe(createHmac("sha256", KEY).update("warden-anchor-v1").digest("hex"));
    expect(anchorKey(KEY).equals(KEY)).toBe(false);
  });
});

describe("opening an anchor file", () => {
  const signed = signAnchor(heads, createdAt, KEY);

  it("accepts the file as written, with its heads", () => {
    expect(signed.format).toBe(ANCHOR_FORMAT);
    expect(openAnchor(fileText(signed), KEY)).toEqual({
      ok: true,
      anchor: { format: ANCHOR_FORMAT, createdAt: "2026-12-02T07:00:00.000Z", heads },
    });
  });

  it.each([
    ["a head's hash changed", { ...signed, heads: [{ ...heads[0]!, hash: "c".repeat(64) }, heads[1]!] }],
    ["a head's seq moved back", { ...signed, heads: [{ ...heads[0]!, seq: 40 }, heads[1]!] }],
    ["an organization's head dropped", { ...signed, heads: [heads[1]!] }],
    ["the time changed", { ...signed, createdAt: "2026-12-03T07:00:00.000Z" }],
    ["the signature replaced by one made with another key", signAnchor(heads, createdAt, OTHER_KEY)],
    [
      "the signature made with the audit key itself instead of the derived key",
      {
        ...signed,
        signature: createHmac("sha256", KEY)
          .update(canonicalJson({ format: ANCHOR_FORMAT, createdAt: signed.createdAt, heads }))
          .digest("hex"),
      },
    ],
    ["the signature truncated", { ...signed, signature: signed.signature.slice(0, 32) }],
  ])("refuses a tampered file: %s", (_, tampered) => {
    expect(openAnchor(fileText(tampered), KEY)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^the signature does not match/),
    });
  });

  it.each([
    ["not JSON", "{ heads: [", "the file is not JSON"],
    ["another kind of file", fileText({ hello: "world" }), "the file is not a Warden audit anchor"],
    [
      "a head without its hash",
      fileText({ ...signed, heads: [{ ...heads[0]!, hash: undefined }] }),
      "the anchor is incomplete",
    ],
    ["no signature", fileText({ ...signed, signature: undefined }), "the anchor is incomplete"],
  ])("refuses %s, saying why", (_, text, reason) => {
    expect(openAnchor(text, KEY)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it("refuses a genuine file checked with another key", () => {
    expect(openAnchor(fileText(signed), OTHER_KEY).ok).toBe(false);
  });
});

describe("checking anchored heads against the chains", () => {
  const stored = new Map([
    ["org-1:41", "a".repeat(64)],
    ["org-2:7", "b".repeat(64)],
  ]);
  const lookup = (m: Map<string, string>) => (org: string, seq: number) => m.get(`${org}:${seq}`);

  it("passes when every anchored event is still there with its hash", () => {
    expect(checkAnchorHeads(heads, lookup(stored))).toEqual([]);
  });
  it("names each organization whose anchored event is gone or changed", () => {
    const now = new Map(stored);
    now.delete("org-1:41");
    now.set(
      "org-2:7",
      eventHash(
        GENESIS_HASH,
        {
          organizationId: "org-2",
          seq: 7,
          at: new Date(0),
          actorId: null,
          actorLabel: "x",
          action: "a",
          entityType: "T",
          entityId: null,
          changes: null,
          requestId: null,
          ip: null,
        },
        KEY,
      ),
    );
    expect(checkAnchorHeads(heads, lookup(now))).toEqual([
      { organizationId: "org-1", organizationSlug: "acme", seq: 41, reason: "the anchored event is gone" },
      {
        organizationId: "org-2",
        organizationSlug: "globex",
        seq: 7,
        reason: "the anchored event's hash has changed (rewritten)",
      },
    ]);
  });
});
