import type { SessionPart, Weekday } from '../offers';
import { formatWallTime, type CalendarDate, type WallTime } from './calendarDate';
import type { Interval } from './intervals';
import { createZoneClock } from './zoneClock';

/**
 * Europe/London, the one time zone people use here: every import, typed date and displayed time
 * goes through this module. Instants are UTC epoch milliseconds; people think in London time.
 *
 * The rule for the two nights a year the clocks change (both at 01:00 GMT, last Sunday of March
 * and last Sunday of October):
 * - A wall-clock time in the hour skipped when the clocks go forward (01:00-01:59 on the last
 *   Sunday of March) does not exist. It is refused with an explanation a person can act on:
 *   `checkLondonInstant` returns it as a result (imports report the line, the conversation
 *   answers with it); `toLondonInstant` throws it, for times that cannot fall in that hour.
 * - A wall-clock time in the hour repeated when the clocks go back (01:00-01:59 on the last
 *   Sunday of October) means its first occurrence, still on summer time (BST): 01:30 on
 *   25 October 2026 is 00:30Z, not 01:30Z.
 */
export const LONDON_ZONE = 'Europe/London';

const londonClock = ensureLondonClock();

function ensureLondonClock() {
  const clock = createZoneClock(LONDON_ZONE);
  if (!clock) throw new Error('The Europe/London time zone is not available in this Node.js build.');
  return clock;
}

/** A London calendar date, YYYY-MM-DD. */
export type LondonDate = string;

/** A wall-clock range on one London day, HH:MM to HH:MM. */
export interface WallClockRange {
  readonly start: string;
  readonly end: string;
}

export const AM_SESSION: WallClockRange = { start: '09:00', end: '13:00' };
export const PM_SESSION: WallClockRange = { start: '13:00', end: '17:00' };
export const FULL_DAY_SESSION: WallClockRange = { start: '09:00', end: '17:00' };
export const SESSION_TIMES: Readonly<Record<SessionPart, WallClockRange>> = {
  am: AM_SESSION,
  pm: PM_SESSION,
  full_day: FULL_DAY_SESSION,
};

/** Index 0 is Monday, as in ISO-8601. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
/**
 * Readings already worked out, by date and then by time. Two lookups of the caller's own strings
 * cost far less than joining them into one key first: the slot search asks for every session of
 * every day it looks at. At most CACHE_LIMIT readings are kept; past that, all are forgotten.
 */
const instantCache = new Map<LondonDate, Map<string, LondonInstantReading>>();
let instantsKept = 0;
const CACHE_LIMIT = 20_000;

const HOUR_MS = 3_600_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** London's offset from UTC at `instant`, in minutes (0 in winter, 60 in summer). */
export function londonOffsetMinutes(instant: number): number {
  return londonClock.offsetAt(instant);
}

/** The instant's London wall clock, read through UTC getters of a shifted Date. */
function londonFields(instant: number): Date {
  return new Date(instant + londonOffsetMinutes(instant) * 60_000);
}

/**
 * YYYY-MM-DD read digit by digit, without a regular expression or a Date: the slot search reads
 * dates for every day of every offer it looks at. Throws RangeError for anything but a real date.
 */
