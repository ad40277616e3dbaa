import { withBothBases, type TimeBasis } from '../../../../src/domain/clash';

const basis = (t: TimeBasis) => t;

describe('withBothBases', () => {
  it.each<[string, TimeBasis[], number, TimeBasis[]]>([
    [
      'keeps the first ones when both are there',
      ['own_time', 'work_time', 'own_time', 'own_time'],
      3,
      ['own_time', 'work_time', 'own_time'],
    ],
    [
      'puts the first of the other basis last',
      ['own_time', 'own_time', 'own_time', 'work_time'],
      3,
      ['own_time', 'own_time', 'work_time'],
    ],
    ['works the other way round', ['work_time', 'work_time', 'own_time'], 2, ['work_time', 'own_time']],
    [
      'leaves one basis alone when there is no other',
      ['work_time', 'work_time', 'work_time'],
      2,
      ['work_time', 'work_time'],
    ],
    ['never swaps a single choice away', ['own_time', 'work_time'], 1, ['own_time']],
    ['returns what there is when there are few', ['own_time'], 3, ['own_time']],
    ['returns nothing for nothing', [], 3, []],
  ])('%s', (_name, items, count, expected) => {
    expect(withBothBases(items, count, basis)).toEqual(expected);
  });
});
