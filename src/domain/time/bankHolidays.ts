import Holidays from 'date-holidays';
import type { LondonDate } from './londonTime';

/** The UK's three bank-holiday calendars (England and Wales share one). */
export const BANK_HOLIDAY_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type BankHolidayRegion = (typeof BANK_HOLIDAY_REGIONS)[number];
export const DEFAULT_BANK_HOLIDAY_REGION: BankHolidayRegion = 'england-and-wales';

/** Whether a London date is a bank holiday; a Set of YYYY-MM-DD dates is one too. */
export interface BankHolidays {
  has(date: LondonDate): boolean;
}

const SUBDIVISIONS: Readonly<Record<BankHolidayRegion, string>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const calendars = new Map<BankHolidayRegion, BankHolidays>();

/**
 * The bank holidays of a UK region, from the maintained `date-holidays` data: the fixed and
 * Easter holidays for any year, substitute days when one falls at a weekend, and one-off days such
 * as a coronation once the data has them. Each year is worked out once, when first asked.
 */
export function bankHolidaysFor(region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): BankHolidays {
  const known = calendars.get(region);
  if (known) return known;
  const source = new Holidays('GB', SUBDIVISIONS[region]);
  const years = new Map<number, ReadonlySet<string>>();
  const yearOf = (year: number): ReadonlySet<string> => {
    let dates = years.get(year);
    if (!dates) {
      const holidays = source.getHolidays(year) || [];
      dates = new Set(
        holidays.filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)),
      );
      years.set(year, dates);
    }
    return dates;
  };
  const calendar: BankHolidays = {
    has: (date) => {
      const year = Number(date.slice(0, 4));
      return Number.isInteger(year) && yearOf(year).has(date);
    },
  };
  calendars.set(region, calendar);
  return calendar;
}
