import { checkVisit, type CheckVisitInput } from '../../../../src/domain/clash';
import type { Shift } from '../../../../src/domain/rota';
import type { RequestState, ShadowingRequest } from '../../../../src/domain/requests';
import { applyRotaRecheck } from '../../../../src/domain/workflow/applyRotaRecheck';
import { clashKey, decideRotaRecheck } from '../../../../src/domain/workflow/rotaRecheck';
import { DOCTORS_IN_TRAINING_RULES } from '../../../../src/domain/clash';
import { londonIso, night, offer, shift } from '../clash/clashFixtures';

const NOW = new Date('2027-03-01T09:00:00Z');
// Tuesday 9 March 2027, a morning with the host.
const VISIT = { start: londonIso('2027-03-09 09:00'), end: londonIso('2027-03-09 13:00') };
const HOST_SHIFT = shift('duty', '2027-03-09 08:00', '2027-03-09 16:00', 'E');
const HOST_LEAVE = shift('annual_leave', '2027-03-09 00:00', '2027-03-10 00:00', 'AL');

function request(state: RequestState, overrides: Partial<ShadowingRequest> = {}): ShadowingRequest {
  return {
    id: 'r1',
    visitorId: 'visitor',
    managerId: 'manager',
    hostId: 'host',
    offerId: 'o1',
    state,
    purpose: 'To learn how discharges are planned',
    objectives: ['See a board round'],
    start: new Date(VISIT.start).toISOString(),
    end: new Date(VISIT.end).toISOString(),
    timeBasis: 'own_time',
    releaseHours: 0,
    coverHours: 0,
    history: [],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

/** The visit checked against the rotas given, as the re-check does after an import. */
function check(visitorShifts: Shift[], hostShifts: Shift[] = [HOST_SHIFT]): ReturnType<typeof checkVisit> {
  const input: CheckVisitInput = {
    ...VISIT,
    visitorShifts,
    visitorRules: DOCTORS_IN_TRAINING_RULES,
    hostShifts,
    offer: offer([['tue', 'am']]),
    heldBookings: [],
    requestId: 'r1',
  };
  return checkVisit(input);
}

const WORK_4H = { timeBasis: 'work_time', releaseHours: 4, coverHours: 4 } as const;

interface Case {
  name: string;
  state: RequestState;
  stored?: Partial<ShadowingRequest>;
  visitorShifts: Shift[];
  hostShifts?: Shift[];
  outcome: 'unchanged' | 'release_changed' | 'clash' | 'clash_cleared';
  rules?: string[];
  after?: { timeBasis: string; releaseHours: number; coverHours: number };
}

const CASES: Case[] = [
  {
    name: 'no change: still off the rota, in own time',
    state: 'confirmed',
    visitorShifts: [shift('rest', '2027-03-09 00:00', '2027-03-10 00:00', 'R')],
    outcome: 'unchanged',
  },
  {
    name: 'no change: the long day the manager released is still there',
    state: 'confirmed',
    stored: WORK_4H,
    visitorShifts: [shift('long_day', '2027-03-09 08:00', '2027-03-09 20:30', 'LD')],
    outcome: 'unchanged',
  },
  {
    name: 'basis change: a late shift now covers the morning, own time becomes work time',
    state: 'confirmed',
    visitorShifts: [shift('duty', '2027-03-09 08:00', '2027-03-09 16:00', 'E')],
    outcome: 'release_changed',
    after: { timeBasis: 'work_time', releaseHours: 4, coverHours: 4 },
  },
  {
    name: 'basis change: training now fills the morning, released with no cover needed',
    state: 'awaiting_host',
    visitorShifts: [shift('training', '2027-03-09 09:00', '2027-03-09 13:00', 'TR')],
    outcome: 'release_changed',
    after: { timeBasis: 'work_time', releaseHours: 4, coverHours: 0 },
  },
  {
    name: 'hours change: an early shift ending at 11:00 releases 2 hours, not 4',
    state: 'confirmed',
    stored: WORK_4H,
    visitorShifts: [shift('duty', '2027-03-09 07:00', '2027-03-09 11:00', 'E')],
    outcome: 'release_changed',
    after: { timeBasis: 'work_time', releaseHours: 2, coverHours: 2 },
  },
  {
    name: 'hours change while the manager still decides: the figures are brought up to date',
    state: 'awaiting_manager',
    visitorShifts: [shift('on_call', '2027-03-09 09:00', '2027-03-09 11:00', 'OC')],
    outcome: 'release_changed',
    after: { timeBasis: 'work_time', releaseHours: 2, coverHours: 2 },
  },
  {
    name: 'new clash: nights ending the morning before leave less than 46 hours of rest',
    state: 'confirmed',
    visitorShifts: [night('2027-03-06', '2027-03-07'), night('2027-03-07', '2027-03-08')],
    outcome: 'clash',
    rules: ['rest_after_nights'],
  },
  {
    name: 'new clash: a night ending at 08:00 makes the visit part of a working day over 13 hours',
    state: 'awaiting_manager',
    visitorShifts: [night('2027-03-08', '2027-03-09')],
    outcome: 'clash',
    rules: ['max_working_period'],
  },
  {
    name: 'host leave: the host is now on annual leave that day',
    state: 'confirmed',
    visitorShifts: [],
    hostShifts: [HOST_LEAVE],
    outcome: 'clash',
    rules: ['host_on_leave'],
  },
  {
    name: 'host not working: the host now has a rota that does not cover the visit',
    state: 'awaiting_host',
    visitorShifts: [],
    hostShifts: [shift('duty', '2027-03-09 13:00', '2027-03-09 21:00', 'L')],
    outcome: 'clash',
    rules: ['host_not_working'],
  },
  {
    name: 'a clash already told is not told again',
    state: 'confirmed',
    stored: { rotaClash: clashKey(check([], [HOST_LEAVE]).clashes) },
    visitorShifts: [],
    hostShifts: [HOST_LEAVE],
    outcome: 'unchanged',
  },
  {
    name: 'a clash told before has gone: the visit fits again',
    state: 'confirmed',
    stored: { rotaClash: 'host_not_working:host:1:2' },
    visitorShifts: [],
    outcome: 'clash_cleared',
  },
];

describe('checking a visit again after a rota change', () => {
  it.each(CASES)('$name', ({ state, stored, visitorShifts, hostShifts, outcome, rules, after }) => {
    const before = request(state, stored);
    const decided = decideRotaRecheck(before, check(visitorShifts, hostShifts), NOW);
    expect(decided.outcome).toBe(outcome);
    if (decided.outcome === 'clash') expect(decided.clashes.map((c) => c.rule)).toEqual(rules);
    if (decided.outcome === 'release_changed') expect(decided.after).toEqual(after);
    const written = applyRotaRecheck(before, decided, NOW);
    if (outcome === 'unchanged') expect(written).toBeUndefined();
    else expect(written).toBeDefined();
  });

  it('sends a changed release on a confirmed visit back to the manager, cover to be chosen again', () => {
    const before = request('confirmed', {
      ...WORK_4H,
      cover: 'arranged',
      coverMethod: 'within_team',
      history: [{ from: 'awaiting_host', to: 'confirmed', by: 'host', at: NOW.toISOString() }],
    });
    const shifts = [shift('duty', '2027-03-09 07:00', '2027-03-09 11:00', 'E')];
    const decided = decideRotaRecheck(before, check(shifts), NOW);
    const after = applyRotaRecheck(before, decided, NOW)!;
    expect(after).toMatchObject({ state: 'awaiting_manager', releaseHours: 2, coverHours: 2 });
    expect(after.cover).toBeUndefined();
    expect(after.coverMethod).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({ from: 'confirmed', to: 'awaiting_manager', by: 'system' });
    // Once written, the same rota finds nothing more to do.
    expect(decideRotaRecheck(after, check(shifts), NOW).outcome).toBe('unchanged');
  });

  it('records a clash once, whatever order the findings come in', () => {
    const before = request('confirmed');
    const report = check([], [HOST_LEAVE]);
    const decided = decideRotaRecheck(before, report, NOW);
    const after = applyRotaRecheck(before, decided, NOW)!;
    expect(after.state).toBe('confirmed');
    const reversed = { ...report, clashes: [...report.clashes].reverse() };
    expect(decideRotaRecheck(after, reversed, NOW).outcome).toBe('unchanged');
  });

  it.each(['host_proposed_time', 'completed', 'cancelled', 'declined_by_manager'] as const)(
    'leaves a request %s alone',
    (state) => {
      const before = request(state);
      expect(decideRotaRecheck(before, check([], [HOST_LEAVE]), NOW).outcome).toBe('unchanged');
    },
  );

  it('leaves a visit already under way or past alone', () => {
    const later = new Date(Date.parse(VISIT.start) + 60_000);
    expect(decideRotaRecheck(request('confirmed'), check([], [HOST_LEAVE]), later).outcome).toBe('unchanged');
  });

  it('leaves requests from before release was recorded as their manager approved them', () => {
    const legacy = request('confirmed', {
      timeBasis: undefined,
      releaseHours: undefined,
      coverHours: undefined,
    });
    const shifts = [shift('duty', '2027-03-09 08:00', '2027-03-09 16:00', 'E')];
    expect(decideRotaRecheck(legacy, check(shifts), NOW).outcome).toBe('unchanged');
  });

  it('does not count places or capacity: only what a rota can change', () => {
    const report = check([]);
    const withCapacity = {
      ...report,
      ok: false,
      clashes: [
        {
          rule: 'host_capacity_full' as const,
          who: 'host' as const,
          start: VISIT.start,
          end: VISIT.end,
          explanation: 'The host has no places left that week.',
        },
      ],
    };
    expect(decideRotaRecheck(request('confirmed'), withCapacity, NOW).outcome).toBe('unchanged');
  });
});
