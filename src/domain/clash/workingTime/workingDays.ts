import { HOUR_MS, mergeOverlapping, overlapMs, type Interval } from '../../time/intervals';
import { addDays, toLondonDate, toLondonInstant } from '../../time/londonTime';
import type { WorkingTimeRules } from './workingTimeRules';

/**
 * Periods of work (shifts, parts of shifts, visits) with breaks of at most a few hours between
 * them, from the first start to the last end. Rest rules act on working days, not on shifts.
 */
export interface WorkingDay extends Interval {
  /** The periods of work inside it, joined where they touch, in order. */
  periods: readonly Interval[];
  /** At least `nightMinimumHours` of its work falls between 23:00 and 06:00 London time. */
  hasNight: boolean;
}

/** The London night from 23:00 on `date` to 06:00 the next morning (7 hours, or 6 or 8 when clocks change). */
function nightOf(date: string): Interval {
  let night = nights.get(date);
  if (!night) {
    night = Object.freeze({
      start: toLondonInstant(date, '23:00'),
      end: toLondonInstant(addDays(date, 1), '06:00'),
    });
    // Every slot a search tries looks at the nights around it: each date is worked out once.
    if (nights.size >= NIGHTS_KEPT) nights.clear();
    nights.set(date, night);
  }
  return night;
}

/** Nights already worked out, by date; at most NIGHTS_KEPT (about eleven years of dates). */
const nights = new Map<string, Readonly<Interval>>();
const NIGHTS_KEPT = 4_000;

function containsNight(day: Interval, periods: readonly Interval[], minimumMs: number): boolean {
  const last = toLondonDate(day.end);
  for (let date = addDays(toLondonDate(day.start), -1); date <= last; date = addDays(date, 1)) {
    const night = nightOf(date);
    const workMs = periods.reduce((sum, p) => sum + overlapMs(p, night), 0);
    if (workMs >= minimumMs) return true;
  }
  return false;
}

/** Groups periods of work into working days: a break of `workingDayBreakHours` or less does not end a day. */
export function buildWorkingDays(work: readonly Interval[], rules: WorkingTimeRules): WorkingDay[] {
  const breakMs = rules.workingDayBreakHours * HOUR_MS;
  const groups: Interval[][] = [];
  for (const period of mergeOverlapping(work)) {
    const group = groups[groups.length - 1];
    const lastEnd = group?.[group.length - 1]?.end;
    if (group && lastEnd !== undefined && period.start - lastEnd <= breakMs) group.push(period);
    else groups.push([period]);
  }
  const nightMs = rules.nightMinimumHours * HOUR_MS;
  return groups.map((periods) => {
    const day = { start: (periods[0] as Interval).start, end: (periods[periods.length - 1] as Interval).end };
    return { ...day, periods, hasNight: containsNight(day, periods, nightMs) };
  });
}
