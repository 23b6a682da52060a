// A memo keyed by three strings (measure or indicator, area, period), for the engine's caches.
// Nested maps rather than one joined key: the strings already exist (with their hashes), whereas
// joining them would build and hash a new string on every lookup.
export class Memo3<T> {
  private readonly maps = new Map<string, Map<string, Map<string, T>>>();
  /** Entries held, so that an owner can bound its memory. */
  size = 0;

  get(a: string, b: string, c: string, make: () => T): T {
    let byB = this.maps.get(a);
    if (!byB) this.maps.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    let value = byC.get(c);
    if (value === undefined) {
      value = make();
      byC.set(c, value);
      this.size++;
    }
    return value;
  }
}
