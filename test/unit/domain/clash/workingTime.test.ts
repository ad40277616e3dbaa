import {
  checkVisit,
  chooseWorkingTimeRules,
  type ReleaseRuleId,
  type RuleId,
  type StaffMember,
} from '../../../../src/domain/clash';
import type { Shift } from '../../../../src/domain/rota';
import { BROKEN_TEXT, londonIso, night, shift, visitInput } from './clashFixtures';

// March 2026: Sun 1, Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
// Clocks go forward Sun 29 Mar 2026 (01:00 GMT -> 02:00 BST), back Sun 25 Oct 2026.

/** The staff groups, as the directory describes them; the rule set is chosen from these. */
const GROUPS: Array<[string, StaffMember, 'dit' | 'afc']> = [
  ['a doctor in training (FY1)', { profession: 'medical', jobTitle: 'FY1 Doctor' }, 'dit'],
  ['a specialty registrar (ST4)', { profession: 'medical', jobTitle: 'ST4 Registrar, Geriatrics' }, 'dit'],
  ['a nurse (Agenda for Change)', { profession: 'nursing', jobTitle: 'Staff Nurse' }, 'afc'],
  ['a physiotherapist (Agenda for Change)', { profession: 'ahp', jobTitle: 'Physiotherapist' }, 'afc'],
  [
    'a consultant (Working Time Regulations)',
    { profession: 'medical', jobTitle: 'Consultant Geriatrician' },
    'afc',
  ],
];

interface Case {
  name: string;
  shifts: Shift[];
  visit: [string, string];
  /** Clashes for doctors in training. */
  dit: RuleId[];
  /** Clashes under Agenda for Change and the Working Time Regulations; the same as `dit` if absent. */
  afc?: RuleId[];
  release?: ReleaseRuleId[];
  warnings?: RuleId[];
}

function runCases(cases: Case[]): void {
  describe.each(GROUPS)('for %s', (_group, person, set) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const report = checkVisit(
        visitInput(c.visit[0], c.visit[1], {
          visitorShifts: c.shifts,
          visitorRules: chooseWorkingTimeRules(person),
        }),
      );
      const expected = set === 'dit' ? c.dit : (c.afc ?? c.dit);
      expect(report.clashes.map((x) => x.rule)).toEqual(expected);
      expect(report.ok).toBe(expected.length === 0);
      expect(report.release.map((x) => x.rule)).toEqual(c.release ?? []);
      expect(report.warnings.map((x) => x.rule)).toEqual(c.warnings ?? []);
      [...report.clashes, ...report.release, ...report.warnings].forEach((x) => {
        expect(x.who).toBe('visitor');
        expect(x.explanation).not.toMatch(BROKEN_TEXT);
      });
    });
  });
}

const tue = (time: string) => `2026-03-03 ${time}`;

describe('visits inside, next to and bridging shifts', () => {
  runCases([
    {
      name: 'inside a long day: released, nothing broken',
      shifts: [shift('long_day', tue('07:30'), tue('20:30'))],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
      release: ['on_duty'],
    },
    {
      name: 'inside a night shift',
      shifts: [night('2026-03-03', '2026-03-04')],
      visit: [tue('21:00'), tue('23:00')],
      dit: [],
      release: ['on_duty'],
    },
    {
      name: 'inside an on-call period',
      shifts: [shift('on_call', tue('17:00'), '2026-03-04 09:00')],
      visit: [tue('18:00'), tue('20:00')],
      dit: [],
      release: ['on_call'],
    },
    {
      name: 'over the start of a late shift: one working day of 11 hours',
      shifts: [shift('duty', tue('12:00'), tue('20:00'))],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
      release: ['on_duty'],
    },
    {
      name: 'ending as a late shift starts: one working day of 12 hours, no release',
      shifts: [shift('duty', tue('13:00'), tue('21:00'))],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
    },
    {
      name: 'starting as an early shift ends',
      shifts: [shift('duty', tue('07:00'), tue('15:00'))],
      visit: [tue('15:00'), tue('17:00')],
      dit: [],
    },
    {
      name: 'straight after a long day: a working day of 15 hours',
      shifts: [shift('long_day', tue('07:30'), tue('20:30'))],
      visit: [tue('20:30'), tue('22:30')],
      dit: ['max_working_period'],
    },
    {
      name: 'bridging two shifts, overlapping both: one working day of 12 hours',
      shifts: [shift('duty', tue('07:00'), tue('11:00')), shift('duty', tue('15:00'), tue('19:00'))],
      visit: [tue('10:00'), tue('16:00')],
      dit: [],
      release: ['on_duty', 'on_duty'],
    },
    {
      name: 'bridging two shifts into a working day of 15 hours',
      shifts: [shift('duty', tue('06:00'), tue('12:00')), shift('duty', tue('16:00'), tue('21:00'))],
      visit: [tue('12:00'), tue('16:00')],
      dit: ['max_working_period'],
    },
  ]);
});

