import { describe, expect, it } from "vitest";
import { VersionedCache } from "@/lib/versioned-cache";

function counter() {
  let calls = 0;
  return { compute: async () => ++calls, calls: () => calls };
}

describe("VersionedCache", () => {
  it("reuses a value while the version and age allow, and recomputes when either changes", async () => {
    const cache = new VersionedCache({ maxEntries: 10, maxAgeMs: 60_000 });
    const c = counter();
    expect((await cache.get("k", 7, 1_000, c.compute)).value).toBe(1);
    expect(await cache.get("k", 7, 30_000, c.compute)).toEqual({ value: 1, computedAt: 1_000 });
    expect((await cache.get("k", 8, 30_001, c.compute)).value).toBe(2); // a change happened
    expect((await cache.get("k", 8, 90_000, c.compute)).value).toBe(2); // 59.999 s old
    expect((await cache.get("k", 8, 90_001, c.compute)).value).toBe(3); // too old
    expect((await cache.get("k", 8, 10_000, c.compute)).value).toBe(4); // clock went back: not trusted
    expect(c.calls()).toBe(4);
  });

  it("keeps keys apart", async () => {
    const cache = new VersionedCache({ maxEntries: 10, maxAgeMs: 60_000 });
    const c = counter();
    await cache.get("a", 1, 0, c.compute);
    expect((await cache.get("b", 1, 0, c.compute)).value).toBe(2);
    expect((await cache.get("a", 1, 0, c.compute)).value).toBe(1);
  });

  it("shares one computation between concurrent misses", async () => {
    const cache = new VersionedCache({ maxEntries: 10, maxAgeMs: 60_000 });
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      calls += 1;
      await gate;
      return "figures";
    };
    const all = Promise.all(Array.from({ length: 32 }, () => cache.get("k", 1, 0, compute)));
    release();
    expect((await all).map((r) => r.value)).toEqual(Array(32).fill("figures"));
    expect(calls).toBe(1);
  });

  it("does not keep a failed computation", async () => {
    const cache = new VersionedCache({ maxEntries: 10, maxAgeMs: 60_000 });
    await expect(cache.get("k", 1, 0, async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await Promise.resolve();
    expect(cache.size).toBe(0);
    expect((await cache.get("k", 1, 0, async () => "ok")).value).toBe("ok");
  });

  it("drops the least recently used entry when full", async () => {
    const cache = new VersionedCache({ maxEntries: 2, maxAgeMs: 60_000 });
    const c = counter();
    await cache.get("a", 1, 0, c.compute); // 1
    await cache.get("b", 1, 0, c.compute); // 2
    await cache.get("a", 1, 0, c.compute); // a is now the most recent
    await cache.get("c", 1, 0, c.compute); // 3, evicts b
    expect(cache.size).toBe(2);
    expect((await cache.get("a", 1, 0, c.compute)).value).toBe(1);
    expect((await cache.get("b", 1, 0, c.compute)).value).toBe(4);
  });
});
