import { DateTime } from 'luxon';
import { MONTH_PATTERN, WEEKDAY_PATTERN, monthNumber, weekdayNumber } from './dateWords';

/**
 * A day of the month at the start of the text: "14th", "the 14th", "Monday 14th", "14 Dec",
 * "14th of January", "14/12". Without a month it is the next 14th from today. Undefined when
 * there is none or the day does not exist in that month.
 */
export function readDayOfMonth(text: string, today: DateTime): DateTime | undefined {
  const numeric = /^(?:the\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/.exec(text);
  if (numeric) return dateOn(Number(numeric[1]), Number(numeric[2]), today, numeric[3]);
  const named = new RegExp(
    `^(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s+(?:of\\s+)?(${MONTH_PATTERN})\\b(?:,?\\s+(\\d{4}))?)?`,
  ).exec(text);
  if (named) {
    const month = named[2] ? monthNumber(named[2]) : undefined;
    return dateOn(Number(named[1]), month, today, named[3]);
  }
  const monthFirst = new RegExp(
    `^(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`,
  ).exec(text);
  if (monthFirst)
    return dateOn(Number(monthFirst[2]), monthNumber(monthFirst[1] as string), today, monthFirst[3]);
  return undefined;
}

/** The next date with this day (and month, if given) from today; the given year if there is one. */
function dateOn(
  day: number,
  month: number | undefined,
  today: DateTime,
  year?: string,
): DateTime | undefined {
  if (year) {
    const full = Number(year.length === 2 ? `20${year}` : year);
    const date = DateTime.fromObject({ year: full, month, day }, { zone: today.zone });
    return date.isValid ? date : undefined;
  }
  for (let ahead = 0; ahead <= 12; ahead += 1) {
    const base = today.plus({ months: ahead });
    if (month !== undefined && base.month !== month) continue;
    const date = DateTime.fromObject({ year: base.year, month: base.month, day }, { zone: today.zone });
    if (date.isValid && date >= today) return date;
    if (month !== undefined && ahead > 0) return undefined;
  }
  return undefined;
}

/** A day of the month as people write it, with a weekday, month, "the" or "st/nd/rd/th" to show it is one. */
const DAY_OF_MONTH = new RegExp(
  [
    `\\b(?:${WEEKDAY_PATTERN}\\s+)?(?:the\\s+)?\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?\\b`,
    `\\b(?:${WEEKDAY_PATTERN}\\s+)?(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?${MONTH_PATTERN}\\b(?:,?\\s+\\d{4})?)?`,
    `\\b${MONTH_PATTERN}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`,
  ].join('|'),
  'g',
);

/** Bare numbers ("2 weeks", "ward 12", "the 3 of us") are not dates: a suffix, slash, weekday or month shows one. */
function findDayOfMonth(lower: string, today: DateTime): DateTime | undefined {
  for (const match of lower.matchAll(DAY_OF_MONTH)) {
    const text = match[0];
    if (!/\d(st|nd|rd|th)\b|\//.test(text) && !/[a-z]/.test(text.replace(/^the\s+/, ''))) continue;
    const date = readDayOfMonth(text.replace(new RegExp(`^${WEEKDAY_PATTERN}\\s+`), ''), today);
    if (date) return date;
  }
  return undefined;
}

/**
 * One day named in words: today, tomorrow, a weekday ("Tuesday", "next Tuesday", "this Friday",
 * "thurs") or a day of this or next month with no month named ("the 22nd", "Monday 14th").
 * "Next Tuesday" is the Tuesday of next week, as most people in Britain mean it; a weekday on
 * its own is the next one after today.
 */
export function readNamedDay(lower: string, today: DateTime): DateTime | undefined {
  if (/\b(the )?day after tomorrow\b/.test(lower)) return today.plus({ days: 2 });
  if (/\btomorrow\b/.test(lower)) return today.plus({ days: 1 });
  if (/\btoday\b|\bthis (morning|afternoon)\b/.test(lower)) return today;
  const dayOfMonth = findDayOfMonth(lower, today);
  if (dayOfMonth) return dayOfMonth;
  const weekday = new RegExp(`\\b(next|this|coming|on|a|any)?\\s*\\b(${WEEKDAY_PATTERN})\\b`).exec(lower);
  if (!weekday) return undefined;
  const number = weekdayNumber(weekday[2] as string) as number;
  if (weekday[1] === 'next') return today.startOf('week').plus({ weeks: 1, days: number - 1 });
  if (weekday[1] === 'this' && number >= today.weekday) return today.plus({ days: number - today.weekday });
  const ahead = (number - today.weekday + 7) % 7 || 7;
  return today.plus({ days: ahead });
}