describe('breaks of 1, 2 and 3 hours', () => {
  const late = shift('duty', tue('14:00'), tue('22:00'));
  const early = shift('duty', tue('07:00'), tue('15:00'));
  runCases([
    {
      name: '1 hour before a late: one working day of 13 hours',
      shifts: [late],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
    },
    {
      name: '2 hours before a late: still one working day',
      shifts: [late],
      visit: [tue('09:00'), tue('12:00')],
      dit: [],
    },
    {
      name: '3 hours before a late: two working days with 3 hours between',
      shifts: [late],
      visit: [tue('09:00'), tue('11:00')],
      dit: ['rest_between_shifts'],
    },
    {
      name: '1 hour after an early: one working day of 12 hours',
      shifts: [early],
      visit: [tue('16:00'), tue('19:00')],
      dit: [],
    },
    {
      name: '2 hours after an early, ending late: one working day of 14 hours',
      shifts: [early],
      visit: [tue('17:00'), tue('21:00')],
      dit: ['max_working_period'],
    },
    {
      name: '3 hours after an early: a second working day too soon',
      shifts: [early],
      visit: [tue('18:00'), tue('20:00')],
      dit: ['rest_between_shifts'],
    },
    {
      name: 'exactly 11 hours after a late shift',
      shifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 22:00')],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
    },
    {
      name: '1 minute inside the 11 hours after a late shift',
      shifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 22:01')],
      visit: [tue('09:00'), tue('13:00')],
      dit: ['rest_between_shifts'],
    },
    {
      name: 'ending exactly 11 hours before the next shift',
      shifts: [shift('duty', '2026-03-04 07:00', '2026-03-04 19:00')],
      visit: [tue('16:00'), tue('20:00')],
      dit: [],
    },
    {
      name: 'ending 1 minute inside the 11 hours before the next shift',
      shifts: [shift('duty', '2026-03-04 07:00', '2026-03-04 19:00')],
      visit: [tue('16:00'), tue('20:01')],
      dit: ['rest_between_shifts'],
    },
    {
      name: 'squeezed between two shifts: both rests too short',
      shifts: [shift('duty', tue('06:00'), tue('09:00')), shift('duty', tue('18:00'), tue('23:00'))],
      visit: [tue('11:30'), tue('14:00')],
      dit: ['rest_between_shifts', 'rest_between_shifts'],
    },
    {
      name: 'rest days and leave are not work',
      shifts: [
        shift('rest', '2026-03-02 00:00', tue('00:00')),
        shift('annual_leave', tue('14:00'), '2026-03-04 00:00'),
      ],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
    },
  ]);
});

