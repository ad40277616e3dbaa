import type { DateTime } from 'luxon';
import type { Weekday } from '../../offers';
import { WEEKDAY_PATTERN, weekdayNumber } from './dateWords';
import type { DayRange } from './namedWindows';

const CODES: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The weekdays named in the text, in the order of the week. */
export function readWeekdays(lower: string): Weekday[] {
  const found = new Set<number>();
  for (const match of lower.matchAll(new RegExp(`\\b${WEEKDAY_PATTERN}\\b`, 'g')))
    found.add(weekdayNumber(match[0]) as number);
  return [...found].sort().map((n) => CODES[n - 1] as Weekday);
}

/**
 * Narrows a window to the weekdays named with it. One weekday in a window of a week or less is
 * that day ("Tuesday next week"); otherwise the window keeps only those days ("any Thursday in
 * January", "Tuesday or Thursday next week").
 */
export function narrowToWeekdays(
  range: DayRange,
  lower: string,
): { from: DateTime; to: DateTime; weekdays?: Weekday[] } {
  const weekdays = readWeekdays(lower);
  if (weekdays.length === 0 || weekdays.length === 7) return range;
  const days = range.to.diff(range.from, 'days').days + 1;
  if (weekdays.length === 1 && days <= 7) {
    const wanted = CODES.indexOf(weekdays[0] as Weekday) + 1;
    for (let day = range.from; day <= range.to; day = day.plus({ days: 1 }))
      if (day.weekday === wanted) return { from: day, to: day };
  }
  return { ...range, weekdays };
}
