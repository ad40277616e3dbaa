import { mergeIntoRotaMonths } from '../../../../src/domain/import/mergeShifts';
import { parseRotaCsv } from '../../../../src/domain/import/parseRotaCsv';
import type { RotaMonth, Shift } from '../../../../src/domain/rota';

const night = (start: string, end: string): Shift => ({ start, end, kind: 'night', code: 'N' });

describe('mergeIntoRotaMonths', () => {
  it.each([
    ['a winter shift', '2026-01-31T20:00:00.000Z', '2026-01'],
    // 00:30 BST on 1 August is still 31 July in UTC: the London month decides.
    ['a shift starting just after midnight in summer', '2026-07-31T23:30:00.000Z', '2026-08'],
    ['a shift starting just before midnight in winter', '2026-02-28T23:30:00.000Z', '2026-02'],
    ['an overnight shift is filed under the month it starts', '2026-03-31T19:00:00.000Z', '2026-03'],
  ])('%s', (_name, start, month) => {
    const result = mergeIntoRotaMonths(
      [],
      [{ personId: 'p1', shift: night(start, '2026-12-31T00:00:00.000Z') }],
    );
    expect(result.months.map((m) => m.month)).toEqual([month]);
  });

  it('adds nothing when the same file is imported twice', () => {
    const text = [
      'staff_email,date,start,end,code',
      'ann@trust.nhs.uk,2026-03-28,20:00,08:00,N',
      'ann@trust.nhs.uk,2026-03-31,20:00,08:00,N',
      'ann@trust.nhs.uk,2026-04-01,,,AL',
      'ann@trust.nhs.uk,2026-10-25,01:30,09:00,E',
    ].join('\n');
    const incoming = parseRotaCsv(text).rows.map((row) => ({ personId: 'p-ann', shift: row.shift }));
    const first = mergeIntoRotaMonths([], incoming);
    const second = mergeIntoRotaMonths(first.months, incoming);
    expect(first.added).toBe(4);
    expect(second.added).toBe(0);
    expect(second.duplicates).toBe(4);
    expect(second.changed).toEqual([]);
    expect(second.months).toEqual(first.months);
    expect(first.months.map((m) => [m.month, m.shifts.length])).toEqual([
      ['2026-03', 2],
      ['2026-04', 1],
      ['2026-10', 1],
    ]);
  });

  it('treats the same instant written differently as the same shift, and a different code as another', () => {
    const existing: RotaMonth[] = [
      { personId: 'p1', month: '2026-01', shifts: [night('2026-01-10T20:00:00Z', '2026-01-11T08:00:00Z')] },
    ];
    const result = mergeIntoRotaMonths(existing, [
      { personId: 'p1', shift: night('2026-01-10T20:00:00.000Z', '2026-01-11T08:00:00.000Z') },
      {
        personId: 'p1',
        shift: { ...night('2026-01-10T20:00:00.000Z', '2026-01-11T08:00:00.000Z'), code: 'LN' },
      },
    ]);
    expect(result.added).toBe(1);
    expect(result.duplicates).toBe(1);
    expect(result.months[0]?.shifts.map((s) => s.code)).toEqual(['N', 'LN']);
  });

  it('reports only changed months, keeps people apart, sorts shifts, and leaves its inputs alone', () => {
    const existing: RotaMonth[] = [
      {
        personId: 'p1',
        month: '2026-01',
        shifts: [night('2026-01-20T20:00:00.000Z', '2026-01-21T08:00:00.000Z')],
      },
      {
        personId: 'p1',
        month: '2026-02',
        shifts: [night('2026-02-02T20:00:00.000Z', '2026-02-03T08:00:00.000Z')],
      },
    ];
    const snapshot = JSON.parse(JSON.stringify(existing));
    const result = mergeIntoRotaMonths(existing, [
      { personId: 'p1', shift: night('2026-01-05T20:00:00.000Z', '2026-01-06T08:00:00.000Z') },
      { personId: 'p2', shift: night('2026-01-05T20:00:00.000Z', '2026-01-06T08:00:00.000Z') },
      { personId: 'p2', shift: night('2026-01-05T20:00:00.000Z', '2026-01-06T08:00:00.000Z') },
    ]);
    expect(existing).toEqual(snapshot);
    expect(result).toMatchObject({ added: 2, duplicates: 1 });
    expect(result.changed.map((m) => [m.personId, m.month])).toEqual([
      ['p1', '2026-01'],
      ['p2', '2026-01'],
    ]);
    expect(
      result.months.find((m) => m.personId === 'p1' && m.month === '2026-01')?.shifts.map((s) => s.start),
    ).toEqual(['2026-01-05T20:00:00.000Z', '2026-01-20T20:00:00.000Z']);
    expect(result.months).toHaveLength(3);
  });

  it('refuses a shift whose time is not an instant', () => {
    expect(() =>
      mergeIntoRotaMonths([], [{ personId: 'p1', shift: night('tuesday', '2026-01-06T08:00:00.000Z') }]),
    ).toThrow(/not an ISO-8601 instant/);
  });
});
