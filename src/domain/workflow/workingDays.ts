import { DateTime } from 'luxon';
import { LONDON } from '../time/formatVisit';

/** England and Wales bank holidays (gov.uk), used unless the trust configures its own list. */
export const ENGLAND_BANK_HOLIDAYS: readonly string[] = [
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
];

/**
 * Working days (Monday to Friday, not a bank holiday, Europe/London) that have passed since
 * `from`. Each later working day counts once its clock has reached the time of day `from` had:
 * sent Friday 15:00, it is 1 working day at Monday 15:00, or Tuesday 15:00 after a bank holiday.
 */
export function workingDaysBetween(
  from: Date,
  to: Date,
  holidays: readonly string[] = ENGLAND_BANK_HOLIDAYS,
): number {
  const holidaySet = new Set(holidays);
  const start = DateTime.fromJSDate(from, { zone: LONDON });
  const end = DateTime.fromJSDate(to, { zone: LONDON });
  let count = 0;
  for (let day = start.plus({ days: 1 }).startOf('day'); day <= end; day = day.plus({ days: 1 })) {
    if (isWorkingDay(day, holidaySet) && day.plus({ hours: start.hour, minutes: start.minute }) <= end)
      count += 1;
  }
  return count;
}

function isWorkingDay(day: DateTime, holidays: ReadonlySet<string>): boolean {
  return day.weekday <= 5 && !holidays.has(day.toISODate() as string);
}
