import { readWhom } from '../../../../src/domain/requestDialog/readWhom';

describe('readWhom', () => {
  it.each([
    ["I'd like to spend a morning with the discharge team next week", 'discharge team'],
    ['Could I shadow a pharmacist on Tuesday to see how they do medicines reconciliation?', 'pharmacist'],
    ["I'm a physio and would love to spend a day in theatres", 'theatres'],
    ['FY1 here - keen to spend an afternoon with the SALT team', 'SALT team'],
    ['Paramedic in ED - want to see the ambulance control room', 'ambulance control room'],
    ['Technician in pharmacy, would like to see the chemo unit', 'chemo unit'],
    ['Can i shadow a phamacist on wednsday morning', 'pharmacist'],
    ['I want to learn about D2A', 'D2A'],
    ["I'd like to shadow the SALT team in the w/c 4th Jan", 'SALT team'],
    ['Could I observe an anaesthetic list on Monday 14th?', 'anaesthetic list'],
    // How far off the visit is, once its date word is cut, is not part of whom.
    ["I'd like to spend a morning with the discharge team in two weeks", 'discharge team'],
    ['Could I shadow a pharmacist in a couple of weeks?', 'pharmacist'],
    ['I want to spend a day with the district nurses in a fortnight', 'district nurses'],
    ['Can I visit the SALT team within three months', 'SALT team'],
  ])('reads %j as %j', (sentence, what) => {
    expect(readWhom(sentence)).toBe(what);
  });

  it.each([
    "I'd like to do some shadowing",
    'I want to shadow someone next week',
    'Can I sit in on a clinic?',
  ])('finds no one in %j, so the bot asks', (sentence) => {
    expect(readWhom(sentence)).toBeUndefined();
  });

  it('leaves out the words of a setting wish', () => {
    expect(readWhom('Only clinics please - I want to learn about COPD', { ignore: ['Only clinics'] })).toBe(
      'COPD',
    );
  });
});
