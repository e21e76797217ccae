/**
 * The engine's memory between analyses. A cache keeps what was used lately in two generations: when the
 * young one is full, the old one is dropped and the young one ages. What the edited document still uses
 * is found again (and kept) on every analysis, so a long editing session never empties a cache at once,
 * which would make one keystroke as slow as opening the document.
 */
const registered: BoundedCache<unknown, unknown>[] = [];

export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private youngWeight = 0;

  /** `limit` is of the young generation's entries, or of their weight (a chunk's characters) given `weigh`. */
  constructor(private readonly limit: number, private readonly weigh: (key: K, value: V) => number = () => 1) {
    registered.push(this as BoundedCache<unknown, unknown>);
  }

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.youngWeight >= this.limit) {
      this.old = this.young;
      this.young = new Map();
      this.youngWeight = 0;
    }
    this.young.set(key, value);
    this.youngWeight += this.weigh(key, value);
  }

  /** Forgets one key, and frees its weight in the young generation. */
  delete(key: K): void {
    const young = this.young.get(key);
    if (young !== undefined) {
      this.young.delete(key);
      this.youngWeight -= this.weigh(key, young);
    }
    this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.youngWeight = 0;
  }
}

/** Forgets everything: the next analysis is a fresh one (tests compare the two). */
export function clearCaches(): void {
  for (const cache of registered) cache.clear();
}

/**
 * Small numbers for long strings (a sentence's words, a heading chain), so that keys built from them on
 * every analysis stay short. Numbers are never reused: a key made with a forgotten number never matches.
 */
export class Interner {
  private readonly ids: BoundedCache<string, number>;
  private next = 0;

  /** `limit` is of the values' count, or of their weight (their length) given `weigh`. */
  constructor(limit: number, weigh?: (value: string) => number) {
    this.ids = new BoundedCache(limit, weigh);
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(value, id);
    }
    return id;
  }
}
