import type { Interval } from '../../time/intervals';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';
import { NEIGHBOURHOOD_MS, pictureWorkingTime } from '../workingTime/pictureWorkingTime';
import { checkConsecutiveDays } from './checkConsecutiveDays';
import { checkRestBetweenDays } from './checkRestBetweenDays';
import { checkWeeklyHours } from './checkWeeklyHours';
import { checkWeeklyRest } from './checkWeeklyRest';
import { checkWorkingPeriod } from './checkWorkingPeriod';

/**
 * The visitor's working-time rules, on the working days that result when the visit replaces the
 * part of any shift it overlaps. Only what the visit causes or makes worse is found: a rota that
 * already breaks a rule is not the visitor's clash.
 */
export function checkWorkingTime(context: ClashContext, visit: Interval): Finding[] {
  const near = { start: visit.start - NEIGHBOURHOOD_MS, end: visit.end + NEIGHBOURHOOD_MS };
  const picture = pictureWorkingTime(
    findOverlapping(context.visitor.work, near),
    visit,
    context.visitor.rules,
  );
  return [
    ...checkWorkingPeriod(picture),
    ...checkRestBetweenDays(picture),
    ...checkWeeklyHours(picture),
    ...checkWeeklyRest(picture),
    ...checkConsecutiveDays(picture),
  ];
}
