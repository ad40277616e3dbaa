import { DateTime } from 'luxon';
import { bankHolidaysFor, DEFAULT_BANK_HOLIDAY_REGION, type BankHolidays } from '../time/bankHolidays';
import { LONDON } from '../time/formatVisit';

/**
 * Working days (Monday to Friday, Europe/London, not a bank holiday: England and Wales's unless
 * another region's are given) that have passed since `from`. Each later working day counts once
 * its clock has reached the time of day `from` had: sent Friday 15:00, it is 1 working day at
 * Monday 15:00, or Tuesday 15:00 after a bank holiday.
 */
export function workingDaysBetween(
  from: Date,
  to: Date,
  holidays: BankHolidays | readonly string[] = bankHolidaysFor(DEFAULT_BANK_HOLIDAY_REGION),
): number {
  const holidaySet: BankHolidays = isDateList(holidays) ? new Set(holidays) : holidays;
  const start = DateTime.fromJSDate(from, { zone: LONDON });
  const end = DateTime.fromJSDate(to, { zone: LONDON });
  let count = 0;
  for (let day = start.plus({ days: 1 }).startOf('day'); day <= end; day = day.plus({ days: 1 })) {
    if (isWorkingDay(day, holidaySet) && day.plus({ hours: start.hour, minutes: start.minute }) <= end)
      count += 1;
  }
  return count;
}

function isDateList(holidays: BankHolidays | readonly string[]): holidays is readonly string[] {
  return Array.isArray(holidays);
}

function isWorkingDay(day: DateTime, holidays: BankHolidays): boolean {
  return day.weekday <= 5 && !holidays.has(day.toISODate() as string);
}
