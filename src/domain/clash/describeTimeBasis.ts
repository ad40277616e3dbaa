import { overlaps, type Interval } from '../time/intervals';
import {
  addDays,
  formatLondonRange,
  formatLondonTime,
  toLondonDate,
  toLondonInstant,
} from '../time/londonTime';
import type { ReleaseEntry } from './clashTypes';
import { findOverlapping } from './intervalIndex';
import type { ClashContext, TimedShift } from './prepareClashContext';
import { describeKind } from './shiftKinds';

/** "08:00-20:30" for a shift within one day, else "Tue 3 Mar, 20:00 to Wed 4 Mar, 08:00". */
function shiftTimes(shift: Interval): string {
  return toLondonDate(shift.start) === toLondonDate(shift.end)
    ? `${formatLondonTime(shift.start)}-${formatLondonTime(shift.end)}`
    : formatLondonRange(shift);
}

function duringShift(shift: TimedShift, release: readonly ReleaseEntry[]): string {
  const rule = release[0]?.rule;
  const during = `during your ${describeKind(shift.kind)}, ${shiftTimes(shift)}`;
  if (rule === 'study_leave') return `on your study leave: your manager will be asked to agree you use it`;
  if (rule === 'training') return `${during}: your manager will be asked to release you; no cover is needed`;
  return `${during}: your manager will be asked to release you`;
}

/**
 * In plain words, when a visit falls for the visitor and whose time it is: "during your long day,
 * 08:00-20:30: your manager will be asked to release you", "on your day off: in your own time".
 */
export function describeTimeBasis(
  context: ClashContext,
  visit: Interval,
  release: readonly ReleaseEntry[],
): string {
  const shift = findOverlapping(context.visitor.release, visit)[0];
  if (shift && release.length > 0) return duringShift(shift, release);
  if (findOverlapping(context.visitor.leave, visit).length > 0)
    return 'on your annual leave: in your own time';
  const date = toLondonDate(visit.start);
  const day = { start: toLondonInstant(date, '00:00'), end: toLondonInstant(addDays(date, 1), '00:00') };
  const work = findOverlapping(context.visitor.work, day).find((s) => overlaps(s, day));
  if (work) return `outside your ${describeKind(work.kind)}, ${shiftTimes(work)}: in your own time`;
  return 'on your day off: in your own time';
}
