import { HOUR_MS } from '../../../../src/domain/time/intervals';
import {
  addDays,
  formatLondonDateTime,
  formatLondonMonth,
  formatLondonRange,
  londonMonthInterval,
  londonSessionInterval,
  londonWeekInterval,
  SESSION_TIMES,
  startOfLondonDay,
  toLondonDate,
  toLondonInstant,
  toLondonIso,
  weekdayOf,
} from '../../../../src/domain/time/londonTime';

const utc = (iso: string) => Date.parse(iso);

describe('London wall clock to UTC instant', () => {
  it.each([
    ['winter (GMT)', '2026-03-03', '09:00', '2026-03-03T09:00:00Z'],
    ['summer (BST)', '2026-07-03', '09:00', '2026-07-03T08:00:00Z'],
    ['29 Mar 2026 before the clocks go forward', '2026-03-29', '00:30', '2026-03-29T00:30:00Z'],
    ['29 Mar 2026 after the clocks go forward', '2026-03-29', '03:00', '2026-03-29T02:00:00Z'],
    ['29 Mar 2026 01:30 does not exist: moved on an hour', '2026-03-29', '01:30', '2026-03-29T01:30:00Z'],
    ['25 Oct 2026 before the clocks go back', '2026-10-25', '00:30', '2026-10-24T23:30:00Z'],
    ['25 Oct 2026 01:30 happens twice: the GMT one', '2026-10-25', '01:30', '2026-10-25T01:30:00Z'],
    ['25 Oct 2026 after the clocks go back', '2026-10-25', '03:00', '2026-10-25T03:00:00Z'],
  ])('%s', (_name, date, time, expected) => {
    expect(toLondonInstant(date, time)).toBe(utc(expected));
  });

  it.each([
    ['the night the clocks go forward is 11 hours', '2026-03-28', '2026-03-29', 11],
    ['the night the clocks go back is 13 hours', '2026-10-24', '2026-10-25', 13],
    ['an ordinary night is 12 hours', '2026-03-03', '2026-03-04', 12],
  ])('a 20:00-08:00 night: %s', (_name, startDate, endDate, hours) => {
    const length = toLondonInstant(endDate, '08:00') - toLondonInstant(startDate, '20:00');
    expect(length / HOUR_MS).toBe(hours);
  });

  it.each([
    ['30 February', '2026-02-30', '09:00'],
    ['month 13', '2026-13-01', '09:00'],
    ['hour 25', '2026-03-03', '25:00'],
    ['no leading zero', '2026-03-03', '9:00'],
    ['not a date', 'next Tuesday', '09:00'],
  ])('refuses %s', (_name, date, time) => {
    expect(() => toLondonInstant(date, time)).toThrow(RangeError);
  });
});

describe('London days, weeks and months', () => {
  it('gives the London date, which can differ from the UTC date in summer', () => {
    expect(toLondonDate(utc('2026-07-03T23:30:00Z'))).toBe('2026-07-04');
    expect(toLondonDate(utc('2026-01-03T23:30:00Z'))).toBe('2026-01-03');
  });

  it.each([
    ['the 23-hour day the clocks go forward', '2026-03-29T12:00:00Z', '2026-03-29T00:00:00Z', 23],
    ['the 25-hour day the clocks go back', '2026-10-25T12:00:00Z', '2026-10-24T23:00:00Z', 25],
  ])('start of day on %s', (_name, instant, expectedStart, hours) => {
    const start = startOfLondonDay(utc(instant));
    expect(start).toBe(utc(expectedStart));
    expect((startOfLondonDay(start + 26 * HOUR_MS) - start) / HOUR_MS).toBe(hours);
  });

  it('adds days across month and year ends, and names weekdays', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-03-03')).toBe('tue');
    expect(weekdayOf('2026-03-29')).toBe('sun');
  });

  it('places sessions by London wall clock on either side of a clock change', () => {
    expect(SESSION_TIMES.am).toEqual({ start: '09:00', end: '13:00' });
    expect(SESSION_TIMES.pm).toEqual({ start: '13:00', end: '17:00' });
    expect(SESSION_TIMES.full_day).toEqual({ start: '09:00', end: '17:00' });
    expect(londonSessionInterval('2026-03-27', 'am')).toEqual({
      start: utc('2026-03-27T09:00:00Z'),
      end: utc('2026-03-27T13:00:00Z'),
    });
    expect(londonSessionInterval('2026-03-30', 'full_day')).toEqual({
      start: utc('2026-03-30T08:00:00Z'),
      end: utc('2026-03-30T16:00:00Z'),
    });
  });

  it('gives the London ISO week, 167 hours long when the clocks go forward', () => {
    const week = londonWeekInterval(utc('2026-03-29T22:30:00Z')); // Sun 29 Mar, 23:30 BST
    expect(week).toEqual({ start: utc('2026-03-23T00:00:00Z'), end: utc('2026-03-29T23:00:00Z') });
    expect(londonWeekInterval(utc('2026-03-29T23:00:00Z')).start).toBe(week.end);
  });

  it('gives the London month, even when the UTC month differs', () => {
    expect(londonMonthInterval(utc('2026-03-31T23:30:00Z'))).toEqual({
      start: utc('2026-03-31T23:00:00Z'),
      end: utc('2026-04-30T23:00:00Z'),
    });
    expect(londonMonthInterval(utc('2026-10-31T23:30:00Z'))).toEqual({
      start: utc('2026-09-30T23:00:00Z'),
      end: utc('2026-11-01T00:00:00Z'),
    });
  });
});

describe('showing London times', () => {
  it.each([
    ['winter', '2026-03-03T09:00:00Z', '2026-03-03T09:00:00+00:00'],
    ['summer', '2026-07-03T09:00:00Z', '2026-07-03T10:00:00+01:00'],
    ['with milliseconds', '2026-07-03T09:00:00.250Z', '2026-07-03T10:00:00.250+01:00'],
    ['just before the clocks go back', '2026-10-25T00:59:00Z', '2026-10-25T01:59:00+01:00'],
    ['just after the clocks go back', '2026-10-25T01:00:00Z', '2026-10-25T01:00:00+00:00'],
  ])('ISO-8601 with the London offset: %s', (_name, instant, expected) => {
    expect(toLondonIso(utc(instant))).toBe(expected);
    expect(Date.parse(expected)).toBe(utc(instant));
  });

  it('formats a session on one day, and a night across midnight, in 24-hour en-GB', () => {
    const am = londonSessionInterval('2026-03-03', 'am');
    expect(formatLondonRange(am)).toBe('Tue 3 Mar, 09:00-13:00');
    const night = {
      start: toLondonInstant('2026-10-24', '20:00'),
      end: toLondonInstant('2026-10-25', '08:00'),
    };
    expect(formatLondonRange(night)).toBe('Sat 24 Oct, 20:00 to Sun 25 Oct, 08:00');
    expect(formatLondonDateTime(utc('2026-09-08T16:05:00Z'))).toBe('Tue 8 Sep, 17:05');
    expect(formatLondonMonth(utc('2026-03-31T23:30:00Z'))).toBe('April 2026');
  });
});
