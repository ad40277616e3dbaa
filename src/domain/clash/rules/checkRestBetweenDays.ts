import { HOUR_MS } from '../../time/intervals';
import { formatLondonDateTime } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { describeHours } from '../describeHours';
import { endsLater, startsEarlier, type WorkingTimePicture } from '../workingTime/pictureWorkingTime';
import type { WorkingDay } from '../workingTime/workingDays';
import type { WorkingTimeRules } from '../workingTime/workingTimeRules';

interface RequiredRest {
  rule: 'rest_between_shifts' | 'rest_after_nights';
  hours: number;
}

/** The rest owed between two working days: 46 hours after nights (where that rule applies), else 11. */
function requiredRest(first: WorkingDay, second: WorkingDay, rules: WorkingTimeRules): RequiredRest | null {
  const daily = rules.restBetweenShiftsHours;
  const nights = rules.restAfterNightsHours;
  if (nights !== null && first.hasNight && !second.hasNight)
    return { rule: 'rest_after_nights', hours: Math.max(nights, daily ?? 0) };
  return daily === null ? null : { rule: 'rest_between_shifts', hours: daily };
}

function restBefore(picture: WorkingTimePicture, previous: WorkingDay): Finding[] {
  const { day, rules } = picture;
  const rest = requiredRest(previous, day, rules);
  const gap = day.start - previous.end;
  if (!rest || gap >= rest.hours * HOUR_MS) return [];
  const window = { start: previous.end, end: previous.end + rest.hours * HOUR_MS };
  const finished =
    rest.rule === 'rest_after_nights'
      ? `You finish a night shift at ${formatLondonDateTime(previous.end)}.`
      : `You finish work at ${formatLondonDateTime(previous.end)}.`;
  const owed =
    rest.rule === 'rest_after_nights'
      ? `After nights you need ${rest.hours} hours' rest before your next working day`
      : `You need at least ${rest.hours} hours' rest between working days`;
  const explain = () =>
    `${finished} This visit would start your next working day at ${formatLondonDateTime(day.start)}, ` +
    `only ${describeHours(gap)} later. ${owed}, so the earliest a visit can start is ` +
    `${formatLondonDateTime(window.end)}.`;
  return [{ rule: rest.rule, who: 'visitor', window, explain }];
}

function restAfter(picture: WorkingTimePicture, next: WorkingDay): Finding[] {
  const { day, rules } = picture;
  const rest = requiredRest(day, next, rules);
  const gap = next.start - day.end;
  if (!rest || gap >= rest.hours * HOUR_MS) return [];
  const window = { start: next.start - rest.hours * HOUR_MS, end: next.start };
  const owed =
    rest.rule === 'rest_after_nights'
      ? `After working at night you need ${rest.hours} hours' rest before your next working day.`
      : `You need at least ${rest.hours} hours' rest between working days ` +
        `(a break of ${rules.workingDayBreakHours} hours or less counts as the same working day).`;
  const explain = () =>
    `With this visit your working day would end at ${formatLondonDateTime(day.end)}, and you start ` +
    `work again at ${formatLondonDateTime(next.start)}, only ${describeHours(gap)} later. ${owed}`;
  return [{ rule: rest.rule, who: 'visitor', window, explain }];
}

/** The working day holding the visit gained night work the rota's days in it did not have. */
function gainsNight(picture: WorkingTimePicture): boolean {
  const last = picture.absorbed[picture.absorbed.length - 1];
  return picture.day.hasNight && !last?.hasNight;
}

/**
 * rest_between_shifts and rest_after_nights: the rest before or after the visit's working day is
 * too short, and the visit made it so (the day starts earlier or ends later than the rota's, or
 * now has night work). One gap gives one reason: the 46 hours after nights include the 11.
 */
export function checkRestBetweenDays(picture: WorkingTimePicture): Finding[] {
  const previous = picture.after[picture.index - 1];
  const next = picture.after[picture.index + 1];
  return [
    ...(previous && startsEarlier(picture) ? restBefore(picture, previous) : []),
    ...(next && (endsLater(picture) || gainsNight(picture)) ? restAfter(picture, next) : []),
  ];
}
