import { addDays, formatLondonDate, toLondonDate, toLondonInstant } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import type { WorkingTimePicture } from '../workingTime/pictureWorkingTime';
import type { WorkingDay } from '../workingTime/workingDays';

/** The London dates on which working days start, each once, in order. */
function startDates(days: readonly WorkingDay[]): string[] {
  return [...new Set(days.map((day) => toLondonDate(day.start)))].sort();
}

/** Runs of consecutive dates, each as its list of dates. */
function runsOf(dates: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const date of dates) {
    const run = runs[runs.length - 1];
    if (run && addDays(run[run.length - 1] as string, 1) === date) run.push(date);
    else runs.push([date]);
  }
  return runs;
}

/**
 * max_consecutive_days: with the visit, working days start on more consecutive dates than the
 * limit, in a longer run than the rota alone had there.
 */
export function checkConsecutiveDays(picture: WorkingTimePicture): Finding[] {
  const limit = picture.rules.maxConsecutiveDays;
  if (limit === null) return [];
  const date = toLondonDate(picture.day.start);
  const run = runsOf(startDates(picture.after)).find((r) => r.includes(date)) ?? [];
  if (run.length <= limit) return [];
  const [first, last] = [run[0] as string, run[run.length - 1] as string];
  const longestBefore = Math.max(
    0,
    ...runsOf(startDates(picture.before))
      .filter((r) => (r[0] as string) >= first && (r[r.length - 1] as string) <= last)
      .map((r) => r.length),
  );
  if (run.length <= longestBefore) return [];
  const window = { start: toLondonInstant(first, '00:00'), end: toLondonInstant(addDays(last, 1), '00:00') };
  const explain = () =>
    `With this visit you would work ${run.length} days in a row (${formatLondonDate(window.start)} to ` +
    `${formatLondonDate(toLondonInstant(last, '12:00'))}). The most allowed is ${limit} days in a row.`;
  return [{ rule: 'max_consecutive_days', who: 'visitor', window, explain }];
}