function parseDate(date: LondonDate): CalendarDate {
  const [year, month, day] = [digitsOf(date, 0, 4), digitsOf(date, 5, 7), digitsOf(date, 8, 10)];
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || !isRealDay(year, month, day)) {
    throw new RangeError(`Not a real calendar date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
}

/** The number written in text[from, to), or NaN if any character there is not a digit 0-9. */
function digitsOf(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDay(year: number, month: number, day: number): boolean {
  // Years 0-99 are read as 1900-1999, as Date.UTC reads them (the check this replaces).
  const calendarYear = year < 100 ? year + 1900 : year;
  const leap = calendarYear % 4 === 0 && (calendarYear % 100 !== 0 || calendarYear % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return year >= 0 && days !== undefined && day >= 1 && day <= days;
}

function parseTime(time: string): WallTime {
  const clock = TIME_PATTERN.exec(time);
  if (!clock) throw new RangeError(`Not a wall-clock time (HH:MM): ${time}`);
  return { hour: Number(clock[1]), minute: Number(clock[2]) };
}

/** A London wall-clock time as an instant, or why it is not one. */
export type LondonInstantReading = { ok: true; instant: number } | { ok: false; problem: string };

/**
 * The instant of a London wall-clock time on a date, following the rule above: a time in the
 * skipped hour gives `ok: false` and a sentence saying why and what to use instead; a repeated
 * time gives its first (BST) occurrence. Takes the parts a reader has already checked.
 */
export function checkLondonWallClock(date: CalendarDate, time: WallTime): LondonInstantReading {
  const instant = londonClock.toInstant(date, time);
  if (instant !== undefined) return { ok: true, instant };
  return { ok: false, problem: describeSkippedTime(date, time) };
}

/** As `checkLondonWallClock`, for YYYY-MM-DD and HH:MM text; throws RangeError on malformed text. */
export function checkLondonInstant(date: LondonDate, time: string): LondonInstantReading {
  const cached = instantCache.get(date)?.get(time);
  if (cached !== undefined) return cached;
  const reading = checkLondonWallClock(parseDate(date), parseTime(time));
  if (instantsKept >= CACHE_LIMIT) {
    instantCache.clear();
    instantsKept = 0;
  }
  let times = instantCache.get(date);
  if (!times) instantCache.set(date, (times = new Map()));
  times.set(time, reading);
  instantsKept += 1;
  return reading;
}

/**
 * The UTC instant of a London wall-clock time, for times that cannot be in the skipped hour (the
 * session times, midnight). Throws RangeError, with the explanation, for one that is.
 */
export function toLondonInstant(date: LondonDate, time: string): number {
  const reading = checkLondonInstant(date, time);
  if (!reading.ok) throw new RangeError(reading.problem);
  return reading.instant;
}

/**
 * "01:30 on Sun 29 Mar 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00
 * that night. Please use a time before 01:00 or from 02:00."
 */
function describeSkippedTime(date: CalendarDate, time: WallTime): string {
  const midnight = londonClock.toInstant(date, { hour: 0, minute: 0 }) as number;
  let change = midnight + HOUR_MS;
  const limit = midnight + 24 * HOUR_MS;
  while (change < limit && londonClock.offsetAt(change) === londonClock.offsetAt(midnight)) change += HOUR_MS;
  const before = formatWallTime({ hour: (change - midnight) / HOUR_MS, minute: 0 });
  const after = formatLondonTime(change);
  return (
    `${formatWallTime(time)} on ${formatLondonDate(midnight)} ${date.year} does not exist in UK time: ` +
    `the clocks go forward from ${before} to ${after} that night. ` +
    `Please use a time before ${before} or from ${after}.`
  );
}

export function toLondonDate(instant: number): LondonDate {
  const f = londonFields(instant);
  return `${f.getUTCFullYear()}-${pad(f.getUTCMonth() + 1)}-${pad(f.getUTCDate())}`;
}

export function startOfLondonDay(instant: number): number {
  return toLondonInstant(toLondonDate(instant), '00:00');
}

/** Calendar arithmetic on London dates (no clock involved, so no clock-change surprises). */
export function addDays(date: LondonDate, days: number): LondonDate {
  const { year, month, day } = parseDate(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  const movedYear = moved.getUTCFullYear();
  // toISOString writes years outside 0-9999 with a sign and six digits.
  if (!(movedYear >= 0 && movedYear <= 9999)) return moved.toISOString().slice(0, 10);
  return `${pad(movedYear, 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

export function weekdayOf(date: LondonDate): Weekday {
  const { year, month, day } = parseDate(date);
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7] as Weekday;
}

/** A session (AM 09:00-13:00, PM 13:00-17:00, full day 09:00-17:00) on a London date. */
export function londonSessionInterval(date: LondonDate, part: SessionPart): Interval {
  const times = SESSION_TIMES[part];
  return { start: toLondonInstant(date, times.start), end: toLondonInstant(date, times.end) };
}

/** The London ISO week (Monday 00:00 to the next Monday 00:00) containing `instant`. */
export function londonWeekInterval(instant: number): Interval {
  const date = toLondonDate(instant);
  const monday = addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
  return { start: toLondonInstant(monday, '00:00'), end: toLondonInstant(addDays(monday, 7), '00:00') };
}

/** The London calendar month containing `instant`. */
export function londonMonthInterval(instant: number): Interval {
  const f = londonFields(instant);
  const first = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), 1));
  const next = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1));
  return {
    start: toLondonInstant(first.toISOString().slice(0, 10), '00:00'),
    end: toLondonInstant(next.toISOString().slice(0, 10), '00:00'),
  };
}

/** ISO-8601 with the London offset, e.g. 2026-03-03T09:00:00+00:00 (milliseconds only if any). */
export function toLondonIso(instant: number): string {
  const offset = londonOffsetMinutes(instant);
  const f = new Date(instant + offset * 60_000);
  const millis = f.getUTCMilliseconds() ? `.${pad(f.getUTCMilliseconds(), 3)}` : '';
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${toLondonDate(instant)}T${formatLondonTime(instant)}:${pad(f.getUTCSeconds())}${millis}${zone}`;
}

/** YYYY-MM: the London month of an instant (rota documents are filed by it). */
export function londonMonthOf(instant: number): string {
  return londonClock.monthOf(instant);
}

/** "Tue 3 Mar" */
export function formatLondonDate(instant: number): string {
  const f = londonFields(instant);
  return `${DAY_NAMES[(f.getUTCDay() + 6) % 7]} ${f.getUTCDate()} ${MONTH_NAMES[f.getUTCMonth()]}`;
}

/** "09:00" (24-hour) */
export function formatLondonTime(instant: number): string {
  const f = londonFields(instant);
  return `${pad(f.getUTCHours())}:${pad(f.getUTCMinutes())}`;
}

/** "Tue 3 Mar, 09:00" */
export function formatLondonDateTime(instant: number): string {
  return `${formatLondonDate(instant)}, ${formatLondonTime(instant)}`;
}

/** "Tue 3 Mar, 09:00-13:00", or "Tue 3 Mar, 20:00 to Wed 4 Mar, 08:00" across midnight. */
export function formatLondonRange(range: Interval): string {
  if (toLondonDate(range.start) === toLondonDate(range.end)) {
    return `${formatLondonDateTime(range.start)}-${formatLondonTime(range.end)}`;
  }
  return `${formatLondonDateTime(range.start)} to ${formatLondonDateTime(range.end)}`;
}

/** "March 2026" */
export function formatLondonMonth(instant: number): string {
  const f = londonFields(instant);
  return `${LONG_MONTH_NAMES[f.getUTCMonth()]} ${f.getUTCFullYear()}`;
}