describe('nights, under both rule sets', () => {
  const run = [
    night('2026-03-01', '2026-03-02'),
    night('2026-03-02', '2026-03-03'),
    night('2026-03-03', '2026-03-04'),
  ];
  runCases([
    {
      name: 'the day after a run of three nights: 25 hours off',
      shifts: run,
      visit: ['2026-03-05 09:00', '2026-03-05 13:00'],
      dit: ['rest_after_nights'],
      afc: [],
    },
    {
      name: 'the afternoon the run ends: 6 hours off',
      shifts: run,
      visit: ['2026-03-04 14:00', '2026-03-04 17:00'],
      dit: ['rest_after_nights'],
      afc: ['rest_between_shifts'],
    },
    {
      name: 'straight after the last night: a working day of 17 hours',
      shifts: run,
      visit: ['2026-03-04 09:00', '2026-03-04 13:00'],
      dit: ['max_working_period'],
    },
    {
      name: 'over the last hour of the last night: a working day of 13 hours',
      shifts: run,
      visit: ['2026-03-04 07:00', '2026-03-04 09:00'],
      dit: [],
      release: ['on_duty'],
    },
    {
      name: 'inside the last night',
      shifts: run,
      visit: [tue('22:00'), '2026-03-04 00:00'],
      dit: [],
      release: ['on_duty'],
    },
    {
      name: 'starting 1 minute before 46 hours are up',
      shifts: run,
      visit: ['2026-03-06 05:59', '2026-03-06 08:00'],
      dit: ['rest_after_nights'],
      afc: [],
    },
    {
      name: 'starting exactly 46 hours after the last night',
      shifts: run,
      visit: ['2026-03-06 06:00', '2026-03-06 08:00'],
      dit: [],
    },
    {
      name: 'between two nights of the run: too little rest either side',
      shifts: run,
      visit: ['2026-03-02 12:00', '2026-03-02 14:00'],
      dit: ['rest_after_nights', 'rest_between_shifts'],
      afc: ['rest_between_shifts', 'rest_between_shifts'],
    },
    {
      name: 'a single night with 36 hours to the next: rest after it is 46 hours',
      shifts: [night('2026-03-02', '2026-03-03'), night('2026-03-04', '2026-03-05')],
      visit: [tue('13:00'), tue('17:00')],
      dit: ['rest_after_nights'],
      afc: ['rest_between_shifts'],
    },
    {
      name: 'a late ending at 02:00 has 3 hours after 23:00: a night',
      shifts: [shift('duty', '2026-03-02 16:00', tue('02:00'))],
      visit: [tue('13:00'), tue('17:00')],
      dit: ['rest_after_nights'],
      afc: [],
    },
    {
      name: 'a late ending at 01:00 has only 2 hours after 23:00: not a night',
      shifts: [shift('duty', '2026-03-02 16:00', tue('01:00'))],
      visit: [tue('13:00'), tue('17:00')],
      dit: [],
    },
    {
      name: 'spring clock change: a night of 11 hours, 1 minute before 46 hours are up (Tue 31 Mar 06:00 BST)',
      shifts: [night('2026-03-28', '2026-03-29')],
      visit: ['2026-03-31 05:59', '2026-03-31 08:00'],
      dit: ['rest_after_nights'],
      afc: [],
    },
    {
      name: 'spring clock change: exactly 46 hours after',
      shifts: [night('2026-03-28', '2026-03-29')],
      visit: ['2026-03-31 06:00', '2026-03-31 08:00'],
      dit: [],
    },
    {
      name: 'autumn clock change: a night of 13 hours, 1 minute before 46 hours are up (Tue 27 Oct 06:00 GMT)',
      shifts: [night('2026-10-24', '2026-10-25')],
      visit: ['2026-10-27 05:59', '2026-10-27 08:00'],
      dit: ['rest_after_nights'],
      afc: [],
    },
    {
      name: 'autumn clock change: exactly 46 hours after',
      shifts: [night('2026-10-24', '2026-10-25')],
      visit: ['2026-10-27 06:00', '2026-10-27 08:00'],
      dit: [],
    },
  ]);
});

