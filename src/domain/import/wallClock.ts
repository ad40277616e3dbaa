import { IANAZone } from 'luxon';

export const LONDON_ZONE = 'Europe/London';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CACHE_LIMIT = 100_000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

/** Reads YYYY-MM-DD; undefined when the text is not in that form or the day does not exist. */
export function readIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return checkCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads YYYYMMDD (iCalendar form). */
export function readCompactDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  return checkCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads H:MM or HH:MM on a 24-hour clock; 24:00 and above are rejected. */
export function readWallTime(text: string): WallTime | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function formatDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function checkCalendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

/**
 * Converts wall-clock times in one time zone to UTC instants, caching the zone offset per UTC
 * hour (zone changes happen on the hour, so the cache is exact), which keeps large imports fast.
 */
export interface ZoneClock {
  /** Offset from UTC, in minutes, at an instant. */
  offsetAt(epochMs: number): number;
  /**
   * The instant of a wall-clock time, or undefined when that time does not exist (skipped when
   * the clocks go forward). A time that happens twice (when the clocks go back) gives the first
   * occurrence, i.e. the one still on summer time.
   */
  toInstant(date: CalendarDate, time: WallTime): number | undefined;
  /** YYYY-MM of an instant, on this zone's calendar. */
  monthOf(epochMs: number): string;
}

export function createZoneClock(zoneName: string): ZoneClock | undefined {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) return undefined;
  const cache = new Map<number, number>();
  const offsetAt = (epochMs: number): number => {
    const bucket = Math.floor(epochMs / HOUR_MS);
    const known = cache.get(bucket);
    if (known !== undefined) return known;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const offset = zone.offset(bucket * HOUR_MS);
    cache.set(bucket, offset);
    return offset;
  };
  const toInstant = (date: CalendarDate, time: WallTime): number | undefined => {
    const local = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
    const before = offsetAt(local - DAY_MS);
    const after = offsetAt(local + DAY_MS);
    // A larger offset gives an earlier instant, so trying offsets from largest finds the first occurrence.
    const candidates = before === after ? [before] : [Math.max(before, after), Math.min(before, after)];
    for (const offset of candidates) {
      const instant = local - offset * 60_000;
      if (offsetAt(instant) === offset) return instant;
    }
    return undefined;
  };
  const monthOf = (epochMs: number): string => {
    const local = new Date(epochMs + offsetAt(epochMs) * 60_000);
    return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return { offsetAt, toInstant, monthOf };
}

const london = createZoneClock(LONDON_ZONE);

export function londonClock(): ZoneClock {
  if (!london) throw new Error('The Europe/London time zone is not available in this Node.js build.');
  return london;
}
