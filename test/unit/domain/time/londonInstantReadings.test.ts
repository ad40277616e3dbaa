import { addDays, checkLondonInstant, checkLondonWallClock } from '../../../../src/domain/time/londonTime';

/** The reading worked out afresh, without anything remembered. */
function afresh(date: string, time: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return checkLondonWallClock({ year, month, day }, { hour, minute });
}

/** Every date from `first` for `count` days. */
function datesFrom(first: string, count: number): string[] {
  const dates = [first];
  while (dates.length < count) dates.push(addDays(dates[dates.length - 1] as string, 1));
  return dates;
}

// Readings are remembered by date and then by time: these check that what is remembered is always
// the reading of that date and time, asked once or again, and after more than are ever kept.
describe('London instants as remembered', () => {
  const times = ['00:00', '01:30', '06:00', '09:00', '13:00', '17:00', '23:00', '23:59'];

  it('gives each date and time its own reading, the first time and every time after', () => {
    const dates = datesFrom('2026-01-01', 800);
    for (let round = 0; round < 2; round += 1)
      for (const date of dates)
        for (const time of times) expect(checkLondonInstant(date, time)).toEqual(afresh(date, time));
  });

  it('stays right past the number of readings it keeps (20,000), when it starts again', () => {
    const dates = datesFrom('2030-01-01', 2_600);
    for (const date of dates) for (const time of times) checkLondonInstant(date, time);
    for (const date of [...dates.slice(0, 40), ...dates.slice(-40)])
      for (const time of times) expect(checkLondonInstant(date, time)).toEqual(afresh(date, time));
  });

  it('tells the skipped hour every time it is asked, and refuses malformed text every time', () => {
    for (let round = 0; round < 2; round += 1) {
      const skipped = checkLondonInstant('2026-03-29', '01:30');
      expect(skipped.ok).toBe(false);
      expect(skipped).toEqual(afresh('2026-03-29', '01:30'));
      expect(() => checkLondonInstant('2026-02-30', '09:00')).toThrow(RangeError);
      expect(() => checkLondonInstant('2026-03-03', '9:00')).toThrow(RangeError);
    }
  });
});
