import { HOUR_MS } from '../../../../src/domain/time/intervals';
import {
  addDays,
  checkLondonInstant,
  checkLondonWallClock,
  formatLondonDateTime,
  formatLondonMonth,
  formatLondonRange,
  londonMonthInterval,
  londonMonthOf,
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

// Clock changes: 2026 forward Sun 29 Mar, back Sun 25 Oct; 2027 forward Sun 28 Mar, back Sun 31 Oct.
describe('the rule for the nights the clocks change', () => {
  it.each([
    ['2026 winter (GMT)', '2026-03-03', '09:00', '2026-03-03T09:00:00Z'],
    ['2026 summer (BST)', '2026-07-03', '09:00', '2026-07-03T08:00:00Z'],
    ['29 Mar 2026 00:59, before the clocks go forward', '2026-03-29', '00:59', '2026-03-29T00:59:00Z'],
    ['29 Mar 2026 02:00, the first minute after', '2026-03-29', '02:00', '2026-03-29T01:00:00Z'],
    ['29 Mar 2026 03:00', '2026-03-29', '03:00', '2026-03-29T02:00:00Z'],
    ['25 Oct 2026 00:30, before the clocks go back', '2026-10-25', '00:30', '2026-10-24T23:30:00Z'],
    ['25 Oct 2026 01:00, repeated: the first (BST) one', '2026-10-25', '01:00', '2026-10-25T00:00:00Z'],
    ['25 Oct 2026 01:30, repeated: the first (BST) one', '2026-10-25', '01:30', '2026-10-25T00:30:00Z'],
    ['25 Oct 2026 01:59, repeated: the first (BST) one', '2026-10-25', '01:59', '2026-10-25T00:59:00Z'],
    ['25 Oct 2026 02:00, after the repeated hour', '2026-10-25', '02:00', '2026-10-25T02:00:00Z'],
    ['28 Mar 2027 00:30, before the clocks go forward', '2027-03-28', '00:30', '2027-03-28T00:30:00Z'],
    ['28 Mar 2027 02:00, the first minute after', '2027-03-28', '02:00', '2027-03-28T01:00:00Z'],
    ['31 Oct 2027 00:59, before the clocks go back', '2027-10-31', '00:59', '2027-10-30T23:59:00Z'],
    ['31 Oct 2027 01:30, repeated: the first (BST) one', '2027-10-31', '01:30', '2027-10-31T00:30:00Z'],
    ['31 Oct 2027 02:00, after the repeated hour', '2027-10-31', '02:00', '2027-10-31T02:00:00Z'],
    ['the Sunday before the 2026 change is not special', '2026-03-22', '01:30', '2026-03-22T01:30:00Z'],
    ['the Sunday after the 2027 change is not special', '2027-11-07', '01:30', '2027-11-07T01:30:00Z'],
  ])('%s', (_name, date, time, expected) => {
    expect(checkLondonInstant(date, time)).toEqual({ ok: true, instant: utc(expected) });
    expect(toLondonInstant(date, time)).toBe(utc(expected));
  });

  it.each([
    ['29 Mar 2026 01:00', '2026-03-29', '01:00', 'Sun 29 Mar 2026'],
    ['29 Mar 2026 01:30', '2026-03-29', '01:30', 'Sun 29 Mar 2026'],
    ['29 Mar 2026 01:59', '2026-03-29', '01:59', 'Sun 29 Mar 2026'],
    ['28 Mar 2027 01:00', '2027-03-28', '01:00', 'Sun 28 Mar 2027'],
    ['28 Mar 2027 01:45', '2027-03-28', '01:45', 'Sun 28 Mar 2027'],
  ])('refuses %s, skipped when the clocks go forward, saying what to use', (_name, date, time, day) => {
    const problem =
      `${time} on ${day} does not exist in UK time: the clocks go forward from 01:00 to 02:00 ` +
      'that night. Please use a time before 01:00 or from 02:00.';
    expect(checkLondonInstant(date, time)).toEqual({ ok: false, problem });
    expect(() => toLondonInstant(date, time)).toThrow(new RangeError(problem));
  });

  it('reads checked parts by the same rule', () => {
    expect(checkLondonWallClock({ year: 2027, month: 10, day: 31 }, { hour: 1, minute: 30 })).toEqual({
      ok: true,
      instant: utc('2027-10-31T00:30:00Z'),
    });
    expect(checkLondonWallClock({ year: 2027, month: 3, day: 28 }, { hour: 1, minute: 30 }).ok).toBe(false);
  });

  it('gives every repeated-hour time its BST instant, which reads back as the same wall clock', () => {
    for (const date of ['2026-10-25', '2027-10-31']) {
      for (let minute = 0; minute < 60; minute += 1) {
        const time = `01:${String(minute).padStart(2, '0')}`;
        const instant = toLondonInstant(date, time);
        expect(toLondonIso(instant)).toBe(`${date}T${time}:00+01:00`);
      }
    }
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

  it('adds days and names weekdays as the calendar does, for every day of years either side of a leap year', () => {
    const DAY = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2029, 0, 1); ms += DAY) {
      const date = iso(ms);
      expect(weekdayOf(date)).toBe(names[new Date(ms).getUTCDay()]);
      for (const days of [-400, -31, -1, 0, 1, 28, 366])
        expect(addDays(date, days)).toBe(iso(ms + days * DAY));
    }
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-04-00',
    '2026-4-01',
    '2026-04-1',
    '2026/04/01',
    '20260401',
    ' 2026-04-01',
    '2026-04-01 ',
    '2026-04-01\n',
    '２０２６-04-01',
    '2026-0a-01',
    '',
  ])('refuses %j as a date', (date) => {
    expect(() => addDays(date, 1)).toThrow(new RangeError(`Not a real calendar date (YYYY-MM-DD): ${date}`));
    expect(() => weekdayOf(date)).toThrow(RangeError);
    expect(() => toLondonInstant(date, '09:00')).toThrow(RangeError);
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

  it('files an instant under its London month (YYYY-MM)', () => {
    expect(londonMonthOf(utc('2026-03-31T23:30:00Z'))).toBe('2026-04');
    expect(londonMonthOf(utc('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(londonMonthOf(utc('2027-05-31T23:00:00Z'))).toBe('2027-06');
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
