import { DateTime } from 'luxon';
import type { Weekday } from '../offers';
import { LONDON } from '../time/formatVisit';

/** An ISO-8601 week in Europe/London: Monday 00:00 to the next Monday 00:00, half-open. */
export interface IsoWeek {
  /** "2026-W02" */
  label: string;
  weekYear: number;
  weekNumber: number;
  /** UTC epoch milliseconds of Monday 00:00 London. */
  start: number;
  /** UTC epoch milliseconds of the next Monday 00:00 London. */
  end: number;
}

/** When the week's digest is due: a London weekday and wall-clock time, Monday 08:00 by default. */
export interface DigestSchedule {
  weekday: Weekday;
  /** HH:MM, 24-hour. */
  time: string;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 'mon', time: '08:00' };

const WEEKDAY_NUMBERS: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const LABEL = /^(\d{4})-W(\d{2})$/;

/** The London ISO week that contains `instant`. */
export function isoWeekOf(instant: number): IsoWeek {
  const london = DateTime.fromMillis(instant, { zone: LONDON });
  return weekFrom(london.weekYear, london.weekNumber);
}

/** Reads "2026-W02"; undefined when it is not a week that exists (e.g. 2025-W53). */
export function parseIsoWeek(label: string): IsoWeek | undefined {
  const match = LABEL.exec(label.trim().toUpperCase());
  if (!match) return undefined;
  const [weekYear, weekNumber] = [Number(match[1]), Number(match[2])];
  const probe = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: LONDON });
  if (weekNumber < 1 || !probe.isValid || probe.weekNumber !== weekNumber || probe.weekYear !== weekYear)
    return undefined;
  return weekFrom(weekYear, weekNumber);
}

/** The week `count` weeks before (negative: after) this one. */
export function weekBefore(week: IsoWeek, count = 1): IsoWeek {
  const monday = DateTime.fromMillis(week.start, { zone: LONDON }).minus({ weeks: count });
  return weekFrom(monday.weekYear, monday.weekNumber);
}

/** The instant the week's digest becomes due. */
export function digestDueAt(week: IsoWeek, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): number {
  const [hour, minute] = schedule.time.split(':').map(Number);
  return DateTime.fromMillis(week.start, { zone: LONDON })
    .plus({ days: WEEKDAY_NUMBERS[schedule.weekday] - 1 })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toMillis();
}

function weekFrom(weekYear: number, weekNumber: number): IsoWeek {
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: LONDON }).startOf('day');
  return {
    label: `${weekYear}-W${String(weekNumber).padStart(2, '0')}`,
    weekYear,
    weekNumber,
    start: monday.toMillis(),
    end: monday.plus({ weeks: 1 }).toMillis(),
  };
}
