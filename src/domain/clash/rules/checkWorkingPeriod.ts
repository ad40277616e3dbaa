import { durationMs, HOUR_MS } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { describeHours } from '../describeHours';
import type { WorkingTimePicture } from '../workingTime/pictureWorkingTime';

/**
 * max_working_period: with the visit, its working day lasts longer than the limit from first start
 * to last end, and longer than the rota alone made any day in it.
 */
export function checkWorkingPeriod(picture: WorkingTimePicture): Finding[] {
  const { day, rules } = picture;
  const limit = rules.maxWorkingPeriodHours;
  if (limit === null) return [];
  const span = durationMs(day);
  const longestBefore = Math.max(0, ...picture.absorbed.map(durationMs));
  if (span <= limit * HOUR_MS || span <= longestBefore) return [];
  const explain = () =>
    `With this visit your working day would run ${formatLondonRange(day)}: ${describeHours(span)}. ` +
    `A working day may last at most ${limit} hours from start to finish ` +
    `(a break of ${rules.workingDayBreakHours} hours or less does not end it).`;
  return [
    { rule: 'max_working_period', who: 'visitor', window: { start: day.start, end: day.end }, explain },
  ];
}
