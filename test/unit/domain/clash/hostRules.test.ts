import { checkVisit, type CheckVisitInput, type RuleId } from '../../../../src/domain/clash';
import { BROKEN_TEXT, booking, londonIso, offer, shift, visitInput } from './clashFixtures';

// March 2026: Mon 2, Tue 3, ... Tue 10, Tue 17, Tue 24, Sun 29 (clocks go forward), Tue 31.
const tuesdayMornings = offer([['tue', 'am']]);
const tuesdayAm: [string, string] = ['2026-03-03 09:00', '2026-03-03 13:00'];

function hostRules(from: string, to: string, input: Partial<CheckVisitInput>): RuleId[] {
  const report = checkVisit(visitInput(from, to, input));
  report.clashes.forEach((c) => expect(c.explanation).not.toMatch(BROKEN_TEXT));
  return report.clashes.filter((c) => c.who === 'host').map((c) => c.rule);
}

describe('host_on_leave and host_on_duty_elsewhere', () => {
  it.each([
    [
      'host on annual leave',
      shift('annual_leave', '2026-03-03 00:00', '2026-03-04 00:00'),
      ['host_on_leave'],
    ],
    [
      'host on study leave 1 minute into the visit',
      shift('study_leave', '2026-03-03 12:59', '2026-03-03 17:00'),
      ['host_on_leave'],
    ],
    ['host on a rest day', shift('rest', '2026-03-03 00:00', '2026-03-04 00:00'), ['host_on_leave']],
    [
      'host away for a reason not recorded',
      shift('absence', '2026-03-03 00:00', '2026-03-04 00:00'),
      ['host_on_leave'],
    ],
    [
      'host leave ending as the visit starts',
      shift('annual_leave', '2026-03-02 00:00', '2026-03-03 09:00'),
      [],
    ],
    ['host on call', shift('on_call', '2026-03-03 08:00', '2026-03-03 18:00'), ['host_on_duty_elsewhere']],
    [
      'host on a night shift crossing into the visit: not at work for the rest of it',
      shift('night', '2026-03-02 21:00', '2026-03-03 09:30'),
      ['host_not_working'],
    ],
    [
      'host in training',
      shift('training', '2026-03-03 09:00', '2026-03-03 17:00'),
      ['host_on_duty_elsewhere'],
    ],
    [
      'host on an ordinary shift (where the visitor shadows them)',
      shift('duty', '2026-03-03 08:00', '2026-03-03 16:00'),
      [],
    ],
  ] as const)('%s', (_name, hostShift, expected) => {
    expect(hostRules(...tuesdayAm, { hostShifts: [hostShift], offer: tuesdayMornings })).toEqual(expected);
  });

  it('does not tell the visitor why the host is away', () => {
    const report = checkVisit(
      visitInput(...tuesdayAm, {
        hostShifts: [shift('study_leave', '2026-03-03 00:00', '2026-03-04 00:00', 'SL')],
      }),
    );
    expect(report.clashes[0]?.explanation).toBe(
      'The host is away (Tue 3 Mar, 00:00 to Wed 4 Mar, 00:00), so cannot host a visit then.',
    );
    expect(report.clashes[0]?.explanation).not.toMatch(/study|SL/);
  });

  it('does not check a host rota it was not given', () => {
    expect(hostRules(...tuesdayAm, {})).toEqual([]);
  });
});

