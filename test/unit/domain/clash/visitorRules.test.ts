import { checkVisit, type RuleId } from '../../../../src/domain/clash';
import type { Shift } from '../../../../src/domain/rota';
import { BROKEN_TEXT, londonIso, night, shift, visitInput } from './clashFixtures';

// March 2026: Sun 1, Mon 2, Tue 3, Wed 4, Thu 5, Fri 6. Clocks go forward Sun 29 Mar, back Sun 25 Oct.
interface Case {
  name: string;
  shifts: Shift[];
  visit: [string, string];
  clashes: RuleId[];
  warnings?: RuleId[];
}

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const report = checkVisit(visitInput(c.visit[0], c.visit[1], { visitorShifts: c.shifts }));
    expect(report.clashes.map((x) => x.rule)).toEqual(c.clashes);
    expect(report.warnings.map((x) => x.rule)).toEqual(c.warnings ?? []);
    expect(report.ok).toBe(c.clashes.length === 0);
    [...report.clashes, ...report.warnings].forEach((x) => {
      expect(x.who).toBe('visitor');
      expect(x.explanation).not.toMatch(BROKEN_TEXT);
    });
  });
}

describe('on_duty and on_call', () => {
  runCases([
    {
      name: 'a day shift over the visit',
      shifts: [shift('duty', '2026-03-03 08:00', '2026-03-03 20:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['on_duty'],
    },
    {
      name: 'a long day over the visit',
      shifts: [shift('long_day', '2026-03-03 07:30', '2026-03-03 20:30')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['on_duty'],
    },
    {
      name: 'training over the visit',
      shifts: [shift('training', '2026-03-03 12:00', '2026-03-03 14:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['on_duty'],
    },
    {
      name: 'a shift starting 1 minute before the visit ends',
      shifts: [shift('duty', '2026-03-03 12:59', '2026-03-03 21:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['on_duty'],
    },
    {
      name: 'a shift starting exactly as the visit ends: no overlap, but no rest before it',
      shifts: [shift('duty', '2026-03-03 13:00', '2026-03-03 21:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['rest_between_shifts'],
    },
    {
      name: 'an overnight shift crossing midnight into the visit',
      shifts: [shift('duty', '2026-03-02 22:00', '2026-03-03 09:30')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['on_duty'],
    },
    {
      name: 'back-to-back shifts either side of the visit join: both named',
      shifts: [
        shift('duty', '2026-03-03 08:00', '2026-03-03 14:00'),
        shift('duty', '2026-03-03 14:00', '2026-03-03 20:00'),
      ],
      visit: ['2026-03-03 13:00', '2026-03-03 15:00'],
      clashes: ['on_duty', 'on_duty'],
    },
    {
      name: 'on call over the visit',
      shifts: [shift('on_call', '2026-03-03 17:00', '2026-03-04 09:00')],
      visit: ['2026-03-04 08:59', '2026-03-04 13:00'],
      clashes: ['on_call'],
    },
    {
      name: 'on call ending exactly as the visit starts (on call needs no rest)',
      shifts: [shift('on_call', '2026-03-03 17:00', '2026-03-04 09:00')],
      visit: ['2026-03-04 09:00', '2026-03-04 13:00'],
      clashes: [],
    },
  ]);
});

describe('rest_between_shifts (11 hours)', () => {
  runCases([
    {
      name: 'the visit starts exactly when a shift ends',
      shifts: [shift('duty', '2026-03-03 06:00', '2026-03-03 09:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['rest_between_shifts'],
    },
    {
      name: 'the visit starts exactly 11 hours after a shift ends',
      shifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 22:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: [],
    },
    {
      name: 'the visit starts 1 minute inside the 11 hours after',
      shifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 22:01')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['rest_between_shifts'],
    },
    {
      name: 'the visit ends exactly 11 hours before the next shift',
      shifts: [shift('duty', '2026-03-04 07:00', '2026-03-04 19:00')],
      visit: ['2026-03-03 16:00', '2026-03-03 20:00'],
      clashes: [],
    },
    {
      name: 'the visit ends 1 minute inside the 11 hours before',
      shifts: [shift('duty', '2026-03-04 07:00', '2026-03-04 19:00')],
      visit: ['2026-03-03 16:00', '2026-03-03 20:01'],
      clashes: ['rest_between_shifts'],
    },
    {
      name: 'squeezed between two shifts: both rests broken',
      shifts: [
        shift('duty', '2026-03-03 00:00', '2026-03-03 08:00'),
        shift('duty', '2026-03-03 18:00', '2026-03-04 02:00'),
      ],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['rest_between_shifts', 'rest_between_shifts'],
    },
    {
      name: 'rest days and leave are not work: no rest needed around them',
      shifts: [
        shift('rest', '2026-03-02 00:00', '2026-03-03 00:00'),
        shift('annual_leave', '2026-03-03 14:00', '2026-03-04 00:00'),
      ],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: [],
    },
    {
      name: 'clocks go back: 23:00 BST + 11 h is 09:00 GMT, so 09:00 is fine',
      shifts: [shift('duty', '2026-10-24 15:00', '2026-10-24 23:00')],
      visit: ['2026-10-25 09:00', '2026-10-25 13:00'],
      clashes: [],
    },
    {
      name: 'clocks go forward: 23:00 GMT + 11 h is 11:00 BST, so 10:00 is not',
      shifts: [shift('duty', '2026-03-28 15:00', '2026-03-28 23:00')],
      visit: ['2026-03-29 10:00', '2026-03-29 13:00'],
      clashes: ['rest_between_shifts'],
    },
    {
      name: 'clocks go forward: 11:00 BST is exactly 11 hours later',
      shifts: [shift('duty', '2026-03-28 15:00', '2026-03-28 23:00')],
      visit: ['2026-03-29 11:00', '2026-03-29 13:00'],
      clashes: [],
    },
  ]);

  it('reports the rest window and says when the visit could start', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 23:00', 'LATE-7')],
      }),
    );
    expect(report.clashes).toEqual([
      {
        rule: 'rest_between_shifts',
        who: 'visitor',
        start: '2026-03-02T23:00:00+00:00',
        end: '2026-03-03T10:00:00+00:00',
        explanation:
          "Your shift ends Mon 2 Mar, 23:00. You need 11 hours' rest after work, so the earliest you can " +
          'start a visit is Tue 3 Mar, 10:00.',
      },
    ]);
  });
});

describe('rest_after_nights (46 hours after a run)', () => {
  const run = [
    night('2026-03-01', '2026-03-02'),
    night('2026-03-02', '2026-03-03'),
    night('2026-03-03', '2026-03-04'),
  ];
  runCases([
    {
      name: 'the day after a run of three nights',
      shifts: run,
      visit: ['2026-03-05 09:00', '2026-03-05 13:00'],
      clashes: ['rest_after_nights'],
    },
    {
      name: 'the morning the run ends: one reason (46 hours), not the 11-hour rest too',
      shifts: run,
      visit: ['2026-03-04 09:00', '2026-03-04 13:00'],
      clashes: ['rest_after_nights'],
    },
    {
      name: 'starting 1 minute before 46 hours are up',
      shifts: run,
      visit: ['2026-03-06 05:59', '2026-03-06 08:00'],
      clashes: ['rest_after_nights'],
    },
    {
      name: 'starting exactly 46 hours after the last night',
      shifts: run,
      visit: ['2026-03-06 06:00', '2026-03-06 08:00'],
      clashes: [],
    },
    {
      name: 'between nights of a run: the 11-hour rests apply',
      shifts: run,
      visit: ['2026-03-02 09:00', '2026-03-02 13:00'],
      clashes: ['rest_between_shifts', 'rest_between_shifts'],
    },
    {
      name: 'overlapping the last night of the run',
      shifts: run,
      visit: ['2026-03-04 07:00', '2026-03-04 09:00'],
      clashes: ['on_duty', 'rest_after_nights'],
    },
    {
      name: 'a single night with 36 hours to the next is a run of its own',
      shifts: [night('2026-03-02', '2026-03-03'), night('2026-03-04', '2026-03-05')],
      visit: ['2026-03-03 13:00', '2026-03-03 17:00'],
      clashes: ['rest_after_nights'],
    },
    {
      name: 'a night across the spring clock change (11 hours long): rest ends Tue 31 Mar 06:00 BST',
      shifts: [night('2026-03-28', '2026-03-29')],
      visit: ['2026-03-31 05:59', '2026-03-31 08:00'],
      clashes: ['rest_after_nights'],
    },
    {
      name: 'spring clock change: exactly 46 hours after',
      shifts: [night('2026-03-28', '2026-03-29')],
      visit: ['2026-03-31 06:00', '2026-03-31 08:00'],
      clashes: [],
    },
    {
      name: 'a night across the autumn clock change (13 hours long): rest ends Tue 27 Oct 06:00 GMT',
      shifts: [night('2026-10-24', '2026-10-25')],
      visit: ['2026-10-27 05:59', '2026-10-27 08:00'],
      clashes: ['rest_after_nights'],
    },
    {
      name: 'autumn clock change: exactly 46 hours after',
      shifts: [night('2026-10-24', '2026-10-25')],
      visit: ['2026-10-27 06:00', '2026-10-27 08:00'],
      clashes: [],
    },
  ]);

  it('explains it in plain words with the earliest time to visit', () => {
    const report = checkVisit(visitInput('2026-03-05 09:00', '2026-03-05 13:00', { visitorShifts: run }));
    expect(report.clashes[0]).toEqual({
      rule: 'rest_after_nights',
      who: 'visitor',
      start: londonIso('2026-03-04 08:00'),
      end: londonIso('2026-03-06 06:00'),
      explanation:
        'You are on a night shift that ends Wed 4 Mar, 08:00. You need 46 hours off after a run of nights, ' +
        'so the earliest you can visit is Fri 6 Mar, 06:00.',
    });
  });
});

describe('leave (a warning, never a block)', () => {
  runCases([
    {
      name: 'annual leave all day',
      shifts: [shift('annual_leave', '2026-03-03 00:00', '2026-03-04 00:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: [],
      warnings: ['leave'],
    },
    {
      name: 'study leave 1 minute into the visit',
      shifts: [shift('study_leave', '2026-03-03 12:59', '2026-03-03 17:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: [],
      warnings: ['leave'],
    },
    {
      name: 'study leave ending as the visit starts',
      shifts: [shift('study_leave', '2026-03-03 00:00', '2026-03-03 09:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: [],
    },
    {
      name: 'leave and a shift: the shift blocks, the leave warns',
      shifts: [
        shift('annual_leave', '2026-03-03 00:00', '2026-03-03 12:00'),
        shift('duty', '2026-03-03 12:00', '2026-03-03 20:00'),
      ],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['on_duty'],
      warnings: ['leave'],
    },
  ]);

  it('says which leave and that they may go in their own time', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [shift('annual_leave', '2026-03-03 00:00', '2026-03-04 00:00', 'AL')],
      }),
    );
    expect(report.warnings[0]?.explanation).toBe(
      'You are on annual leave (Tue 3 Mar, 00:00 to Wed 4 Mar, 00:00) at the time of this visit. You can ' +
        'still go in your own time; just check you are happy to use your leave for it.',
    );
  });
});

describe('max_weekly_hours (local rule, 72 hours in any 7 days unless configured)', () => {
  const longDays = (days: string[]) => days.map((d) => shift('long_day', `${d} 08:00`, `${d} 20:00`, 'LD'));
  const sixLongDays = longDays([
    '2026-03-02',
    '2026-03-03',
    '2026-03-04',
    '2026-03-05',
    '2026-03-06',
    '2026-03-07',
  ]);
  const fiveLongDays = sixLongDays.slice(0, 5);
  const sunday: [string, string] = ['2026-03-08 09:00', '2026-03-08 13:00'];

  runCases([
    {
      name: '72 hours of long days plus a 4-hour visit is 76',
      shifts: sixLongDays,
      visit: sunday,
      clashes: ['max_weekly_hours'],
    },
    { name: '60 hours plus a 4-hour visit is 64', shifts: fiveLongDays, visit: sunday, clashes: [] },
    {
      name: 'exactly 72 with the visit does not exceed the limit',
      shifts: [...fiveLongDays, shift('duty', '2026-03-07 09:00', '2026-03-07 17:00')],
      visit: sunday,
      clashes: [],
    },
    {
      name: '1 minute over the limit',
      shifts: [...fiveLongDays, shift('duty', '2026-03-07 09:00', '2026-03-07 17:01')],
      visit: sunday,
      clashes: ['max_weekly_hours'],
    },
    {
      name: 'heavy work more than 7 days before the visit does not count',
      shifts: sixLongDays,
      visit: ['2026-03-15 09:00', '2026-03-15 13:00'],
      clashes: [],
    },
    {
      name: 'time the visit shares with a shift counts once',
      shifts: [...fiveLongDays, shift('long_day', '2026-03-08 08:00', '2026-03-08 20:00')],
      visit: sunday,
      clashes: ['on_duty'],
    },
  ]);

  it('names the hours, the 7 days and the limit', () => {
    const report = checkVisit(visitInput(sunday[0], sunday[1], { visitorShifts: sixLongDays }));
    expect(report.clashes[0]?.explanation).toMatch(
      /^With this visit you would work 76 hours in the 7 days from .+\. The local limit is 72 hours in any 7 days\.$/,
    );
    const clash = report.clashes[0];
    expect(Date.parse(clash?.end ?? '') - Date.parse(clash?.start ?? '')).toBe(7 * 24 * 3_600_000);
    expect(Date.parse(clash?.start ?? '')).toBeLessThanOrEqual(Date.parse(londonIso(sunday[0])));
  });

  it.each([
    ['a lower trust limit applies', { maxHoursIn7Days: 60 }, undefined, ['max_weekly_hours']],
    ['the rule can be switched off', { maxHoursIn7Days: null }, undefined, []],
    [
      'a staff group can have its own limit',
      { maxHoursIn7DaysByGroup: { medical: 56 } },
      'medical',
      ['max_weekly_hours'],
    ],
    ['another group keeps the default', { maxHoursIn7DaysByGroup: { medical: 56 } }, 'nursing', []],
  ] as const)('%s', (_name, rules, group, expected) => {
    const report = checkVisit(
      visitInput(sunday[0], sunday[1], { visitorShifts: fiveLongDays, rules, visitorGroup: group }),
    );
    expect(report.clashes.map((c) => c.rule)).toEqual(expected);
  });
});

describe('away (time off whose reason is not recorded, such as sickness: a block that gives no reason)', () => {
  runCases([
    {
      name: 'an absence all day',
      shifts: [shift('absence', '2026-03-03 00:00', '2026-03-04 00:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: ['away'],
    },
    {
      name: 'an absence ending as the visit starts',
      shifts: [shift('absence', '2026-03-02 00:00', '2026-03-03 09:00')],
      visit: ['2026-03-03 09:00', '2026-03-03 13:00'],
      clashes: [],
    },
  ]);

  it('says the visitor is away, and nothing about why', () => {
    const report = checkVisit(
      visitInput('2026-03-03 09:00', '2026-03-03 13:00', {
        visitorShifts: [{ ...shift('absence', '2026-03-03 00:00', '2026-03-04 00:00'), code: 'Time off' }],
      }),
    );
    expect(report.clashes).toHaveLength(1);
    expect(report.clashes[0]!.explanation).toBe(
      'Your rota shows you away from work then (Tue 3 Mar, 00:00 to Wed 4 Mar, 00:00), so a visit cannot be arranged at that time.',
    );
    expect(report.clashes[0]!.explanation).not.toMatch(/sick|ill|leave|Time off/i);
  });
});
