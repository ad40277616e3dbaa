import { durationMs, HOUR_MS, type Interval } from '../../time/intervals';
import { formatLondonDateTime } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import type { WorkingTimePicture } from '../workingTime/pictureWorkingTime';
import type { WorkingDay } from '../workingTime/workingDays';

/** Runs of working days with no rest of `restMs` or more between them. */
function stretchesOf(days: readonly WorkingDay[], restMs: number): Interval[] {
  const stretches: Interval[] = [];
  for (const day of days) {
    const last = stretches[stretches.length - 1];
    if (last && day.start - last.end < restMs)
      stretches[stretches.length - 1] = { start: last.start, end: day.end };
    else stretches.push({ start: day.start, end: day.end });
  }
  return stretches;
}

/**
 * weekly_rest: with the visit, some 7 days (168 hours) hold no uninterrupted rest of
 * `weeklyRestHours` (24), and the rota alone did not already break it there. Every window of
 * 168 hours holds 24 hours' rest exactly when no stretch of work between such rests runs longer
 * than 168 - 2 x 24 = 120 hours.
 */
export function checkWeeklyRest(picture: WorkingTimePicture): Finding[] {
  const { rules, visit } = picture;
  const rest = rules.weeklyRestHours;
  if (rest === null) return [];
  const restMs = rest * HOUR_MS;
  const longestAllowed = (rules.weeklyWindowHours - 2 * rest) * HOUR_MS;
  const stretch = stretchesOf(picture.after, restMs).find(
    (s) => s.start <= visit.start && visit.end <= s.end,
  );
  if (!stretch || durationMs(stretch) <= longestAllowed) return [];
  const longestBefore = Math.max(
    0,
    ...stretchesOf(picture.before, restMs)
      .filter((s) => stretch.start <= s.start && s.end <= stretch.end)
      .map(durationMs),
  );
  if (durationMs(stretch) <= longestBefore) return [];
  const days = Math.round(rules.weeklyWindowHours / 24);
  const explain = () =>
    `With this visit you would work from ${formatLondonDateTime(stretch.start)} to ` +
    `${formatLondonDateTime(stretch.end)} without ${rest} hours off in a row. You need at least ` +
    `${rest} hours' rest in every ${days} days.`;
  return [{ rule: 'weekly_rest', who: 'visitor', window: stretch, explain }];
}