describe('host_not_working: a host with a rota must be on shift for the whole visit', () => {
  /** Earlies on other days, so the host has a rota. */
  const otherDays = [shift('duty', '2026-03-05 07:00', '2026-03-05 15:00', 'E')];
  it.each([
    ['host off duty that day', [], ['host_not_working']],
    [
      'host on a late (13:00-21:00)',
      [shift('duty', '2026-03-03 13:00', '2026-03-03 21:00')],
      ['host_not_working'],
    ],
    [
      'host just off a night (ending 08:00)',
      [shift('night', '2026-03-02 20:00', '2026-03-03 08:00')],
      ['host_not_working'],
    ],
    ['host on an early (07:00-15:00)', [shift('duty', '2026-03-03 07:00', '2026-03-03 15:00')], []],
    ['host on a long day', [shift('long_day', '2026-03-03 07:30', '2026-03-03 20:30')], []],
    [
      'host on two touching shifts (07:00-11:00, 11:00-15:00)',
      [
        shift('duty', '2026-03-03 07:00', '2026-03-03 11:00'),
        shift('duty', '2026-03-03 11:00', '2026-03-03 15:00'),
      ],
      [],
    ],
    [
      'host on two shifts with an hour between',
      [
        shift('duty', '2026-03-03 07:00', '2026-03-03 10:00'),
        shift('duty', '2026-03-03 11:00', '2026-03-03 15:00'),
      ],
      ['host_not_working'],
    ],
    [
      'host on annual leave: one reason, the leave',
      [shift('annual_leave', '2026-03-03 00:00', '2026-03-04 00:00')],
      ['host_on_leave'],
    ],
    [
      'host on a rest day: one reason',
      [shift('rest', '2026-03-03 00:00', '2026-03-04 00:00')],
      ['host_on_leave'],
    ],
    [
      'host on call: one reason',
      [shift('on_call', '2026-03-03 08:00', '2026-03-03 18:00')],
      ['host_on_duty_elsewhere'],
    ],
    [
      'host in training: one reason',
      [shift('training', '2026-03-03 09:00', '2026-03-03 17:00')],
      ['host_on_duty_elsewhere'],
    ],
    [
      'host on an early until 11:00 then in training: both causes',
      [
        shift('duty', '2026-03-03 07:00', '2026-03-03 11:00'),
        shift('training', '2026-03-03 11:00', '2026-03-03 17:00'),
      ],
      ['host_on_duty_elsewhere'],
    ],
  ] as const)('%s', (_name, shifts, expected) => {
    const input = { hostShifts: [...otherDays, ...shifts], offer: tuesdayMornings };
    expect(hostRules(...tuesdayAm, input)).toEqual(expected);
  });

  it.each([
    ['no rota at all', []],
    [
      'only leave and rest days',
      [
        shift('annual_leave', '2026-03-10 00:00', '2026-03-11 00:00'),
        shift('rest', '2026-03-04 00:00', '2026-03-05 00:00'),
      ],
    ],
    ['shifts only more than 14 days away', [shift('duty', '2026-03-18 07:00', '2026-03-18 15:00')]],
  ] as const)('a host without a rota (%s) is taken to work the sessions offered', (_name, shifts) => {
    expect(hostRules(...tuesdayAm, { hostShifts: [...shifts], offer: tuesdayMornings })).toEqual([]);
  });

  it('a shift 14 days away is a rota', () => {
    const shifts = [shift('duty', '2026-03-17 07:00', '2026-03-17 15:00')];
    expect(hostRules(...tuesdayAm, { hostShifts: shifts, offer: tuesdayMornings })).toEqual([
      'host_not_working',
    ]);
  });

  it('does not say what the host is doing instead', () => {
    const report = checkVisit(
      visitInput(...tuesdayAm, {
        hostShifts: [shift('duty', '2026-03-03 13:00', '2026-03-03 21:00', 'LATE')],
      }),
    );
    expect(report.clashes[0]?.explanation).toBe(
      'The host is not rostered to work for all of Tue 3 Mar, 09:00-13:00, so cannot host a visit then.',
    );
  });
});

