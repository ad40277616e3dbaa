import { checkVisit, describeVisitTimeBasis, summariseRelease } from '../../../../src/domain/clash';
import { londonIso, night, shift, visitInput } from './clashFixtures';

describe('release entries', () => {
  it('give the overlap, the whole shift and the hours to cover', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('long_day', '2026-03-03 07:30', '2026-03-03 20:30', 'LD')],
      }),
    );
    expect(report.release).toEqual([
      {
        rule: 'on_duty',
        who: 'visitor',
        start: '2026-03-03T09:00:00+00:00',
        end: '2026-03-03T13:00:00+00:00',
        shift_start: '2026-03-03T07:30:00+00:00',
        shift_end: '2026-03-03T20:30:00+00:00',
        cover_hours: 4,
        explanation:
          'You are rostered for a long day (Tue 3 Mar, 07:30-20:30). Your manager will be asked to release ' +
          'you for 4 hours, 09:00-13:00, and cover will be needed.',
      },
    ]);
    expect(report.ok).toBe(true);
  });

  it('cover only the part of a shift the visit overlaps, to 2 decimals', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 12:20', {
        visitorShifts: [shift('duty', '2026-03-03 12:00', '2026-03-03 20:00')],
      }),
    );
    expect(report.release[0]).toMatchObject({
      start: londonIso('2026-03-03 12:00'),
      end: londonIso('2026-03-03 12:20'),
      cover_hours: 0.33,
    });
  });

  it.each([
    ['spring (01:00 to 02:00 does not happen)', '2026-03-28', '2026-03-29', 3],
    ['autumn (01:00 to 02:00 happens twice)', '2026-10-24', '2026-10-25', 5],
  ])('count real hours across the %s clock change', (_name, day, next, hours) => {
    const report = checkVisit(
      visitInput(`${next} 00:00`, `${next} 04:00`, { visitorShifts: [night(day, next)] }),
    );
    expect(report.release.map((r) => r.cover_hours)).toEqual([hours]);
    expect(summariseRelease(report.release)).toEqual({
      timeBasis: 'work_time',
      releaseHours: hours,
      coverHours: hours,
    });
  });

  it('need no cover for training or study leave', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 17:00', {
        visitorShifts: [
          shift('training', '2026-03-03 09:00', '2026-03-03 12:00'),
          shift('duty', '2026-03-03 13:00', '2026-03-03 21:00'),
        ],
      }),
    );
    expect(report.release.map((r) => [r.rule, r.cover_hours])).toEqual([
      ['training', 3],
      ['on_duty', 4],
    ]);
    expect(report.release[0]?.explanation).toMatch(/no cover is needed/);
    expect(summariseRelease(report.release)).toEqual({
      timeBasis: 'work_time',
      releaseHours: 7,
      coverHours: 4,
    });
  });

  it('on study leave, ask the manager to agree the hours it takes, in plain words', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('study_leave', '2026-03-03 09:00', '2026-03-03 17:00')],
      }),
    );
    expect(report.release.map((r) => r.explanation)).toEqual([
      'You are on study leave (Tue 3 Mar, 09:00-17:00). Your manager will be asked to agree you spend ' +
        '4 hours of it (09:00-13:00) on this visit; no cover is needed.',
    ]);
  });

  it('are empty for a visit in own time', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('rest', '2026-03-03 00:00', '2026-03-04 00:00')],
      }),
    );
    expect(report.release).toEqual([]);
    expect(summariseRelease(report.release)).toEqual({
      timeBasis: 'own_time',
      releaseHours: 0,
      coverHours: 0,
    });
  });

  it('count overlapping rota entries once in the totals', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [
          shift('duty', '2026-03-03 08:00', '2026-03-03 16:00'),
          shift('on_call', '2026-03-03 08:00', '2026-03-03 20:00'),
        ],
      }),
    );
    expect(report.release.map((r) => r.rule)).toEqual(['on_duty', 'on_call']);
    expect(summariseRelease(report.release).coverHours).toBe(4);
  });
});

describe('the time basis in plain words', () => {
  const words = (shifts: ReturnType<typeof shift>[]) =>
    describeVisitTimeBasis(visitInput('2026-03-03 09:00', '2026-03-03 13:00', { visitorShifts: shifts }));

  it.each([
    [
      'a long day',
      [shift('long_day', '2026-03-03 08:00', '2026-03-03 20:30')],
      'during your long day, 08:00-20:30: your manager will be asked to release you',
    ],
    [
      'a night across midnight',
      [shift('night', '2026-03-02 20:00', '2026-03-03 10:00')],
      'during your night shift, Mon 2 Mar, 20:00 to Tue 3 Mar, 10:00: your manager will be asked to release you',
    ],
    [
      'on call',
      [shift('on_call', '2026-03-03 08:00', '2026-03-03 18:00')],
      'during your on-call period, 08:00-18:00: your manager will be asked to release you',
    ],
    [
      'training',
      [shift('training', '2026-03-03 09:00', '2026-03-03 17:00')],
      'during your training session, 09:00-17:00: your manager will be asked to release you; no cover is needed',
    ],
    [
      'study leave',
      [shift('study_leave', '2026-03-03 09:00', '2026-03-03 17:00')],
      'on your study leave: your manager will be asked to agree you use it',
    ],
    [
      'annual leave',
      [shift('annual_leave', '2026-03-03 00:00', '2026-03-04 00:00')],
      'on your annual leave: in your own time',
    ],
    [
      'a rest day',
      [shift('rest', '2026-03-03 00:00', '2026-03-04 00:00')],
      'on your day off: in your own time',
    ],
    ['nothing rostered', [], 'on your day off: in your own time'],
    [
      'a late shift the same day',
      [shift('duty', '2026-03-03 14:00', '2026-03-03 22:00')],
      'outside your shift, 14:00-22:00: in your own time',
    ],
  ])('%s', (_name, shifts, expected) => {
    expect(words(shifts)).toBe(expected);
  });

  it.each<[string, [string, string], ReturnType<typeof shift>, string]>([
    [
      'autumn (25 hours): a night starting 23:30 is on the same day',
      ['2026-10-25 09:00', '2026-10-25 13:00'],
      shift('night', '2026-10-25 23:30', '2026-10-26 08:00'),
      'outside your night shift, Sun 25 Oct, 23:30 to Mon 26 Oct, 08:00: in your own time',
    ],
    [
      'spring (23 hours): a shift starting 00:30 the next day is not',
      ['2026-03-29 09:00', '2026-03-29 13:00'],
      shift('duty', '2026-03-30 00:30', '2026-03-30 08:00'),
      'on your day off: in your own time',
    ],
  ])('on the days the clocks change, the London day: %s', (_name, [from, to], rostered, expected) => {
    expect(describeVisitTimeBasis(visitInput(from, to, { visitorShifts: [rostered] }))).toBe(expected);
  });
});
