import { readPurpose } from '../../../../src/domain/requestDialog/readPurpose';

describe('readPurpose', () => {
  it.each([
    [
      'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team next week?',
      'To learn how complex discharges are planned',
      ['Learn how complex discharges are planned'],
    ],
    [
      'Could I shadow a pharmacist to see a board round and learn how a discharge is planned',
      'To see a board round and learn how a discharge is planned',
      ['See a board round', 'Learn how a discharge is planned'],
    ],
    [
      'Can I spend an afternoon with SALT because I never know when to refer for a swallow assessment',
      'I never know when to refer for a swallow assessment',
      [],
    ],
    ['Shadow the OTs so that I can plan discharges better', 'So that I can plan discharges better', []],
    [
      'Could I join a board round? I want to know how decisions are made',
      'To know how decisions are made',
      ['Know how decisions are made'],
    ],
    [
      "Can I see the eye clinic? I'm a practice nurse and get lots of questions about cataracts.",
      'Get lots of questions about cataracts',
      [],
    ],
    [
      'Could I watch a trust board meeting? I’m doing a leadership course.',
      "I'm doing a leadership course",
      [],
    ],
  ])('reads why and what to learn from %j', (sentence, purpose, objectives) => {
    const read = readPurpose(sentence);
    expect(read.purpose).toBe(purpose);
    expect(read.objectives ?? []).toEqual(objectives);
  });

  it.each([
    "I'd like to spend a morning with the discharge team next week",
    "I'd like to see the dialysis unit",
    'Would love to see the respiratory clinic but only if it is outpatients',
    "I'm a PM in cancer services and want to see the chemo day unit",
    'new request',
    '',
  ])('finds no purpose in %j: seeing a place is the visit, not the reason', (sentence) => {
    expect(readPurpose(sentence)).toEqual({});
  });

  it('keeps hostile text as data and stays quick on 5,000 characters', () => {
    const long = `to learn ${'<b>x</b> '.repeat(600)}`;
    expect(readPurpose(long).purpose?.startsWith('To learn <b>x</b>')).toBe(true);
  });
});