describe('host_not_offered', () => {
  it.each([
    ['the offered Tuesday morning', tuesdayMornings, tuesdayAm, []],
    ['part of the offered morning', tuesdayMornings, ['2026-03-03 10:00', '2026-03-03 12:00'], []],
    [
      'starting 1 minute before the session',
      tuesdayMornings,
      ['2026-03-03 08:59', '2026-03-03 13:00'],
      ['host_not_offered'],
    ],
    [
      'running 1 minute past the session',
      tuesdayMornings,
      ['2026-03-03 09:00', '2026-03-03 13:01'],
      ['host_not_offered'],
    ],
    [
      'Tuesday afternoon, not offered',
      tuesdayMornings,
      ['2026-03-03 13:00', '2026-03-03 17:00'],
      ['host_not_offered'],
    ],
    [
      'Wednesday morning, not offered',
      tuesdayMornings,
      ['2026-03-04 09:00', '2026-03-04 13:00'],
      ['host_not_offered'],
    ],
    [
      'a full day across an AM and a PM session: a visit lies within one session',
      offer([
        ['tue', 'am'],
        ['tue', 'pm'],
      ]),
      ['2026-03-03 09:00', '2026-03-03 17:00'],
      ['host_not_offered'],
    ],
    [
      'a session with its own times (Tuesdays 07:45-12:00)',
      { ...offer([]), sessions: [{ weekday: 'tue', part: 'am', start: '07:45', end: '12:00' }] },
      ['2026-03-03 07:45', '2026-03-03 12:00'],
      [],
    ],
    [
      'the default morning against a session with its own times',
      { ...offer([]), sessions: [{ weekday: 'tue', part: 'am', start: '07:45', end: '12:00' }] },
      tuesdayAm,
      ['host_not_offered'],
    ],
    [
      'part of a dated session (the board meeting on Thu 14 Jan 2027, 10:00-13:00)',
      { ...offer([]), sessions: [{ date: '2027-01-14', start: '10:00', end: '13:00' }] },
      ['2027-01-14 10:30', '2027-01-14 12:30'],
      [],
    ],
    [
      'the same time a week later: a dated session is not weekly',
      { ...offer([]), sessions: [{ date: '2027-01-14', start: '10:00', end: '13:00' }] },
      ['2027-01-21 10:30', '2027-01-21 12:30'],
      ['host_not_offered'],
    ],
    ['a morning within a full-day session', offer([['tue', 'full_day']]), tuesdayAm, []],
    [
      'a full day when only mornings are offered',
      tuesdayMornings,
      ['2026-03-03 09:00', '2026-03-03 17:00'],
      ['host_not_offered'],
    ],
    [
      'Sunday morning on the day the clocks go forward',
      offer([['sun', 'am']]),
      ['2026-03-29 09:00', '2026-03-29 13:00'],
      [],
    ],
    ['a summer Tuesday morning in BST', tuesdayMornings, ['2026-07-07 09:00', '2026-07-07 13:00'], []],
    ['a paused offer', offer([['tue', 'am']], { status: 'paused' }), tuesdayAm, ['host_not_offered']],
  ] as const)('%s', (_name, terms, visit, expected) => {
    expect(hostRules(visit[0], visit[1], { offer: terms })).toEqual(expected);
  });

  it('says what the host does offer', () => {
    const terms = offer([
      ['thu', 'full_day'],
      ['tue', 'am'],
    ]);
    const report = checkVisit(visitInput('2026-03-04 09:00', '2026-03-04 13:00', { offer: terms }));
    expect(report.clashes[0]?.explanation).toBe(
      'The host does not offer visits at Wed 4 Mar, 09:00-13:00. They offer Tuesday mornings (09:00-13:00) ' +
        'and Thursday full days (09:00-17:00).',
    );
    const paused = checkVisit(visitInput(...tuesdayAm, { offer: { ...terms, status: 'paused' } }));
    expect(paused.clashes[0]?.explanation).toMatch(/paused/);
  });
});

describe('host_capacity_full', () => {
  const weekly = (cap: number) =>
    offer(
      [
        ['tue', 'am'],
        ['thu', 'am'],
        ['sun', 'am'],
      ],
      { capacityPerWeek: cap },
    );
  const monthly = (cap: number) =>
    offer(
      [
        ['tue', 'am'],
        ['thu', 'am'],
      ],
      { capacityPerMonth: cap },
    );

  it.each([
    [
      '2 held in the week, 2 a week',
      weekly(2),
      [
        booking('a', '2026-03-05 09:00', '2026-03-05 13:00'),
        booking('b', '2026-03-08 09:00', '2026-03-08 13:00'),
      ],
      ['host_capacity_full'],
    ],
    ['1 held in the week, 2 a week', weekly(2), [booking('a', '2026-03-05 09:00', '2026-03-05 13:00')], []],
    [
      '2 held, but one in the week before',
      weekly(2),
      [
        booking('a', '2026-03-05 09:00', '2026-03-05 13:00'),
        booking('b', '2026-03-01 09:00', '2026-03-01 13:00'),
      ],
      [],
    ],
    ['a week of 0 places', weekly(0), [], ['host_capacity_full']],
    [
      '3 held in March, 3 a month',
      monthly(3),
      [
        booking('a', '2026-03-12 09:00', '2026-03-12 13:00'),
        booking('b', '2026-03-19 09:00', '2026-03-19 13:00'),
        booking('c', '2026-03-26 09:00', '2026-03-26 13:00'),
      ],
      ['host_capacity_full'],
    ],
    [
      '2 in March and 1 on 1 April at 00:30 BST (31 March in UTC)',
      monthly(3),
      [
        booking('a', '2026-03-12 09:00', '2026-03-12 13:00'),
        booking('b', '2026-03-19 09:00', '2026-03-19 13:00'),
        booking('c', '2026-04-01 00:30', '2026-04-01 01:00'),
      ],
      [],
    ],
    [
      'the request being checked does not count against itself',
      weekly(1),
      [booking('this-request', '2026-03-03 09:00', '2026-03-03 13:00')],
      [],
    ],
  ] as const)('%s', (_name, terms, held, expected) => {
    const input = { offer: terms, heldBookings: [...held], requestId: 'this-request' };
    expect(hostRules(...tuesdayAm, input)).toEqual(expected);
  });

  it('counts the London week: Sunday 23:30 BST belongs to the week that started on the Monday before', () => {
    const terms = offer([['mon', 'am']], { capacityPerWeek: 1 });
    const lateSunday = [booking('a', '2026-03-29 23:30', '2026-03-29 23:45')];
    expect(
      hostRules('2026-03-30 09:00', '2026-03-30 13:00', { offer: terms, heldBookings: lateSunday }),
    ).toEqual([]);
    expect(
      hostRules('2026-03-23 09:00', '2026-03-23 13:00', { offer: terms, heldBookings: lateSunday }),
    ).toEqual(['host_capacity_full']);
  });

  it('reports the full week as the clash window and explains it', () => {
    const held = [booking('a', '2026-03-05 09:00', '2026-03-05 13:00')];
    const report = checkVisit(visitInput(...tuesdayAm, { offer: weekly(1), heldBookings: held }));
    expect(report.clashes[0]).toEqual({
      rule: 'host_capacity_full',
      who: 'host',
      start: londonIso('2026-03-02 00:00'),
      end: londonIso('2026-03-09 00:00'),
      explanation:
        'The host already has 1 visit booked or waiting for a decision in the week starting Mon 2 Mar, and ' +
        'takes at most 1 visit a week.',
    });
  });
});

