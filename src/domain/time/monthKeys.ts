import { londonMonthOf } from './londonTime';

/** A London calendar month as documents are filed by it: YYYY-MM. */
export type MonthKey = string;

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** The month `months` after (or before, if negative) a YYYY-MM month; calendar arithmetic only. */
export function addMonths(month: MonthKey, months: number): MonthKey {
  const match = MONTH_KEY.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The London months from the one `before` months ahead of `from`'s to the one `after` months
 * past `to`'s, in order (none if either instant is not a real time or `to` is before `from`).
 */
export function londonMonthsAround(from: number, to: number, before: number, after: number): MonthKey[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  const last = addMonths(londonMonthOf(to), after);
  const months: MonthKey[] = [];
  for (let month = addMonths(londonMonthOf(from), -before); month <= last; month = addMonths(month, 1))
    months.push(month);
  return months;
}
