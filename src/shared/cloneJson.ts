/**
 * A deep copy of JSON-shaped data (plain objects, arrays, strings, numbers, booleans, null), as a
 * store hands documents out: several times cheaper than structuredClone for the small documents a
 * turn reads, which matters because every read of a turn is copied. Anything else inside (a Date,
 * a Map) is copied by structuredClone, so the copy is never shared with the original.
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = cloneJson((value as Record<string, unknown>)[key]);
    // A key named "__proto__" (JSON.parse makes it an own field) stays a field, not the prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: field,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = field;
  }
  return copy as T;
}