describe('7 and 8 consecutive days', () => {
  const earlies = (dates: string[]) => dates.map((d) => shift('duty', `${d} 08:00`, `${d} 16:00`, 'E'));
  const six = earlies(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
  const seven = [...six, ...earlies(['2026-03-08'])];
  runCases([
    {
      name: 'six days then a visit on the seventh: 7 in a row',
      shifts: six,
      visit: ['2026-03-08 09:00', '2026-03-08 13:00'],
      dit: [],
      afc: ['weekly_rest'],
    },
    {
      name: 'seven days then a visit on the eighth: 8 in a row',
      shifts: seven,
      visit: ['2026-03-09 09:00', '2026-03-09 13:00'],
      dit: ['max_consecutive_days'],
      afc: ['weekly_rest'],
    },
    {
      name: 'seven days, the visit inside the seventh shift: no new day',
      shifts: seven,
      visit: ['2026-03-08 09:00', '2026-03-08 13:00'],
      dit: [],
      release: ['on_duty'],
    },
    {
      name: 'seven days, a day off, then the visit',
      shifts: seven,
      visit: ['2026-03-10 09:00', '2026-03-10 13:00'],
      dit: [],
    },
  ]);
});

describe('weekly hours (72 in any 168) and weekly rest (24 hours in any 7 days)', () => {
  const longDays = (dates: string[]) => dates.map((d) => shift('long_day', `${d} 07:00`, `${d} 20:00`, 'LD'));
  const monToFri = longDays(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
  const monToSat = [...monToFri, ...longDays(['2026-03-07'])];
  const earlies = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) =>
    shift('duty', `${d} 08:00`, `${d} 16:00`, 'E'),
  );
  runCases([
    {
      name: '65 hours of long days and an 8-hour visit on Saturday: 73 hours',
      shifts: monToFri,
      visit: ['2026-03-07 09:00', '2026-03-07 17:00'],
      dit: ['max_weekly_hours'],
      afc: ['max_weekly_hours', 'weekly_rest'],
    },
    {
      name: '65 hours and a 7-hour visit: exactly 72',
      shifts: monToFri,
      visit: ['2026-03-07 09:00', '2026-03-07 16:00'],
      dit: [],
      afc: ['weekly_rest'],
    },
    {
      name: '65 hours and a visit after a day and a half off',
      shifts: monToFri,
      visit: ['2026-03-08 09:00', '2026-03-08 13:00'],
      dit: [],
    },
    {
      name: 'five earlies and a visit on Saturday morning: no 24 hours off in 7 days',
      shifts: earlies,
      visit: ['2026-03-07 09:00', '2026-03-07 13:00'],
      dit: [],
      afc: ['weekly_rest'],
    },
    {
      name: 'four earlies and a visit on Saturday morning',
      shifts: earlies.slice(1),
      visit: ['2026-03-07 09:00', '2026-03-07 13:00'],
      dit: [],
    },
  ]);

  describe('rota breaches the visit does not cause', () => {
    runCases([
      {
        name: 'a 78-hour week in the rota, the visit inside a shift',
        shifts: monToSat,
        visit: ['2026-03-04 09:00', '2026-03-04 13:00'],
        dit: [],
        release: ['on_duty'],
      },
      {
        name: 'a 78-hour week in the rota and a visit on the day off makes it worse',
        shifts: monToSat,
        visit: ['2026-03-08 09:00', '2026-03-08 13:00'],
        dit: ['max_weekly_hours'],
        afc: ['max_weekly_hours', 'weekly_rest'],
      },
      {
        name: '9 hours between two shifts in the rota, the visit inside the second',
        shifts: [
          shift('duty', '2026-03-02 14:00', '2026-03-02 23:00'),
          shift('duty', tue('08:00'), tue('16:00')),
        ],
        visit: [tue('09:00'), tue('13:00')],
        dit: [],
        release: ['on_duty'],
      },
      {
        name: '9 hours between two shifts in the rota, the visit straight after the second',
        shifts: [
          shift('duty', '2026-03-02 14:00', '2026-03-02 23:00'),
          shift('duty', tue('08:00'), tue('16:00')),
        ],
        visit: [tue('16:00'), tue('18:00')],
        dit: [],
      },
      {
        name: '9 hours between two shifts in the rota, the visit before the second cuts the rest to 7',
        shifts: [
          shift('duty', '2026-03-02 14:00', '2026-03-02 23:00'),
          shift('duty', tue('08:00'), tue('16:00')),
        ],
        visit: [tue('06:00'), tue('08:00')],
        dit: ['rest_between_shifts'],
      },
      {
        name: 'a 14-hour shift in the rota, the visit inside it',
        shifts: [shift('long_day', tue('07:00'), tue('21:00'))],
        visit: [tue('09:00'), tue('13:00')],
        dit: [],
        release: ['on_duty'],
      },
      {
        name: 'a 14-hour shift in the rota, the visit straight after it makes 15',
        shifts: [shift('long_day', tue('07:00'), tue('21:00'))],
        visit: [tue('21:00'), tue('22:00')],
        dit: ['max_working_period'],
      },
      {
        name: '4 hours between two shifts in the rota; a visit bridging them ends the short rest',
        shifts: [shift('duty', tue('07:00'), tue('11:00')), shift('duty', tue('15:00'), tue('19:00'))],
        visit: [tue('11:00'), tue('15:00')],
        dit: [],
      },
    ]);
  });
});

