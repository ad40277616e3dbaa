import { DateTime, IANAZone } from 'luxon';
import type { SessionPart, Weekday } from '../offers';
import type { Interval } from './intervals';

/** Europe/London wall-clock helpers. People think in London time; instants are UTC epoch ms. */
export const LONDON_ZONE = 'Europe/London';
const london = IANAZone.create(LONDON_ZONE);

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

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const instantCache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const HOUR = 3_600_000;
const offsetByHour = new Map<number, number>();

/**
 * London's offset from UTC at `instant`, in minutes (0 in winter, 60 in summer). London's clocks
 * change on the hour, so the offset is remembered per UTC hour, but only for hours that begin and
 * end with the same offset.
 */
export function londonOffsetMinutes(instant: number): number {
  const hour = Math.floor(instant / HOUR);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const offset = london.offset(instant);
  if (london.offset(hour * HOUR) === offset && london.offset((hour + 1) * HOUR - 1) === offset) {
    if (offsetByHour.size >= CACHE_LIMIT) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The instant's London wall clock, read through UTC getters of a shifted Date. */
function londonFields(instant: number): Date {
  return new Date(instant + londonOffsetMinutes(instant) * 60_000);
}

function parseDate(date: LondonDate): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (!match || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a real calendar date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
}

function computeLondonInstant(date: LondonDate, time: string): number {
  const { year, month, day } = parseDate(date);
  const clock = TIME_PATTERN.exec(time);
  if (!clock) throw new RangeError(`Not a wall-clock time (HH:MM): ${time}`);
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone: LONDON_ZONE }).toMillis();
}

/**
 * The UTC instant of a London wall-clock time. A time skipped when the clocks go forward (01:30 on
 * the last Sunday of March) moves on an hour; a time that happens twice when they go back (01:30
 * on the last Sunday of October) is read as the second, GMT, one.
 */
export function toLondonInstant(date: LondonDate, time: string): number {
  const key = `${date}T${time}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const instant = computeLondonInstant(date, time);
  if (instantCache.size >= CACHE_LIMIT) instantCache.clear();
  instantCache.set(key, instant);
  return instant;
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
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
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
