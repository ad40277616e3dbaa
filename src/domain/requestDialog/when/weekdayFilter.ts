import type { DateTime } from 'luxon';
import type { Weekday } from '../../offers';
import { WEEKDAY_PATTERN, weekdayNumber } from './dateWords';
import type { DayRange } from './namedWindows';

const CODES: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WORKING_WEEK = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];

/** A weekday name or a group of them ("weekdays", "the weekend"), as a regular-expression source. */
const DAY_OR_GROUP = `\\b(?:${WEEKDAY_PATTERN}|week ?days?|(?:the )?week ?ends?)\\b`;
const DAY_LIST = `${DAY_OR_GROUP}(?:\\s*(?:,|/|&|\\bor\\b|\\band\\b|\\bnor\\b)\\s*(?:on\\s+)?(?:a\\s+)?${DAY_OR_GROUP})*`;

/**
 * Days ruled out, before the days ("not Mondays", "except Monday or Friday", "apart from weekends",
 * "any day but Tuesday", "no Fridays", "not free on Mondays", "can't do Wednesdays") or after them
 * ("Mondays are no good", "Fridays don't work").
 */
const EXCLUSIONS = [
  new RegExp(
    `\\b(?:(?:not|never)(?:\\s+(?:free|available|around|able|possible|good|in|working|at work))?|except(?: for)?|excluding|apart from|other than|(?<=days? )but|no|avoid(?:ing)?|can'?t do|cannot do)\\s+(?:on\\s+)?(?:a\\s+)?(?:the\\s+)?(${DAY_LIST})`,
    'g',
  ),
  new RegExp(
    `\\b(${DAY_LIST})\\s+(?:(?:are|is)\\s+(?:no good|not good|out|bad|impossible|difficult|tricky)|(?:don'?t|do not|doesn'?t|does not|won'?t|will not) work)\\b`,
    'g',
  ),
];

/** A wish that spreads over many days: "any weekday", "weekdays", "any day", "whichever day". */
const OPEN_WISH = /\b(any ?(?:week ?)?day|week ?days|whichever day)\b/;

function daysIn(list: string): number[] {
  const days: number[] = [];
  for (const match of list.matchAll(new RegExp(DAY_OR_GROUP, 'g'))) {
    const word = match[0];
    if (/week ?end/.test(word)) days.push(...WEEKEND);
    else if (/week ?day/.test(word)) days.push(...WORKING_WEEK);
    else days.push(weekdayNumber(word) as number);
  }
  return days;
}

/** What the text says about days of the week. */
export interface WeekdayWish {
  /** The text without the days it rules out, so that "not Mondays" is never read as a Monday. */
  withoutExclusions: string;
  /** Days wanted, in the order of the week; undefined when the text does not narrow them. */
  weekdays?: Weekday[];
  /** True when the wish spreads over many days with no week or month named ("any weekday but Monday"). */
  open: boolean;
}

/**
 * Reads the days of the week wanted and ruled out: "Tuesday or Thursday", "weekdays",
 * "any weekday but not Mondays", "any day except Fridays", "not weekends".
 */
export function readWeekdayWish(lower: string): WeekdayWish {
  const excluded = new Set<number>();
  let withoutExclusions = lower;
  for (const exclusion of EXCLUSIONS)
    withoutExclusions = withoutExclusions.replace(exclusion, (_whole, list: string) => {
      for (const day of daysIn(list)) excluded.add(day);
      return ' ';
    });
  const named = new Set(daysIn(withoutExclusions));
  const base = named.size > 0 ? named : excluded.size > 0 ? new Set([1, 2, 3, 4, 5, 6, 7]) : named;
  const wanted = [...base].filter((day) => !excluded.has(day)).sort();
  const narrows = wanted.length > 0 && wanted.length < 7;
  return {
    withoutExclusions,
    ...(narrows ? { weekdays: wanted.map((n) => CODES[n - 1] as Weekday) } : {}),
    open: excluded.size > 0 || OPEN_WISH.test(withoutExclusions),
  };
}

/** The weekdays named in the text, in the order of the week, less those ruled out. */
export function readWeekdays(lower: string): Weekday[] {
  return readWeekdayWish(lower).weekdays ?? [];
}

/**
 * Narrows a window to the weekdays named with it. One weekday in a window of a week or less is
 * that day ("Tuesday next week"); otherwise the window keeps only those days ("any Thursday in
 * January", "Tuesday or Thursday next week", "next week but not Monday").
 */
export function narrowToWeekdays(
  range: DayRange,
  lower: string,
): { from: DateTime; to: DateTime; weekdays?: Weekday[] } {
  const weekdays = readWeekdays(lower);
  if (weekdays.length === 0) return range;
  const days = range.to.diff(range.from, 'days').days + 1;
  if (weekdays.length === 1 && days <= 7) {
    const wanted = CODES.indexOf(weekdays[0] as Weekday) + 1;
    for (let day = range.from; day <= range.to; day = day.plus({ days: 1 }))
      if (day.weekday === wanted) return { from: day, to: day };
  }
  return { ...range, weekdays };
}
