import { addMonths, londonMonthsAround } from '../../../../src/domain/time/monthKeys';

describe('addMonths', () => {
  it.each([
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -24, '2024-03'],
    ['2026-06', 0, '2026-06'],
    ['2026-01', -13, '2024-12'],
    ['2026-11', 14, '2028-01'],
  ])('%s and %i months is %s', (month, months, expected) => {
    expect(addMonths(month, months)).toBe(expected);
  });

  it('refuses what is not a month', () => {
    expect(() => addMonths('2026-1', 1)).toThrow(RangeError);
  });
});

describe('londonMonthsAround', () => {
  const at = (iso: string) => Date.parse(iso);

  it('lists the London months from the one before the start to the one of the end', () => {
    expect(londonMonthsAround(at('2026-12-10T00:00:00Z'), at('2027-01-20T00:00:00Z'), 1, 0)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
  });

  it('reads months on the London calendar: 23:30 UTC on 31 May is already June in London', () => {
    expect(londonMonthsAround(at('2026-05-31T23:30:00Z'), at('2026-05-31T23:30:00Z'), 0, 0)).toEqual([
      '2026-06',
    ]);
    // In winter London is on UTC: 23:30 UTC on 31 December is still December.
    expect(londonMonthsAround(at('2026-12-31T23:30:00Z'), at('2026-12-31T23:30:00Z'), 0, 0)).toEqual([
      '2026-12',
    ]);
  });

  it('adds months after the end when asked', () => {
    expect(londonMonthsAround(at('2026-03-01T12:00:00Z'), at('2026-03-02T12:00:00Z'), 1, 1)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
  });

  it('gives none for an end before the start or a time that is not one', () => {
    expect(londonMonthsAround(at('2026-05-01T00:00:00Z'), at('2026-02-01T00:00:00Z'), 0, 0)).toEqual([]);
    expect(londonMonthsAround(Number.NaN, at('2026-02-01T00:00:00Z'), 1, 0)).toEqual([]);
    expect(londonMonthsAround(at('2026-02-01T00:00:00Z'), Number.NaN, 1, 0)).toEqual([]);
  });
});
