import type { Interval } from '../time/intervals';

/**
 * Intervals sorted by start, with the running maximum end, so that "what overlaps this window?"
 * is a binary search plus a short walk back, not a scan of a year of shifts.
 */
export interface IntervalIndex<T extends Interval> {
  readonly items: readonly T[];
  readonly maxEndSoFar: readonly number[];
}

export function buildIntervalIndex<T extends Interval>(intervals: readonly T[]): IntervalIndex<T> {
  const items = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start || a.end - b.end);
  const maxEndSoFar: number[] = [];
  items.forEach((item, i) => maxEndSoFar.push(Math.max(item.end, maxEndSoFar[i - 1] ?? -Infinity)));
  return { items, maxEndSoFar };
}

/** Number of items whose start is before `instant`. */
export function countStartingBefore<T extends Interval>(index: IntervalIndex<T>, instant: number): number {
  let low = 0;
  let high = index.items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((index.items[mid] as T).start < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Items overlapping `window` (half-open), in start order. */
export function findOverlapping<T extends Interval>(index: IntervalIndex<T>, window: Interval): T[] {
  if (!(window.start < window.end)) return [];
  const found: T[] = [];
  for (let i = countStartingBefore(index, window.end) - 1; i >= 0; i -= 1) {
    if ((index.maxEndSoFar[i] as number) <= window.start) break;
    const item = index.items[i] as T;
    if (item.end > window.start) found.push(item);
  }
  return found.reverse();
}

/** Items whose start lies in `window` (half-open). */
export function countStartingIn<T extends Interval>(index: IntervalIndex<T>, window: Interval): number {
  return Math.max(0, countStartingBefore(index, window.end) - countStartingBefore(index, window.start));
}
