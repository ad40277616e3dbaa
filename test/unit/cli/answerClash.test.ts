import { answerClash } from '../../../src/cli/commands/clash';
import { at, londonIso, shift } from '../domain/clash/clashFixtures';

// March 2026: Sat 7, Mon 9, Tue 10, Wed 11, Thu 12, Fri 13.
describe('clash suggestions', () => {
  const longDays = ['2026-03-09', '2026-03-10', '2026-03-11'].map((d) =>
    shift('long_day', `${d} 07:00`, `${d} 20:00`, 'LD'),
  );

  it('keep one in own time when the earliest three are all in work time', () => {
    const visit = { start: at('2026-03-07 09:00'), end: at('2026-03-07 13:00') };
    const answer = answerClash({ visitorShifts: longDays }, visit);
    expect(answer.suggestions).toEqual([
      { start: londonIso('2026-03-09 09:00'), end: londonIso('2026-03-09 13:00'), time_basis: 'work_time' },
      { start: londonIso('2026-03-10 09:00'), end: londonIso('2026-03-10 13:00'), time_basis: 'work_time' },
      { start: londonIso('2026-03-12 09:00'), end: londonIso('2026-03-12 13:00'), time_basis: 'own_time' },
    ]);
  });

  it('never suggest the time asked about', () => {
    const visit = { start: at('2026-03-09 09:00'), end: at('2026-03-09 13:00') };
    const answer = answerClash({ visitorShifts: longDays }, visit);
    expect(answer.suggestions.map((s) => s.start)).toEqual([
      londonIso('2026-03-10 09:00'),
      londonIso('2026-03-11 09:00'),
      londonIso('2026-03-12 09:00'),
    ]);
    expect(answer.release.map((r) => [r.rule, r.cover_hours])).toEqual([['on_duty', 4]]);
  });
});
