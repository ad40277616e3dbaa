/**
 * Half-open intervals [start, end) over UTC instants in epoch milliseconds.
 * An interval with start >= end is empty: it contains no instant and overlaps nothing.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function isEmptyInterval(a: Interval): boolean {
  return !(a.start < a.end);
}

export function durationMs(a: Interval): number {
  return isEmptyInterval(a) ? 0 : a.end - a.start;
}

export function containsInstant(a: Interval, instant: number): boolean {
  return a.start <= instant && instant < a.end;
}

/** True when `inner` lies wholly inside `outer`; an empty `inner` lies inside anything. */
export function containsInterval(outer: Interval, inner: Interval): boolean {
  return isEmptyInterval(inner) || (outer.start <= inner.start && inner.end <= outer.end);
}

/** True when the two share at least one instant. Touching intervals do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return !isEmptyInterval(a) && !isEmptyInterval(b) && a.start < b.end && b.start < a.end;
}

/** The instants in both, or null when they share none. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : null;
}

export function overlapMs(a: Interval, b: Interval): number {
  const common = intersect(a, b);
  return common ? common.end - common.start : 0;
}

/** The instants in `a` and not in `b`: none, one or two intervals, in order. */
export function subtract(a: Interval, b: Interval): Interval[] {
  if (isEmptyInterval(a)) return [];
  if (!overlaps(a, b)) return [{ start: a.start, end: a.end }];
  const pieces: Interval[] = [];
  if (a.start < b.start) pieces.push({ start: a.start, end: b.start });
  if (b.end < a.end) pieces.push({ start: b.end, end: a.end });
  return pieces;
}

/** The instants in `a` and in none of `others`, in order. */
export function subtractAll(a: Interval, others: readonly Interval[]): Interval[] {
  return others.reduce<Interval[]>(
    (remaining, other) => remaining.flatMap((piece) => subtract(piece, other)),
    isEmptyInterval(a) ? [] : [{ start: a.start, end: a.end }],
  );
}

/**
 * The union of `ranges` as sorted, disjoint intervals. Overlapping and touching ranges are joined
 * ([1,2) and [2,3) become [1,3): the same instants); empty ranges are dropped.
 */
export function mergeOverlapping(ranges: readonly Interval[]): Interval[] {
  const sorted = ranges.filter((r) => !isEmptyInterval(r)).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    } else {
      merged.push({ start: range.start, end: range.end });
    }
  }
  return merged;
}

/** The interval strictly between two disjoint intervals, or null when they overlap or touch. */
export function gapBetween(a: Interval, b: Interval): Interval | null {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return first.end < second.start ? { start: first.end, end: second.start } : null;
}

/** Total milliseconds covered by `ranges`, counting shared instants once. */
export function coveredMs(ranges: readonly Interval[]): number {
  return mergeOverlapping(ranges).reduce((sum, r) => sum + (r.end - r.start), 0);
}
