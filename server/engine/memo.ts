// The engine's memos: results keyed by three strings (measure or indicator, area, period), held
// in a bounded, least-recently-used budget and dropped selectively when the figures behind them
// change (invalidation.ts says which).
//
// Nested maps rather than one joined key: the strings already exist (with their hashes), whereas
// joining them would build and hash a new string on every lookup.
//
// Why one budget for several memos: the engine's tallies, values and trends, in both views,
// compete for the same memory, and the least recently used of them all is the one to forget. Eviction is one
// entry at a time from the old end of a doubly linked recency list, so a full cache forgets
// what nobody has asked for lately instead of everything at once. Each entry costs one small
// object beside its map slot (measured by bench/cache-measure.ts, with the rest of the entry).

/** One remembered result, linked into its budget's recency list. */
class Entry {
  newer: Entry | null = null;
  older: Entry | null = null;
  constructor(
    readonly value: unknown,
    /** The map that holds this entry, and its key there: what eviction deletes. */
    readonly home: Map<string, Entry>,
    readonly key: string,
  ) {}
}

/** A cap on the entries of several memos together, forgetting the least recently used first. */
export class CacheBudget {
  private newest: Entry | null = null;
  private oldest: Entry | null = null;
  /** Entries held by every memo on this budget. */
  size = 0;
  /** Entries forgotten because the budget was full (not those dropped as out of date). */
  evictions = 0;

  constructor(readonly capacity: number = Infinity) {
    if (!(capacity >= 1)) throw new Error(`a cache budget needs room for at least one entry, not ${capacity}`);
  }

  /** Marks an entry as just used. */
  touch(entry: Entry): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    this.link(entry);
  }

  /** Adds a new entry as the most recently used, then forgets the oldest while over capacity. */
  add(entry: Entry): void {
    this.link(entry);
    this.size++;
    while (this.size > this.capacity) {
      const oldest = this.oldest!;
      this.remove(oldest);
      oldest.home.delete(oldest.key);
      this.evictions++;
    }
  }

  /** Takes an entry off the list (its memo deletes it from its map). */
  remove(entry: Entry): void {
    this.unlink(entry);
    this.size--;
  }

  private link(entry: Entry): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    this.newest = entry;
    this.oldest ??= entry;
  }

  private unlink(entry: Entry): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    entry.newer = entry.older = null;
  }
}

/**
 * Which entries of one first key an update has put out of date: second key (area) → a test of
 * the third (period). Built by invalidation.ts.
 */
export type StaleEntries = ReadonlyMap<string, (c: string) => boolean>;

/** A memo keyed by three strings, on a budget (its own, unbounded, unless one is given). */
export class Memo3<T> {
  private readonly maps = new Map<string, Map<string, Map<string, Entry>>>();
  /** What each first key's results are computed from (invalidation.ts), declared when one is first computed. */
  private readonly sources = new Map<string, readonly string[]>();

  constructor(readonly budget: CacheBudget = new CacheBudget()) {}

  get(a: string, b: string, c: string, make: () => T): T {
    let byB = this.maps.get(a);
    if (!byB) this.maps.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    const found = byC.get(c);
    if (found !== undefined) {
      this.budget.touch(found);
      return found.value as T;
    }
    const value = make();
    const entry = new Entry(value, byC, c);
    byC.set(c, entry);
    this.budget.add(entry);
    return value;
  }

  /** The entry held for a key, without computing it or counting it as a use (for tests and measurement). */
  peek(a: string, b: string, c: string): T | undefined {
    return this.maps.get(a)?.get(b)?.get(c)?.value as T | undefined;
  }

  /**
   * Declares what the results under first key `a` are computed from: return types, 'population',
   * or 'benchmark:<indicator>' (invalidation.ts). Called by the code that computes them, once per
   * key; an entry is only ever stored under a declared key.
   */
  declare(a: string, sources: () => readonly string[]): void {
    if (!this.sources.has(a)) this.sources.set(a, sources());
  }

  /**
   * Drops the entries an update has put out of date. `staleFor` is asked once per first key
   * held, with the sources declared for it (undefined if none were), and names the areas and
   * periods to drop, or 'all'. Returns how many entries were dropped.
   */
  drop(staleFor: (sources: readonly string[] | undefined) => StaleEntries | 'all' | null): number {
    let dropped = 0;
    for (const [a, byB] of this.maps) {
      const stale = staleFor(this.sources.get(a));
      if (stale === null) continue;
      if (stale === 'all') {
        for (const byC of byB.values()) dropped += this.dropWhere(byC, () => true);
        continue;
      }
      for (const [b, isStale] of stale) {
        const byC = byB.get(b);
        if (byC) dropped += this.dropWhere(byC, isStale);
      }
    }
    return dropped;
  }

  private dropWhere(byC: Map<string, Entry>, isStale: (c: string) => boolean): number {
    let dropped = 0;
    // forEach rather than for…of over entries: no [key, value] pair built per entry.
    byC.forEach((entry, c) => {
      if (!isStale(c)) return;
      byC.delete(c);
      this.budget.remove(entry);
      dropped++;
    });
    return dropped;
  }

  /** Drops every entry. */
  clear(): void {
    for (const byB of this.maps.values()) for (const byC of byB.values()) for (const entry of byC.values()) this.budget.remove(entry);
    this.maps.clear();
  }
}
