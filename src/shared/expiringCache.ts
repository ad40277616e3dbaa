export interface ExpiringCacheOptions {
  /** How long a value is used after it was read. */
  ttlMs: number;
  /** The most values kept; the oldest goes first. */
  maxEntries: number;
  /** Milliseconds since 1970; injected so tests need not wait. */
  now?: () => number;
}

/**
 * Values kept for a short time after they were read, for at most `maxEntries` keys. `forget` drops
 * a key at once (this instance wrote it). A read that began before a `forget` of its key may have
 * read the old value, so it is not kept: take `startRead()` before reading and pass it to `set`.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  /** When each key was last forgotten, by the cache's own counter (not time). */
  private readonly forgotten = new Map<string, number>();
  /** Forgets no longer listed in `forgotten` happened at or before this count. */
  private forgottenUpTo = 0;
  private count = 0;
  private readonly now: () => number;

  constructor(private readonly options: ExpiringCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    const held = this.entries.get(key);
    if (!held) return undefined;
    if (held.expiresAt > this.now()) return held.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Marks the start of a read whose answer may be kept. */
  startRead(): number {
    return (this.count += 1);
  }

  /** Keeps a value read since `readStarted`, unless the key was forgotten after the read began. */
  set(key: string, value: V, readStarted: number): boolean {
    if ((this.forgotten.get(key) ?? 0) > readStarted || this.forgottenUpTo > readStarted) return false;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    dropOldest(this.entries, this.options.maxEntries);
    return true;
  }

  /** Drops the key if it still holds this very value (a read that failed), without counting it as a write. */
  drop(key: string, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  forget(key: string): void {
    this.entries.delete(key);
    this.forgotten.delete(key);
    this.forgotten.set(key, (this.count += 1));
    const dropped = dropOldest(this.forgotten, this.options.maxEntries);
    if (dropped !== undefined) this.forgottenUpTo = Math.max(this.forgottenUpTo, dropped);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Removes the first-inserted entries beyond `max`; returns the last removed value. */
function dropOldest<T>(map: Map<string, T>, max: number): T | undefined {
  let dropped: T | undefined;
  for (const [key, value] of map) {
    if (map.size <= max) break;
    map.delete(key);
    dropped = value;
  }
  return dropped;
}
