/**
 * How long records are kept, in days; 0 keeps them until someone deletes them. Documents carry
 * the period as `ttl` in seconds: Cosmos DB removes them that long after their last write (the
 * containers have TTL switched on with no default), and the embedded store hides and purges them
 * the same way.
 */
export interface RetentionSettings {
  /** Closed requests and the messages sent about them. */
  personalDays: number;
  /** The exchange log kept for evaluation. */
  exchangeLogDays: number;
}

export const KEEP_FOR_EVER: RetentionSettings = { personalDays: 0, exchangeLogDays: 0 };

export function ttlSeconds(days: number | undefined): number | undefined {
  return days && days > 0 ? Math.round(days * 86_400) : undefined;
}

/** The document with its `ttl` set, or without one when it is kept for ever. */
export function withTtl<T extends object>(doc: T, days: number | undefined): T & { ttl?: number } {
  const { ttl: _previous, ...rest } = doc as T & { ttl?: number };
  const ttl = ttlSeconds(days);
  return (ttl === undefined ? rest : { ...rest, ttl }) as T & { ttl?: number };
}