describe('host_slot_held', () => {
  it.each([
    ['another request for the same morning', booking('a', ...tuesdayAm), ['host_slot_held']],
    [
      'another request overlapping by 1 minute',
      booking('a', '2026-03-03 12:59', '2026-03-03 17:00'),
      ['host_slot_held'],
    ],
    [
      'another request later in the same full-day session: its one place is taken',
      booking('a', '2026-03-03 13:00', '2026-03-03 17:00'),
      ['host_slot_held'],
    ],
    ['this request holding its own slot', booking('this-request', ...tuesdayAm), []],
  ] as const)('%s', (_name, held, expected) => {
    const input = { offer: offer([['tue', 'full_day']]), heldBookings: [held], requestId: 'this-request' };
    expect(hostRules(...tuesdayAm, input)).toEqual(expected);
  });

  it.each([
    ['2 places, 1 held', 2, [booking('a', ...tuesdayAm)], []],
    [
      '2 places, 2 held',
      2,
      [booking('a', ...tuesdayAm), booking('b', '2026-03-03 10:00', '2026-03-03 12:00')],
      ['host_slot_held'],
    ],
    ['3 places, 2 held', 3, [booking('a', ...tuesdayAm), booking('b', ...tuesdayAm)], []],
    [
      '1 place, held in the afternoon session of the same day',
      1,
      [booking('a', '2026-03-03 13:00', '2026-03-03 17:00')],
      [],
    ],
    ['1 place, held the week before', 1, [booking('a', '2026-02-24 09:00', '2026-02-24 13:00')], []],
    [
      '2 places, one held by this request itself',
      2,
      [booking('this-request', ...tuesdayAm), booking('a', ...tuesdayAm)],
      [],
    ],
  ] as const)('several visitors per session: %s', (_name, places, held, expected) => {
    const terms = {
      ...offer([
        ['tue', 'am'],
        ['tue', 'pm'],
      ]),
      visitorsPerSession: places,
    };
    expect(
      hostRules(...tuesdayAm, { offer: terms, heldBookings: [...held], requestId: 'this-request' }),
    ).toEqual(expected);
  });

  it('says how many places the session has and that they are taken', () => {
    const terms = { ...offer([['tue', 'am']]), visitorsPerSession: 2 };
    const held = [booking('a', ...tuesdayAm), booking('b', ...tuesdayAm)];
    const report = checkVisit(visitInput(...tuesdayAm, { offer: terms, heldBookings: held }));
    expect(report.clashes).toEqual([
      {
        rule: 'host_slot_held',
        who: 'host',
        start: londonIso('2026-03-03 09:00'),
        end: londonIso('2026-03-03 13:00'),
        explanation:
          'The host takes 2 visitors in the session Tue 3 Mar, 09:00-13:00, and 2 visitors have already asked for or booked it.',
      },
    ]);
  });

  it('names the held time but not who holds it', () => {
    const report = checkVisit(visitInput(...tuesdayAm, { heldBookings: [booking('req-42', ...tuesdayAm)] }));
    expect(report.clashes[0]?.explanation).toBe(
      'Another visitor has already asked for or booked Tue 3 Mar, 09:00-13:00 with this host.',
    );
    expect(report.clashes[0]?.explanation).not.toMatch(/req-42/);
  });
});
