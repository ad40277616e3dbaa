import { bankHolidaysFor, type BankHolidayRegion } from '../../../../src/domain/time/bankHolidays';
import { dueActions } from '../../../../src/domain/workflow/dueReminders';
import { workingDaysBetween } from '../../../../src/domain/workflow/workingDays';
import type { ShadowingRequest } from '../../../../src/domain/requests';

/** Every day of a year that is a bank holiday in the region. */
function holidaysIn(region: BankHolidayRegion, year: number): string[] {
  const calendar = bankHolidaysFor(region);
  const days: string[] = [];
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (calendar.has(date)) days.push(date);
  }
  return days;
}

// Checked against the rules gov.uk publishes: Easter from the calendar, first and last Mondays of
// May, the summer holiday (last Monday of August; first in Scotland), and a substitute weekday
// when a holiday falls at a weekend.
describe('bank holidays, beyond any hand-written list', () => {
  it.each([
    [
      'england-and-wales',
      2029,
      [
        '2029-01-01',
        '2029-03-30',
        '2029-04-02',
        '2029-05-07',
        '2029-05-28',
        '2029-08-27',
        '2029-12-25',
        '2029-12-26',
      ],
    ],
    [
      'england-and-wales',
      2032,
      [
        '2032-01-01',
        '2032-03-26',
        '2032-03-29',
        '2032-05-03',
        '2032-05-31',
        '2032-08-30',
        '2032-12-25',
        '2032-12-26',
        '2032-12-27',
        '2032-12-28',
      ],
    ],
    [
      'england-and-wales',
      2040,
      [
        '2040-01-01',
        '2040-01-02',
        '2040-03-30',
        '2040-04-02',
        '2040-05-07',
        '2040-05-28',
        '2040-08-27',
        '2040-12-25',
        '2040-12-26',
      ],
    ],
    [
      'scotland',
      2030,
      [
        '2030-01-01',
        '2030-01-02',
        '2030-04-19',
        '2030-05-06',
        '2030-05-27',
        '2030-08-05',
        '2030-11-30',
        '2030-12-02',
        '2030-12-25',
        '2030-12-26',
      ],
    ],
    [
      'northern-ireland',
      2031,
      [
        '2031-01-01',
        '2031-03-17',
        '2031-04-11',
        '2031-04-14',
        '2031-05-05',
        '2031-05-26',
        '2031-07-12',
        '2031-07-14',
        '2031-08-25',
        '2031-12-25',
        '2031-12-26',
      ],
    ],
  ] as const)('%s %i', (region, year, expected) => {
    expect(holidaysIn(region, year)).toEqual(expected);
  });

  it('knows the one-off days, such as the coronation in 2023', () => {
    expect(bankHolidaysFor().has('2023-05-08')).toBe(true);
    expect(bankHolidaysFor('scotland').has('2022-09-19')).toBe(true);
  });

  it('has no Easter Monday in Scotland and no St Andrew’s Day in England', () => {
    expect(bankHolidaysFor('scotland').has('2029-04-02')).toBe(false);
    expect(bankHolidaysFor('england-and-wales').has('2029-11-30')).toBe(false);
  });

  it('counts nothing that is not a date as a holiday', () => {
    expect(bankHolidaysFor().has('not a date')).toBe(false);
    expect(bankHolidaysFor().has('')).toBe(false);
  });
});

describe('working days by region, after 2028', () => {
  it.each([
    // Fri 29 Dec 2028 to Wed 3 Jan 2029: Mon 1 Jan is a holiday everywhere, Tue 2 Jan in Scotland only.
    ['england-and-wales', '2028-12-29T09:00:00Z', '2029-01-03T09:00:00Z', 2],
    ['scotland', '2028-12-29T09:00:00Z', '2029-01-03T09:00:00Z', 1],
    // Sat 12 Jul 2031 is Northern Ireland's holiday: Mon 14 Jul is its substitute day.
    ['northern-ireland', '2031-07-11T09:00:00Z', '2031-07-16T09:00:00Z', 2],
    ['england-and-wales', '2031-07-11T09:00:00Z', '2031-07-16T09:00:00Z', 3],
    // Christmas 2032 falls at a weekend: Mon 27 and Tue 28 Dec are the substitute days.
    ['england-and-wales', '2032-12-24T09:00:00Z', '2032-12-31T09:00:00Z', 3],
  ] as const)('%s from %s to %s: %i', (region, from, to, expected) => {
    expect(workingDaysBetween(new Date(from), new Date(to), bankHolidaysFor(region))).toBe(expected);
  });

  it('reminds a manager after 2 working days of the region, skipping its bank holidays', () => {
    const sentFriday = '2028-12-29T09:00:00Z';
    const asked: ShadowingRequest = {
      id: 'r1',
      visitorId: 'v',
      managerId: 'm',
      hostId: 'h',
      state: 'awaiting_manager',
      purpose: 'p',
      objectives: ['o'],
      start: '2029-01-22T09:00:00Z',
      end: '2029-01-22T13:00:00Z',
      history: [{ from: 'draft', to: 'awaiting_manager', by: 'v', at: sentFriday }],
      createdAt: sentFriday,
      updatedAt: sentFriday,
    };
    const wednesday = new Date('2029-01-03T09:00:00Z');
    const kinds = (region: BankHolidayRegion) =>
      dueActions(asked, wednesday, bankHolidaysFor(region)).map((action) => action.kind);
    expect(kinds('england-and-wales')).toEqual(['remind']);
    expect(kinds('scotland')).toEqual([]);
    expect(kinds('northern-ireland')).toEqual(['remind']);
  });
});
