/**
 * A pure function of some text, with its results remembered for the `limit` texts used most
 * recently (the least recently used is forgotten first), so the same words are not worked out
 * again on every search. Texts longer than `longestText` are worked out every time and not kept,
 * so the memory held stays bounded by both. Only for functions whose result depends on the text
 * alone and that callers never change: every caller of one text shares one result.
 */
export interface RememberedByText<T> {
  (text: string): T;
  /** How many texts are remembered now (never more than the limit). */
  readonly size: number;
}

export function rememberByText<T>(
  limit: number,
  longestText: number,
  work: (text: string) => T,
): RememberedByText<T> {
  const known = new Map<string, T>();
  const remembered = (text: string): T => {
    if (text.length > longestText || limit < 1) return work(text);
    const found = known.get(text);
    if (found !== undefined || known.has(text)) {
      // Moved to the end: Map keeps insertion order, so the first key is the least recently used.
      known.delete(text);
      known.set(text, found as T);
      return found as T;
    }
    const result = work(text);
    if (known.size >= limit) known.delete(known.keys().next().value as string);
    known.set(text, result);
    return result;
  };
  Object.defineProperty(remembered, 'size', { get: () => known.size });
  return remembered as RememberedByText<T>;
}
