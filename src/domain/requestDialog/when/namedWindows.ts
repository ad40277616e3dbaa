import type { DateTime } from 'luxon';
import { MONTH_PATTERN, monthNumber } from './dateWords';
import { readDayOfMonth } from './namedDays';

/** London calendar days, both ends included. */
export interface DayRange {
  from: DateTime;
  to: DateTime;
}

type WindowReader = (lower: string, today: DateTime) => DayRange | undefined;

/**
 * Windows named in words, for `today` (London, start of day): weeks, months and parts of them,
 * Christmas and the new year. The first reader that recognises the text wins, most specific first.
 */
export function readNamedWindow(lower: string, today: DateTime): DayRange | undefined {
  for (const reader of READERS) {
    const range = reader(lower, today);
    if (range) return range;
  }
  return undefined;
}

const christmasOf = (today: DateTime) => {
  const thisYear = today.set({ month: 12, day: 25 });
  return today > thisYear.plus({ days: 1 }) ? thisYear.plus({ years: 1 }) : thisYear;
};

const readChristmas: WindowReader = (lower, today) => {
  const christmas = christmasOf(today);
  if (/\bbetween christmas and (the )?new year\b/.test(lower))
    return { from: christmas.plus({ days: 2 }), to: christmas.set({ day: 31 }) };
  if (/\bafter christmas\b/.test(lower))
    return { from: christmas.plus({ days: 2 }), to: christmas.plus({ years: 1 }).set({ month: 1, day: 31 }) };
  if (/\bbefore christmas\b/.test(lower)) return { from: today, to: christmas.minus({ days: 1 }) };
  if (/\b(in|into|early in|during|after) the new year\b|\bnew year\b/.test(lower)) {
    const january =
      today.month === 1 ? today.startOf('month') : today.plus({ years: 1 }).set({ month: 1, day: 1 });
    return { from: january, to: january.endOf('month').startOf('day') };
  }
  return undefined;
};

const readWeekCommencing: WindowReader = (lower, today) => {
  const match = /\bweek (?:commencing|beginning|starting|of)(?: on)?(?: the)?\s+(.{1,30})/.exec(lower);
  if (!match) return undefined;
  const start = readDayOfMonth(match[1] as string, today);
  return start ? { from: start, to: start.plus({ days: 6 }) } : undefined;
};

const readRelativeWeek: WindowReader = (lower, today) => {
  const monday = today.startOf('week');
  const week = (n: number) => ({ from: monday.plus({ weeks: n }), to: monday.plus({ weeks: n, days: 6 }) });
  if (/\bthis week\b/.test(lower)) return { from: today, to: monday.plus({ days: 6 }) };
  if (/\b(week after next|in (two|2) weeks'?( time)?|in a fortnight|fortnight'?s time)\b/.test(lower))
    return week(2);
  if (/\bnext week\b/.test(lower)) return week(1);
  return undefined;
};

const readRelativeMonth: WindowReader = (lower, today) => {
  if (/\bthis month\b/.test(lower)) return { from: today, to: today.endOf('month').startOf('day') };
  if (/\bnext month\b/.test(lower)) return wholeMonth(today.plus({ months: 1 }).startOf('month'));
  return undefined;
};

const PART_OF_MONTH = new RegExp(
  `\\b(early|mid|middle of|late|end of|the end of|beginning of|start of|the start of)[ -](?:in )?(${MONTH_PATTERN})\\b`,
);

const readPartOfMonth: WindowReader = (lower, today) => {
  const match = PART_OF_MONTH.exec(lower);
  if (!match) return undefined;
  const first = nextMonthStart(monthNumber(match[2] as string) as number, today);
  const part = match[1] as string;
  if (/early|beginning|start/.test(part)) return { from: first, to: first.set({ day: 10 }) };
  if (/mid|middle/.test(part)) return { from: first.set({ day: 11 }), to: first.set({ day: 20 }) };
  return { from: first.set({ day: 21 }), to: first.endOf('month').startOf('day') };
};

/** A month named without a day next to it: "in January", "any Thursday in Feb", "sometime in March". */
const LONE_MONTH = new RegExp(
  `(?<!\\d(?:st|nd|rd|th)?\\s(?:of\\s)?)\\b(${MONTH_PATTERN})\\b(?!\\s*\\d)(?!\\s+(?:the\\s+)?\\d)`,
);

/** "May" is a month only after words like "in" or "early": "it may be possible" is not. */
const MAY_AS_MONTH = /\b(in|of|during|until|till|from|by|early|mid|late|end of|start of|beginning of) may\b/;

const readMonth: WindowReader = (lower, today) => {
  const match = LONE_MONTH.exec(lower);
  if (!match) return undefined;
  if ((match[1] as string) === 'may' && !MAY_AS_MONTH.test(lower)) return undefined;
  return wholeMonth(nextMonthStart(monthNumber(match[1] as string) as number, today), today);
};

function nextMonthStart(month: number, today: DateTime): DateTime {
  const thisYear = today.set({ month, day: 1 });
  return month < today.month ? thisYear.plus({ years: 1 }) : thisYear;
}

function wholeMonth(first: DateTime, today?: DateTime): DayRange {
  const from = today && first < today ? today : first;
  return { from, to: first.endOf('month').startOf('day') };
}

const READERS: WindowReader[] = [
  readChristmas,
  readWeekCommencing,
  readRelativeWeek,
  readRelativeMonth,
  readPartOfMonth,
  readMonth,
];
