import { HOUR_MS, overlaps, type Interval } from '../../time/intervals';
import { formatLondonDateTime } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext, TimedShift } from '../prepareClashContext';
import { describeKind } from '../shiftKinds';

/** Minimum daily rest between periods of work. */
export const REST_BETWEEN_SHIFTS_HOURS = 11;
const REST_MS = REST_BETWEEN_SHIFTS_HOURS * HOUR_MS;

function findRestAfter(shift: TimedShift, visit: Interval): Finding[] {
  const window = { start: shift.end, end: shift.end + REST_MS };
  if (!overlaps(window, visit)) return [];
  const explain = () =>
    `Your ${describeKind(shift.kind)} ends ${formatLondonDateTime(shift.end)}. You need ` +
    `${REST_BETWEEN_SHIFTS_HOURS} hours' rest after work, so the earliest you can start a visit is ` +
    `${formatLondonDateTime(window.end)}.`;
  return [{ rule: 'rest_between_shifts', who: 'visitor', window, explain }];
}

function findRestBefore(shift: TimedShift, visit: Interval): Finding[] {
  const window = { start: shift.start - REST_MS, end: shift.start };
  if (!overlaps(window, visit)) return [];
  const explain = () =>
    `Your ${describeKind(shift.kind)} starts ${formatLondonDateTime(shift.start)}. You need ` +
    `${REST_BETWEEN_SHIFTS_HOURS} hours' rest before work, so a visit would have to end by ` +
    `${formatLondonDateTime(window.start)}.`;
  return [{ rule: 'rest_between_shifts', who: 'visitor', window, explain }];
}

/**
 * rest_between_shifts: the visit falls within 11 hours after a period of work ends or before the
 * next begins. Work the visit overlaps is left to on_duty, and the rest after the last night of a
 * run to rest_after_nights, so one shift gives one reason.
 */
export function checkRestBetweenShifts(context: ClashContext, visit: Interval): Finding[] {
  const near = { start: visit.start - REST_MS, end: visit.end + REST_MS };
  const runEnds = new Set(findOverlapping(context.visitor.nightRunEnds, near));
  return findOverlapping(context.visitor.work, near)
    .filter((shift) => !overlaps(shift, visit))
    .flatMap((shift) => [
      ...(runEnds.has(shift) ? [] : findRestAfter(shift, visit)),
      ...findRestBefore(shift, visit),
    ]);
}
