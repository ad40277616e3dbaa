import { HOUR_MS, MINUTE_MS, overlapMs, type Interval } from '../../time/intervals';
import { formatLondonDateTime } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { describeHours } from '../describeHours';
import type { WorkingTimePicture } from '../workingTime/pictureWorkingTime';

interface Busiest {
  window: Interval;
  workMs: number;
}

function workIn(work: readonly Interval[], window: Interval): number {
  return work.reduce((sum, period) => sum + overlapMs(period, window), 0);
}

/**
 * The window of `lengthMs` with the most work among those sharing time with `piece`. Work in a
 * sliding window peaks where its start meets the start of a period or its end the end of one, so
 * only those starts (and the two extremes, to the minute) are tried.
 */
function findBusiest(work: readonly Interval[], piece: Interval, lengthMs: number): Busiest {
  const earliest = piece.start - lengthMs + MINUTE_MS;
  const latest = Math.max(earliest, piece.end - MINUTE_MS);
  const edges = work.flatMap((p) => [p.start, p.end - lengthMs]).filter((t) => t > earliest && t < latest);
  let best: Busiest = { window: { start: earliest, end: earliest + lengthMs }, workMs: -1 };
  for (const start of [earliest, latest, ...edges]) {
    const window = { start, end: start + lengthMs };
    const workMs = workIn(work, window);
    if (workMs > best.workMs) best = { window, workMs };
  }
  return best;
}

/**
 * max_weekly_hours: with the visit, some window of `weeklyWindowHours` (168) that holds time the
 * visit adds has more work than the limit. Time the visit shares with a shift counts once, so a
 * visit inside a shift adds nothing.
 */
export function checkWeeklyHours(picture: WorkingTimePicture): Finding[] {
  const { rules } = picture;
  const limit = rules.maxWeeklyHours;
  if (limit === null || picture.added.length === 0) return [];
  const work = picture.after.flatMap((day) => day.periods);
  const lengthMs = rules.weeklyWindowHours * HOUR_MS;
  const busiest = picture.added
    .map((piece) => findBusiest(work, piece, lengthMs))
    .reduce((a, b) => (b.workMs > a.workMs ? b : a));
  if (busiest.workMs <= limit * HOUR_MS) return [];
  const days = Math.round(rules.weeklyWindowHours / 24);
  const explain = () =>
    `With this visit you would work ${describeHours(busiest.workMs)} in the ${days} days from ` +
    `${formatLondonDateTime(busiest.window.start)} to ${formatLondonDateTime(busiest.window.end)}. ` +
    `The limit is ${limit} hours in any ${days} days.`;
  return [{ rule: 'max_weekly_hours', who: 'visitor', window: busiest.window, explain }];
}
