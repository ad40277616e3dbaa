import { IANAZone } from 'luxon';
import type { CalendarDate, WallTime } from './calendarDate';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CACHE_LIMIT = 100_000;

/**
 * Wall-clock times in one IANA time zone and UTC instants, caching the zone's offset per UTC hour
 * (zones change offset on the hour, so the cache is exact), which keeps large imports fast.
 * Europe/London goes through `londonTime.ts`; this is also used for the other zones an iCalendar
 * file may name.
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
