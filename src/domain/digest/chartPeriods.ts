import { DateTime } from 'luxon';
import { LONDON } from '../time/formatVisit';
import { formatLondonDate } from '../time/londonTime';
import { isoWeekOf, weekBefore, type IsoWeek } from './isoWeek';
import type { Period } from './measureFigures';
import type { LabelledPeriod } from './summariseOrganisation';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Bars a chart may have before weeks give way to months. */
export const MAX_WEEKLY_BARS = 13;

/** The `count` full weeks before `week`, oldest first, each labelled "w/c 5 Jan". */
export function weeksBefore(week: IsoWeek, count: number): LabelledPeriod[] {
  const weeks: LabelledPeriod[] = [];
  for (let back = count; back >= 1; back -= 1) weeks.push(labelWeek(weekBefore(week, back)));
  return weeks;
}

/**
 * Bars for a report's period: one per ISO week it touches (clipped to the period), or one per
 * calendar month when that would be more than 13 bars.
 */
export function barsFor(period: Period): LabelledPeriod[] {
  const weeks: LabelledPeriod[] = [];
  for (let week = isoWeekOf(period.start); week.start < period.end; week = weekBefore(week, -1)) {
    weeks.push({ label: labelWeek(week).label, period: clip(week, period) });
  }
  return weeks.length <= MAX_WEEKLY_BARS ? weeks : monthsOf(period);
}

function monthsOf(period: Period): LabelledPeriod[] {
  const months: LabelledPeriod[] = [];
  for (
    let month = DateTime.fromMillis(period.start, { zone: LONDON }).startOf('month');
    month.toMillis() < period.end;
    month = month.plus({ months: 1 })
  ) {
    const span = { start: month.toMillis(), end: month.plus({ months: 1 }).toMillis() };
    months.push({ label: `${MONTHS[month.month - 1]} ${month.year}`, period: clip(span, period) });
  }
  return months;
}

function labelWeek(week: IsoWeek): LabelledPeriod {
  return {
    label: `w/c ${formatLondonDate(week.start).slice(4)}`,
    period: { start: week.start, end: week.end },
  };
}

function clip(span: Period, period: Period): Period {
  return { start: Math.max(span.start, period.start), end: Math.min(span.end, period.end) };
}
