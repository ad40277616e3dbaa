import { judge, scoreUnderstanding } from '../../../../bench/understanding/scoreUnderstanding';
import {
  readCatalogue,
  readUtteranceSet,
  type Utterance,
} from '../../../../bench/understanding/utteranceFixtures';
import { readSentence } from '../../../../src/domain/requestDialog/readSentence';

const catalogue = readCatalogue();

/**
 * The reader against the tuning sentences (test/fixtures/utterances): a change that reads fewer
 * of them right fails here. The held-out sentences are scored only by `npm run bench`.
 */
describe('understanding of first sentences (tuning set)', () => {
  const score = scoreUnderstanding(readUtteranceSet('tuning'), catalogue, readSentence);

  it.each([
    ['purpose', 0.97],
    ['purposeText', 0.97],
    ['objectives', 0.95],
    ['whom', 0.95],
    ['when', 0.97],
    ['length', 0.97],
    ['settings', 0.97],
  ] as const)('reads %s right in at least %d of sentences', (field, floor) => {
    expect(score.fields[field].accuracy).toBeGreaterThanOrEqual(floor);
  });
});

describe('the understanding scorer', () => {
  const base: Utterance = {
    id: 'x',
    from: 'nursing',
    sentence: '',
    purpose: 'learn how discharges are planned',
    objectives: ['how discharges are planned'],
    whom: ['discharge'],
    when: { from: '2026-12-07', to: '2026-12-13' },
    length: 'am',
    settings: { not: ['theatre'] },
  };

  it('counts a reading right field by field', () => {
    const verdict = judge(
      base,
      {
        purpose: 'To learn how discharges are planned.',
        objectives: ['Learn how discharges are planned'],
        what: 'discharge team',
        window: { from: '2026-12-07', to: '2026-12-13' },
        length: 'am',
        avoidSettings: ['theatre'],
      },
      catalogue,
    );
    expect(verdict).toEqual({
      purpose: true,
      purposeText: true,
      objectives: true,
      whom: true,
      when: true,
      length: true,
      settings: true,
    });
  });

  it('counts wrong readings as wrong, and an empty reading wrong where something was said', () => {
    const verdict = judge(base, { what: 'dermatology', length: 'pm', settings: [] }, catalogue);
    expect(verdict).toEqual({
      purpose: false,
      purposeText: false,
      objectives: false,
      whom: false,
      when: false,
      length: false,
      settings: false,
    });
  });
});
