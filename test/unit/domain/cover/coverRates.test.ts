import { costForMethod, estimateCover } from '../../../../src/domain/cover/coverMethods';
import { gradeKey, rateFor } from '../../../../src/domain/cover/coverRates';
import { DEFAULT_COVER_RATES } from '../../../../src/domain/cover/defaultCoverRates';
import { PROFESSIONS } from '../../../../src/domain/people';

describe('estimated backfill rates', () => {
  it.each([
    ['nursing', 'Band 5', 'Band 5', false],
    ['nursing', 'band5', 'Band 5', false],
    ['nursing', 'BAND-6', 'Band 6', false],
    ['medical', 'F1', 'FY1', false],
    ['medical', 'ST4', 'ST3', false],
    ['medical', 'Registrar', 'ST3', false],
    ['medical', 'consultant', 'Consultant', false],
    ['medical', undefined, 'FY2', true],
    ['medical', 'Band 5', 'FY2', true],
    ['admin', 'Clerk', 'Band 3', true],
  ] as const)('for %s, grade %s, uses the rate of %s (assumed: %s)', (group, grade, used, assumed) => {
    expect(rateFor(DEFAULT_COVER_RATES, group, grade)).toMatchObject({ grade: used, assumed });
  });

  it('has a rate for every staff group, even with no grade known', () => {
    for (const group of PROFESSIONS) expect(rateFor(DEFAULT_COVER_RATES, group, undefined)).toBeDefined();
  });

  it('reads grades without case, spaces or punctuation', () => {
    expect(gradeKey(' Band 8a ')).toBe(gradeKey('BAND-8A'));
    expect(gradeKey('FY1')).not.toBe(gradeKey('FY2'));
  });

  it('estimates cover in pounds to the penny; nothing extra when not needed or covered by the team', () => {
    const rate = rateFor(DEFAULT_COVER_RATES, 'nursing', 'Band 5');
    const estimate = estimateCover(4, rate!);
    expect(estimate).toMatchObject({ hours: 4, bankGbp: 98.32, agencyGbp: 108.84 });
    expect(costForMethod(undefined, estimate)).toBe(98.32);
    expect(costForMethod('bank_or_locum', estimate)).toBe(98.32);
    expect(costForMethod('rota_coordinator', estimate)).toBe(98.32);
    expect(costForMethod('within_team', estimate)).toBe(0);
    expect(costForMethod('not_needed', estimate)).toBe(0);
  });
});
