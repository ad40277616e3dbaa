import { parseWhen } from '../../../../src/domain/requestDialog/parseWhen';
import { editDistance } from '../../../../src/domain/text/editDistance';

// Thursday 3 December 2026, 10:00 in London.
const NOW = new Date('2026-12-03T10:00:00Z');

describe('parseWhen, British phrases', () => {
  it.each([
    ['w/c 14th', { from: '2026-12-14', to: '2026-12-20' }],
    ['wk commencing 11th Jan', { from: '2027-01-11', to: '2027-01-17' }],
    ['the week of the 14th', { from: '2026-12-14', to: '2026-12-20' }],
    ['after Christmas', { from: '2026-12-27', to: '2027-01-31' }],
    ['before xmas', { from: '2026-12-03', to: '2026-12-24' }],
    ['between Christmas and New Year', { from: '2026-12-27', to: '2026-12-31' }],
    ['sometime in the new year', { from: '2027-01-01', to: '2027-01-31' }],
    ['in January', { from: '2027-01-01', to: '2027-01-31' }],
    ['in Feb', { from: '2027-02-01', to: '2027-02-28' }],
    ['any Thursday in January', { from: '2027-01-01', to: '2027-01-31', weekdays: ['thu'] }],
    ['Tuesday or Thursday next week', { from: '2026-12-07', to: '2026-12-13', weekdays: ['tue', 'thu'] }],
    ['Tuesday next week', { from: '2026-12-08', to: '2026-12-08' }],
    ['mid January', { from: '2027-01-11', to: '2027-01-20' }],
    ['early Jan', { from: '2027-01-01', to: '2027-01-10' }],
    ['end of January', { from: '2027-01-21', to: '2027-01-31' }],
    ['this month', { from: '2026-12-03', to: '2026-12-31' }],
    ['in a fortnight', { from: '2026-12-14', to: '2026-12-20' }],
    ['thurs', { from: '2026-12-10', to: '2026-12-10' }],
    ['this Friday', { from: '2026-12-04', to: '2026-12-04' }],
    ['next Thursday', { from: '2026-12-10', to: '2026-12-10' }],
    ['on the 22nd', { from: '2026-12-22', to: '2026-12-22' }],
    ['the 2nd', { from: '2027-01-02', to: '2027-01-02' }],
    ['Monday 14th', { from: '2026-12-14', to: '2026-12-14' }],
    ['17/12', { from: '2026-12-17', to: '2026-12-17' }],
    ['9th dec', { from: '2026-12-09', to: '2026-12-09' }],
    ['January 12th', { from: '2027-01-12', to: '2027-01-12' }],
    ['tomorow', { from: '2026-12-04', to: '2026-12-04' }],
    ['wednsday', { from: '2026-12-09', to: '2026-12-09' }],
    ['in januray', { from: '2027-01-01', to: '2027-01-31' }],
  ])('reads %j', (text, window) => {
    expect(parseWhen(text, NOW)).toMatchObject({ ok: true, window });
  });

  it.each([
    ['may I shadow the ICU?'],
    ['it may be possible'],
    ['a day with the paramedics'],
    ['ward 12, bay 3'],
    ['I sat in on a clinic once'],
    ['the 2 of us'],
    // Romanian for "Tuesday" and "next Tuesday": "mar" followed by a letter outside English's alphabet is no month.
    ['marți dimineața'],
    ['marțea viitoare'],
  ])('finds no date in %j', (text) => {
    expect(parseWhen(text, NOW)).toMatchObject({ ok: false, found: false });
  });

  it.each([
    ['last Tuesday', /has passed/],
    ['yesterday', /has passed/],
    ['31st November', /31 November is not a real date/],
  ])('refuses %j, saying why, as a date that was named', (text, reason) => {
    expect(parseWhen(text, NOW)).toMatchObject({
      ok: false,
      found: true,
      reason: expect.stringMatching(reason),
    });
  });

  // Days ruled out are never read as the day wanted; with no week or month named, the wish
  // spreads over the four weeks from tomorrow (4 to 31 December here).
  it.each([
    [
      'any weekday but not Mondays',
      { from: '2026-12-04', to: '2026-12-31', weekdays: ['tue', 'wed', 'thu', 'fri'] },
    ],
    [
      'any day except Fridays',
      { from: '2026-12-04', to: '2026-12-31', weekdays: ['mon', 'tue', 'wed', 'thu', 'sat', 'sun'] },
    ],
    [
      'any day but Tuesday',
      { from: '2026-12-04', to: '2026-12-31', weekdays: ['mon', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    ],
    ['weekdays', { from: '2026-12-04', to: '2026-12-31', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
    ['not weekends', { from: '2026-12-04', to: '2026-12-31', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
    [
      'I cannot do Mondays or Fridays',
      { from: '2026-12-04', to: '2026-12-31', weekdays: ['tue', 'wed', 'thu', 'sat', 'sun'] },
    ],
    [
      'Mondays are no good',
      { from: '2026-12-04', to: '2026-12-31', weekdays: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    ],
    [
      "Fridays don't work for me, any weekday",
      { from: '2026-12-04', to: '2026-12-31', weekdays: ['mon', 'tue', 'wed', 'thu'] },
    ],
    [
      'next week but not Monday',
      { from: '2026-12-07', to: '2026-12-13', weekdays: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    ],
    [
      'I am not free on Mondays but next week works',
      { from: '2026-12-07', to: '2026-12-13', weekdays: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    ],
    [
      'any weekday next week',
      { from: '2026-12-07', to: '2026-12-13', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    ],
    [
      'no Mondays please, any day in January',
      { from: '2027-01-01', to: '2027-01-31', weekdays: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    ],
    ['Tuesday, not Monday', { from: '2026-12-08', to: '2026-12-08' }],
  ])('reads the days ruled out in %j', (text, window) => {
    expect(parseWhen(text, NOW)).toEqual({ ok: true, window });
  });

  it.each([
    ['next month'],
    ['no month suits me better than January'],
    ['monthly'],
    ['sometime next month, not monthly'],
  ])('finds no weekday in %j', (text) => {
    const result = parseWhen(text, NOW);
    expect(result.ok && result.window.weekdays).toBeFalsy();
  });

  it('reads "next Tuesday" on a Monday as the Tuesday of next week', () => {
    expect(parseWhen('next Tuesday', new Date('2026-12-07T10:00:00Z'))).toMatchObject({
      window: { from: '2026-12-15', to: '2026-12-15' },
    });
  });

  it('counts a swap of two letters as one slip', () => {
    expect(editDistance('januray', 'january')).toBe(1);
    expect(editDistance('wensday', 'wednesday')).toBe(2);
  });
});
