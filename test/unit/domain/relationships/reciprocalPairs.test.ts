import type { ExchangeRecord } from '../../../../src/domain/outcomes/exchangeRecord';
import { toPastExchanges, wentWell } from '../../../../src/domain/relationships/pastExchanges';
import { countReciprocalPairs } from '../../../../src/domain/relationships/reciprocalPairs';

let next = 0;
function visit(
  from: string | undefined,
  to: string | undefined,
  day: string,
  fields: Partial<ExchangeRecord> = {},
) {
  next += 1;
  const record: ExchangeRecord = {
    id: `x-${String(next).padStart(3, '0')}`,
    period: day.slice(0, 7),
    requestId: `x-${next}`,
    outcome: 'completed',
    visitStart: `${day}T09:00:00.000Z`,
    visitEnd: `${day}T13:00:00.000Z`,
    visitDate: day,
    visitor: from ? { department: from } : {},
    host: to ? { department: to } : {},
    crossProfession: false,
    objectives: [],
    knowledge: [],
    remindersNeeded: 0,
    cover: { visitorRostered: false, notesGiven: false },
    costs: { stated: false },
    visitorFeedback: false,
    hostFeedback: false,
    loggedAt: `${day}T14:00:00.000Z`,
    ...fields,
  };
  return record;
}

const YEAR_2026 = { start: Date.parse('2026-01-01T00:00:00Z'), end: Date.parse('2027-01-01T00:00:00Z') };

describe('countReciprocalPairs', () => {
  it.each<[string, ExchangeRecord[], number]>([
    ['no visits', [], 0],
    ['one visit', [visit('Ward 7', 'Pharmacy', '2026-02-01')], 0],
    [
      'two visits the same way',
      [visit('Ward 7', 'Pharmacy', '2026-02-01'), visit('Ward 7', 'Pharmacy', '2026-03-01')],
      0,
    ],
    [
      'a visit and its return',
      [visit('Ward 7', 'Pharmacy', '2026-02-01'), visit('pharmacy', 'ward  7', '2026-03-01')],
      1,
    ],
    [
      'two each way make two pairs',
      [
        visit('A', 'B', '2026-02-01'),
        visit('A', 'B', '2026-02-02'),
        visit('B', 'A', '2026-02-03'),
        visit('B', 'A', '2026-02-04'),
      ],
      2,
    ],
    [
      'three one way and one back make one pair',
      [
        visit('A', 'B', '2026-02-01'),
        visit('A', 'B', '2026-02-02'),
        visit('A', 'B', '2026-02-03'),
        visit('B', 'A', '2026-02-04'),
      ],
      1,
    ],
    [
      'a no-show does not pair',
      [visit('A', 'B', '2026-02-01'), visit('B', 'A', '2026-03-01', { outcome: 'no_show' })],
      0,
    ],
    ['within one department never pairs', [visit('A', 'A', '2026-02-01'), visit('A', 'A', '2026-03-01')], 0],
    [
      'an unknown department never pairs',
      [visit('A', undefined, '2026-02-01'), visit(undefined, 'A', '2026-03-01')],
      0,
    ],
    ['different departments do not pair', [visit('A', 'B', '2026-02-01'), visit('B', 'C', '2026-03-01')], 0],
  ])('%s', (_name, records, pairs) => {
    expect(countReciprocalPairs(records, YEAR_2026)).toBe(pairs);
  });

  it('counts a pair in the period of its return, whatever order the records come in', () => {
    const records = [visit('B', 'A', '2026-01-10'), visit('A', 'B', '2025-11-01')];
    expect(countReciprocalPairs(records, YEAR_2026)).toBe(1);
    expect(
      countReciprocalPairs(records, { start: Date.parse('2025-01-01'), end: Date.parse('2026-01-01') }),
    ).toBe(0);
  });
});

describe('wentWell', () => {
  it.each<[string, Partial<ExchangeRecord>, boolean]>([
    ['would recommend', { wouldRecommend: true }, true],
    ['would host again', { wouldHostAgain: true }, true],
    ['an objective met', { objectives: [{ rating: 'met' }] }, true],
    ['nothing said', {}, false],
    ['only partly met', { objectives: [{ rating: 'partly' }] }, false],
    [
      'would not recommend, though the host would host again',
      { wouldRecommend: false, wouldHostAgain: true },
      false,
    ],
    ['would not host again', { wouldRecommend: true, wouldHostAgain: false }, false],
    ['a no-show', { outcome: 'no_show', wouldRecommend: true }, false],
  ])('%s: %s', (_name, fields, expected) => {
    expect(wentWell(visit('A', 'B', '2026-02-01', fields))).toBe(expected);
  });

  it('reads completed visits with both departments known for ranking', () => {
    expect(
      toPastExchanges([
        visit('A', 'B', '2026-02-01', { wouldRecommend: true }),
        visit('A', undefined, '2026-02-01'),
        visit('B', 'A', '2026-02-02', { outcome: 'no_show' }),
      ]),
    ).toEqual([{ visitorDepartment: 'A', hostDepartment: 'B', wentWell: true }]);
  });
});