describe('clock changes: hours are real elapsed hours', () => {
  runCases([
    {
      name: 'spring: 23:00 GMT + 11 hours is 11:00 BST, so 10:00 is too soon',
      shifts: [shift('duty', '2026-03-28 15:00', '2026-03-28 23:00')],
      visit: ['2026-03-29 10:00', '2026-03-29 13:00'],
      dit: ['rest_between_shifts'],
    },
    {
      name: 'spring: 11:00 BST is exactly 11 hours later',
      shifts: [shift('duty', '2026-03-28 15:00', '2026-03-28 23:00')],
      visit: ['2026-03-29 11:00', '2026-03-29 13:00'],
      dit: [],
    },
    {
      name: 'autumn: 23:00 BST + 11 hours is 09:00 GMT',
      shifts: [shift('duty', '2026-10-24 15:00', '2026-10-24 23:00')],
      visit: ['2026-10-25 09:00', '2026-10-25 13:00'],
      dit: [],
    },
    {
      name: 'spring: a night from 19:00 GMT to 08:00 BST is 12 hours; a visit to 09:00 makes 13',
      shifts: [shift('night', '2026-03-28 19:00', '2026-03-29 08:00')],
      visit: ['2026-03-29 08:00', '2026-03-29 09:00'],
      dit: [],
    },
    {
      name: 'spring: the same night and a visit to 10:00 makes 14 real hours',
      shifts: [shift('night', '2026-03-28 19:00', '2026-03-29 08:00')],
      visit: ['2026-03-29 08:00', '2026-03-29 10:00'],
      dit: ['max_working_period'],
    },
    {
      name: 'autumn: a night from 21:00 BST to 08:00 GMT is 12 hours; a visit to 09:00 makes 13',
      shifts: [shift('night', '2026-10-24 21:00', '2026-10-25 08:00')],
      visit: ['2026-10-25 08:00', '2026-10-25 09:00'],
      dit: [],
    },
    {
      name: 'autumn: the same night and a visit to 10:00 makes 14 real hours',
      shifts: [shift('night', '2026-10-24 21:00', '2026-10-25 08:00')],
      visit: ['2026-10-25 08:00', '2026-10-25 10:00'],
      dit: ['max_working_period'],
    },
  ]);
});

describe('release and leave', () => {
  runCases([
    {
      name: 'a training session: released, no cover needed',
      shifts: [shift('training', tue('09:00'), tue('17:00'))],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
      release: ['training'],
    },
    {
      name: 'study leave: released, no cover needed',
      shifts: [shift('study_leave', tue('00:00'), '2026-03-04 00:00')],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
      release: ['study_leave'],
    },
    {
      name: 'annual leave: own time, a warning',
      shifts: [shift('annual_leave', tue('00:00'), '2026-03-04 00:00')],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
      warnings: ['leave'],
    },
    {
      name: 'leave in the morning and a shift after it: both said',
      shifts: [shift('annual_leave', tue('00:00'), tue('12:00')), shift('duty', tue('12:00'), tue('20:00'))],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
      release: ['on_duty'],
      warnings: ['leave'],
    },
    {
      name: 'time away whose reason is not recorded (such as sickness): a block',
      shifts: [shift('absence', tue('00:00'), '2026-03-04 00:00')],
      visit: [tue('09:00'), tue('13:00')],
      dit: ['away'],
    },
    {
      name: 'time away ending as the visit starts',
      shifts: [shift('absence', '2026-03-02 00:00', tue('09:00'))],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
    },
    {
      name: 'a rest day: own time, nothing to say',
      shifts: [shift('rest', tue('00:00'), '2026-03-04 00:00')],
      visit: [tue('09:00'), tue('13:00')],
      dit: [],
    },
  ]);
});

