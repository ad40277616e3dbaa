import {
  DAY_MS,
  HOUR_MS,
  durationMs,
  mergeOverlapping,
  overlapMs,
  type Interval,
} from '../../time/intervals';
import { formatLondonDateTime } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

const WEEK_MS = 7 * DAY_MS;

function sumOverlapMs(ranges: readonly Interval[], window: Interval): number {
  return ranges.reduce((sum, range) => sum + overlapMs(range, window), 0);
}

/**
 * The 7-day window holding the visit with the most hours of work. Hours in a window change only
 * where a window edge meets a shift edge, so only those starts (and the two extremes) are tried.
 */
function findBusiestWeek(work: readonly Interval[], visit: Interval): { window: Interval; workMs: number } {
  const earliest = visit.end - WEEK_MS;
  const edges = work.flatMap((w) => [w.start, w.end, w.start - WEEK_MS, w.end - WEEK_MS]);
  const starts = [earliest, visit.start, ...edges.filter((t) => t > earliest && t < visit.start)];
  let best = { window: { start: earliest, end: earliest + WEEK_MS }, workMs: -1 };
  for (const start of starts) {
    const window = { start, end: start + WEEK_MS };
    const workMs = sumOverlapMs(work, window);
    if (workMs > best.workMs) best = { window, workMs };
  }
  return best;
}

const formatHours = (ms: number): string => String(Math.round((ms / HOUR_MS) * 10) / 10);

/**
 * max_weekly_hours (a local rule, per staff group): the visit's hours plus hours of work in some
 * rolling 7 days that contain the visit exceed the limit. Time the visit shares with a shift counts once.
 */
export function checkWeeklyHours(context: ClashContext, visit: Interval): Finding[] {
  const limit = context.maxHoursIn7Days;
  if (limit === null || durationMs(visit) > WEEK_MS) return [];
  const around = { start: visit.end - WEEK_MS, end: visit.start + WEEK_MS };
  const work = mergeOverlapping(findOverlapping(context.visitor.work, around));
  const busiest = findBusiestWeek(work, visit);
  const totalMs = busiest.workMs + durationMs(visit) - sumOverlapMs(work, visit);
  if (totalMs <= limit * HOUR_MS) return [];
  const explain = () =>
    `With this visit you would work ${formatHours(totalMs)} hours in the 7 days from ` +
    `${formatLondonDateTime(busiest.window.start)} to ${formatLondonDateTime(busiest.window.end)}. ` +
    `The local limit is ${limit} hours in any 7 days.`;
  return [{ rule: 'max_weekly_hours', who: 'visitor', window: busiest.window, explain }];
}
