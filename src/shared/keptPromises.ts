/**
 * Values made once per key and given again to every later caller with that key, for at most
 * `maxEntries` keys (the first made goes first). A making that fails is not kept, so the next
 * caller tries again. For things that are the same for every caller with the key, like a client
 * for one service address; never for data that can change.
 */
export function keepPromises<T>(maxEntries: number): (key: string, make: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (key, make) => {
    const held = kept.get(key);
    if (held) return held;
    let made: Promise<T>;
    try {
      made = make();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    kept.set(key, made);
    made.catch(() => {
      if (kept.get(key) === made) kept.delete(key);
    });
    if (kept.size > maxEntries) kept.delete(kept.keys().next().value as string);
    return made;
  };
}
