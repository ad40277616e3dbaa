import { digestDueAt, isoWeekOf, parseIsoWeek, weekBefore } from '../../../../src/domain/digest/isoWeek';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('ISO weeks in Europe/London', () => {
  it.each([
    ['a Monday just after midnight in winter', '2026-01-05T00:00:00Z', '2026-W02'],
    ['the Sunday before it, one minute to midnight', '2026-01-04T23:59:00Z', '2026-W01'],
    ["new year's day 2026, a Thursday", '2026-01-01T12:00:00Z', '2026-W01'],
    ['29 December 2025, already in the next ISO year', '2025-12-29T09:00:00Z', '2026-W01'],
    ['31 December 2026, in week 53', '2026-12-31T09:00:00Z', '2026-W53'],
    ["new year's day 2027, still in 2026-W53", '2027-01-01T09:00:00Z', '2026-W53'],
    ['3 January 2027, the last day of 2026-W53', '2027-01-03T23:30:00Z', '2026-W53'],
    ['4 January 2027', '2027-01-04T00:00:00Z', '2027-W01'],
    ['3 January 2021, in 2020-W53', '2021-01-03T12:00:00Z', '2020-W53'],
    ['Sunday 23:30 in summer (22:30 UTC) belongs to that week', '2026-06-07T22:30:00Z', '2026-W23'],
    ['Monday 00:30 in summer (Sunday 23:30 UTC) belongs to the next', '2026-06-07T23:30:00Z', '2026-W24'],
  ])('%s', (_name, instant, label) => {
    expect(isoWeekOf(at(instant)).label).toBe(label);
  });

  it('reads a week label, and refuses weeks that do not exist', () => {
    expect(parseIsoWeek('2026-W53')?.start).toBe(at('2026-12-28T00:00:00Z'));
    expect(parseIsoWeek('2026-w02')?.label).toBe('2026-W02');
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-02', 'W02-2026', ''])
      expect(parseIsoWeek(bad)).toBeUndefined();
  });

  it('the week the clocks go forward is 167 hours long and starts at midnight GMT', () => {
    const week = parseIsoWeek('2026-W13');
    expect(week?.start).toBe(at('2026-03-23T00:00:00Z'));
    expect(week?.end).toBe(at('2026-03-29T23:00:00Z'));
    expect(((week?.end ?? 0) - (week?.start ?? 0)) / HOUR).toBe(167);
  });

  it('the week the clocks go back is 169 hours long and starts at midnight BST', () => {
    const week = parseIsoWeek('2026-W43');
    expect(week?.start).toBe(at('2026-10-18T23:00:00Z'));
    expect(week?.end).toBe(at('2026-10-26T00:00:00Z'));
    expect(((week?.end ?? 0) - (week?.start ?? 0)) / HOUR).toBe(169);
  });

  it('the digest is due at 08:00 London, whatever the season', () => {
    expect(new Date(digestDueAt(parseIsoWeek('2026-W02')!)).toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(new Date(digestDueAt(parseIsoWeek('2026-W14')!)).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(new Date(digestDueAt(parseIsoWeek('2026-W44')!)).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('the digest day and time can be set', () => {
    const due = digestDueAt(parseIsoWeek('2026-W14')!, { weekday: 'fri', time: '16:30' });
    expect(new Date(due).toISOString()).toBe('2026-04-03T15:30:00.000Z');
  });

  it('steps back across the new year and week 53', () => {
    const first = parseIsoWeek('2027-W01')!;
    expect(weekBefore(first).label).toBe('2026-W53');
    expect(weekBefore(first, 2).label).toBe('2026-W52');
    expect(weekBefore(parseIsoWeek('2026-W53')!, -1).label).toBe('2027-W01');
  });
});
