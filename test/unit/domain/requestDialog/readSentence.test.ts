import { readSentence } from '../../../../src/domain/requestDialog/readSentence';

const NOW = new Date('2026-11-22T10:00:00Z');

describe('readSentence', () => {
  it.each([
    [
      "I'd like to spend a morning with the discharge team next week",
      { what: 'discharge team', window: { from: '2026-11-23', to: '2026-11-29' }, length: 'am' },
    ],
    [
      'I want to shadow a physiotherapist on 3 March',
      { what: 'physiotherapist', window: { from: '2027-03-03', to: '2027-03-03' } },
    ],
    ['Could I visit the ITU?', { what: 'ITU' }],
    ['new request', {}],
    ['an afternoon with pharmacy', { what: 'pharmacy', length: 'pm' }],
  ])('reads %j', (sentence, expected) => {
    expect(readSentence(sentence, NOW)).toEqual(expected);
  });
});