describe('explanations', () => {
  it('time away: says the visitor is away, and nothing about why', () => {
    const report = checkVisit(
      visitInput(tue('09:00'), tue('13:00'), {
        visitorShifts: [{ ...shift('absence', tue('00:00'), '2026-03-04 00:00'), code: 'Time off' }],
      }),
    );
    expect(report.clashes.map((c) => c.explanation)).toEqual([
      'Your rota shows you away from work then (Tue 3 Mar, 00:00 to Wed 4 Mar, 00:00), so a visit cannot be arranged at that time.',
    ]);
  });

  const nurse = chooseWorkingTimeRules({ profession: 'nursing', jobTitle: 'Staff Nurse' });
  const fy1 = chooseWorkingTimeRules({ profession: 'medical', jobTitle: 'FY1 Doctor' });

  it('rest between working days: when work ends and the earliest a visit can start', () => {
    const report = checkVisit(
      visitInput(tue('09:00'), tue('13:00'), {
        visitorShifts: [shift('duty', '2026-03-02 14:00', '2026-03-02 23:00', 'LATE-7')],
        visitorRules: nurse,
      }),
    );
    expect(report.clashes).toEqual([
      {
        rule: 'rest_between_shifts',
        who: 'visitor',
        start: '2026-03-02T23:00:00+00:00',
        end: '2026-03-03T10:00:00+00:00',
        explanation:
          'You finish work at Mon 2 Mar, 23:00. This visit would start your next working day at Tue 3 Mar, ' +
          "09:00, only 10 hours later. You need at least 11 hours' rest between working days, so the " +
          'earliest a visit can start is Tue 3 Mar, 10:00.',
      },
    ]);
  });

  it('rest after nights: the 46 hours and the earliest time', () => {
    const run = [night('2026-03-02', '2026-03-03'), night('2026-03-03', '2026-03-04')];
    const report = checkVisit(
      visitInput('2026-03-05 09:00', '2026-03-05 13:00', { visitorShifts: run, visitorRules: fy1 }),
    );
    expect(report.clashes).toEqual([
      {
        rule: 'rest_after_nights',
        who: 'visitor',
        start: londonIso('2026-03-04 08:00'),
        end: londonIso('2026-03-06 06:00'),
        explanation:
          'You finish a night shift at Wed 4 Mar, 08:00. This visit would start your next working day at ' +
          "Thu 5 Mar, 09:00, only 25 hours later. After nights you need 46 hours' rest before your next " +
          'working day, so the earliest a visit can start is Fri 6 Mar, 06:00.',
      },
    ]);
  });

  it('a working day too long: its times, its length and the limit', () => {
    const report = checkVisit(
      visitInput(tue('20:30'), tue('22:30'), {
        visitorShifts: [shift('long_day', tue('07:30'), tue('20:30'))],
        visitorRules: nurse,
      }),
    );
    expect(report.clashes[0]).toMatchObject({
      rule: 'max_working_period',
      start: londonIso(tue('07:30')),
      end: londonIso(tue('22:30')),
      explanation:
        'With this visit your working day would run Tue 3 Mar, 07:30-22:30: 15 hours. A working day may ' +
        'last at most 13 hours from start to finish (a break of 2 hours or less does not end it).',
    });
  });

  it('weekly hours: the hours, the 7 days and the limit', () => {
    const longDays = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) =>
      shift('long_day', `${d} 07:00`, `${d} 20:00`),
    );
    const report = checkVisit(
      visitInput('2026-03-07 09:00', '2026-03-07 17:00', { visitorShifts: longDays, visitorRules: fy1 }),
    );
    const clash = report.clashes[0];
    expect(clash?.explanation).toMatch(
      /^With this visit you would work 73 hours in the 7 days from .+ to .+\. The limit is 72 hours in any 7 days\.$/,
    );
    expect(Date.parse(clash?.end ?? '') - Date.parse(clash?.start ?? '')).toBe(168 * 3_600_000);
  });

  it('8 days in a row: the dates and the limit', () => {
    const days = ['02', '03', '04', '05', '06', '07', '08'].map((d) =>
      shift('duty', `2026-03-${d} 08:00`, `2026-03-${d} 16:00`),
    );
    const report = checkVisit(
      visitInput('2026-03-09 09:00', '2026-03-09 13:00', { visitorShifts: days, visitorRules: fy1 }),
    );
    expect(report.clashes[0]?.explanation).toBe(
      'With this visit you would work 8 days in a row (Mon 2 Mar to Mon 9 Mar). The most allowed is 7 days in a row.',
    );
  });

  it('weekly rest: the stretch without 24 hours off', () => {
    const days = ['02', '03', '04', '05', '06'].map((d) =>
      shift('duty', `2026-03-${d} 08:00`, `2026-03-${d} 16:00`),
    );
    const report = checkVisit(
      visitInput('2026-03-07 09:00', '2026-03-07 13:00', { visitorShifts: days, visitorRules: nurse }),
    );
    expect(report.clashes[0]?.explanation).toBe(
      'With this visit you would work from Mon 2 Mar, 08:00 to Sat 7 Mar, 13:00 without 24 hours off in a ' +
        "row. You need at least 24 hours' rest in every 7 days.",
    );
  });
});
