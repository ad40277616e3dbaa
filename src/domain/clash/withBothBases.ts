import type { TimeBasis } from './clashTypes';

/**
 * The first `count` of `items` (in time order), one of them in the other time basis when the
 * list has one, so the visitor sees a work-time and an own-time choice. In time order.
 */
export function withBothBases<T>(items: readonly T[], count: number, basisOf: (item: T) => TimeBasis): T[] {
  const chosen = items.slice(0, count);
  const first = chosen[0];
  if (count < 2 || !first || chosen.some((c) => basisOf(c) !== basisOf(first))) return chosen;
  const other = items.find((c) => basisOf(c) !== basisOf(first));
  if (other) chosen[chosen.length - 1] = other;
  return chosen;
}
