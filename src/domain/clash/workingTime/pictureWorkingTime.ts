import { DAY_MS, subtractAll, type Interval } from '../../time/intervals';
import { buildWorkingDays, type WorkingDay } from './workingDays';
import type { WorkingTimeRules } from './workingTimeRules';

/**
 * How far either side of a visit the rota is read: the longest rule looks back 7 days from a
 * working day, and a run of up to 8 days or a stretch without weekly rest can reach further.
 */
export const NEIGHBOURHOOD_MS = 15 * DAY_MS;

/**
 * A person's working time around a visit, without it and with it. A released visit replaces the
 * part of the shift it overlaps and is itself work, so the work with the visit is the union of the
 * two. Only the working day holding the visit can change; every other one is the same in both.
 */
export interface WorkingTimePicture {
  visit: Interval;
  rules: WorkingTimeRules;
  /** The rota alone. */
  before: readonly WorkingDay[];
  /** The rota with the visit. */
  after: readonly WorkingDay[];
  /** Position in `after` of the working day holding the visit. */
  index: number;
  day: WorkingDay;
  /** The rota's working days that the day holding the visit takes in (none if the visit stands alone). */
  absorbed: readonly WorkingDay[];
  /** The visit's time that was not work already: what the visit adds. */
  added: readonly Interval[];
}

/** `work`: the periods of work near the visit (shifts that are work, not on call or leave). */
export function pictureWorkingTime(
  work: readonly Interval[],
  visit: Interval,
  rules: WorkingTimeRules,
): WorkingTimePicture {
  const before = buildWorkingDays(work, rules);
  const after = buildWorkingDays([...work, visit], rules);
  const index = after.findIndex((d) => d.start <= visit.start && visit.end <= d.end);
  const day = after[index] as WorkingDay;
  const absorbed = before.filter((d) => day.start <= d.start && d.end <= day.end);
  return { visit, rules, before, after, index, day, absorbed, added: subtractAll(visit, work) };
}

/** True when the day holding the visit begins earlier than the rota's work in it did. */
export function startsEarlier(picture: WorkingTimePicture): boolean {
  const first = picture.absorbed[0];
  return !first || picture.day.start < first.start;
}

/** True when the day holding the visit ends later than the rota's work in it did. */
export function endsLater(picture: WorkingTimePicture): boolean {
  const last = picture.absorbed[picture.absorbed.length - 1];
  return !last || picture.day.end > last.end;
}
