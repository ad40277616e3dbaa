import fc from 'fast-check';
import { parseIsoInstant, toInstantMs } from '../../../../src/domain/time/instants';

describe('reading instants', () => {
  it.each([
    ['2026-03-03T09:00:00Z', Date.UTC(2026, 2, 3, 9)],
    ['2026-03-03T09:00Z', Date.UTC(2026, 2, 3, 9)],
    ['2026-07-03T10:00:00+01:00', Date.UTC(2026, 6, 3, 9)],
    ['2026-07-03T10:00:00.500+01:00', Date.UTC(2026, 6, 3, 9, 0, 0, 500)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    ['30 February', '2026-02-30T09:00:00Z'],
    ['29 February in a common year', '2027-02-29T09:00:00Z'],
    ['no offset (would be read in the machine zone)', '2026-03-03T09:00:00'],
    ['hour 24', '2026-03-03T24:00:00Z'],
    ['a date only', '2026-03-03'],
    ['words', 'next Tuesday'],
    ['empty', ''],
  ])('refuses %s', (_name, text) => {
    expect(parseIsoInstant(text)).toBeNaN();
    expect(() => toInstantMs(text, 'Visit start')).toThrow(/Visit start is not a valid ISO-8601 instant/);
  });

  it('reads every stored UTC form back to the same instant, with and without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseIsoInstant(iso)).toBe(ms);
        const whole = ms - (ms % 1000);
        expect(parseIsoInstant(`${iso.slice(0, 19)}Z`)).toBe(whole);
      }),
    );
  });

  it.each([
    '2026-03-03T09:60:00Z',
    '2026-03-03T09:00:61Z',
    '2026-00-10T09:00:00Z',
    '2026-03-3aT09:00:00Z',
    '2026/03/03T09:00:00Z',
  ])('refuses the near-miss %s', (text) => expect(parseIsoInstant(text)).toBeNaN());

  it('passes finite epoch milliseconds through and refuses NaN', () => {
    expect(toInstantMs(1_772_528_400_000)).toBe(1_772_528_400_000);
    expect(() => toInstantMs(Number.NaN)).toThrow(RangeError);
  });
});
