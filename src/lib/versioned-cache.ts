// A small in-process cache for figures derived from an organization's data. Each entry carries
// the data version it was computed at (the organization's data version: every change bumps it
// in the change's own transaction) and is served only while that version is still
// current and the entry is younger than its time limit (for figures that depend on the clock,
// like "overdue"). Concurrent misses for one key share a single computation, so a burst of
// requests after a change costs one query round, not one per request. Bounded: least recently
// used entries go first.

type Entry<T> = { version: number; computedAt: number; value: Promise<T> };

export type VersionedCacheOptions = { maxEntries: number; maxAgeMs: number };

export class VersionedCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(private readonly options: VersionedCacheOptions) {}

  /**
   * The value for `key` at `version`: reused when computed at that same version less than
   * maxAge ago, else computed now. A failed computation is not kept.
   */
  get<T>(
    key: string,
    version: number,
    now: number,
    compute: () => Promise<T>,
  ): Promise<{ value: T; computedAt: number }> {
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && hit.version === version && now - hit.computedAt < this.options.maxAgeMs && now >= hit.computedAt) {
      this.entries.delete(key); // re-insert: Map order is the recency order
      this.entries.set(key, hit);
      return hit.value.then((value) => ({ value, computedAt: hit.computedAt }));
    }
    const entry: Entry<T> = { version, computedAt: now, value: compute() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry.value.then((value) => ({ value, computedAt: entry.computedAt }));
  }

  get size(): number {
    return this.entries.size;
  }
}
