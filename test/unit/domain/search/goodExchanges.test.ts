import { normaliseDepartment } from '../../../../src/domain/relationships/pastExchanges';
import { countGoodExchanges } from '../../../../src/domain/search/goodExchanges';
import type { PastExchange } from '../../../../src/domain/search/rankOffers';

/** The count as it was worked out for each offer: every exchange looked at again. */
function countedOneByOne(past: readonly PastExchange[], from: string, to: string): number {
  return past.filter(
    (e) =>
      e.wentWell &&
      normaliseDepartment(e.visitorDepartment) === normaliseDepartment(from) &&
      normaliseDepartment(e.hostDepartment) === normaliseDepartment(to),
  ).length;
}

const departments = [
  'Ward 7',
  'ward  7',
  ' WARD 7 ',
  'Frailty',
  'Radiology',
  'Ward 7 Radiology',
  'Ward\t7',
  '',
];

describe('good exchanges counted once per ranking', () => {
  const past: PastExchange[] = departments.flatMap((visitorDepartment, i) =>
    departments.map((hostDepartment, j) => ({
      visitorDepartment,
      hostDepartment,
      wentWell: (i + j) % 3 !== 0,
    })),
  );
  const goodExchanges = countGoodExchanges(past);

  it('gives the count of every pair of teams that looking through each exchange gives', () => {
    for (const from of departments)
      for (const to of departments) expect(goodExchanges(from, to)).toBe(countedOneByOne(past, from, to));
  });

  it('reads departments as people write them, in any case or spacing, and only that way round', () => {
    const count = countGoodExchanges([
      { visitorDepartment: 'Ward 7', hostDepartment: 'Frailty', wentWell: true },
      { visitorDepartment: ' ward  7', hostDepartment: 'FRAILTY', wentWell: true },
      { visitorDepartment: 'Ward 7', hostDepartment: 'Frailty', wentWell: false },
    ]);
    expect(count('WARD 7', 'frailty')).toBe(2);
    expect(count('Frailty', 'Ward 7')).toBe(0);
    expect(count('Ward 7', 'Radiology')).toBe(0);
  });

  it('does not mistake two departments for a pair whose names run together', () => {
    const count = countGoodExchanges([
      { visitorDepartment: 'Ward 7 Radiology', hostDepartment: '', wentWell: true },
    ]);
    expect(count('Ward 7', 'Radiology')).toBe(0);
    expect(count('Ward 7 Radiology', '')).toBe(1);
  });
});

describe('no good exchanges', () => {
  it('counts none for any pair of teams, with none logged or none that went well', () => {
    for (const past of [[], [{ visitorDepartment: 'Ward 7', hostDepartment: 'Frailty', wentWell: false }]]) {
      const count = countGoodExchanges(past);
      expect(count('Ward 7', 'Frailty')).toBe(0);
      expect(count('Frailty', 'Ward 7')).toBe(0);
    }
  });
});
