import type { ShadowingRequest } from '../../../../src/domain/requests';
import { dueActions } from '../../../../src/domain/workflow/dueReminders';
import { workingDaysBetween } from '../../../../src/domain/workflow/workingDays';

describe('workingDaysBetween', () => {
  it.each([
    ['Fri 15:00 to Mon 14:59', '2026-11-20T15:00:00Z', '2026-11-23T14:59:00Z', 0],
    ['Fri 15:00 to Mon 15:00', '2026-11-20T15:00:00Z', '2026-11-23T15:00:00Z', 1],
    ['Fri to Tue after the August bank holiday', '2026-08-28T15:00:00Z', '2026-09-01T15:00:00Z', 1],
    [
      'Christmas week 2026 (25th and 28th are bank holidays)',
      '2026-12-24T09:00:00Z',
      '2026-12-31T09:00:00Z',
      3,
    ],
    ['same day', '2026-11-23T09:00:00Z', '2026-11-23T17:00:00Z', 0],
    ['across the October clock change', '2026-10-23T10:00:00+01:00', '2026-10-27T10:00:00Z', 2],
  ])('%s', (_name, from, to, expected) => {
    expect(workingDaysBetween(new Date(from), new Date(to))).toBe(expected);
  });

  it('uses a configured holiday list instead of the default', () => {
    expect(
      workingDaysBetween(new Date('2026-11-20T15:00:00Z'), new Date('2026-11-24T15:00:00Z'), ['2026-11-23']),
    ).toBe(1);
  });
});

function request(
  state: ShadowingRequest['state'],
  enteredAt: string,
  start = '2026-12-10T09:00:00Z',
): ShadowingRequest {
  return {
    id: 'r1',
    visitorId: 'v',
    managerId: 'm',
    hostId: 'h',
    state,
    purpose: 'p',
    objectives: ['o'],
    start,
    end: '2026-12-10T13:00:00Z',
    history: [{ from: 'draft', to: state, by: 'v', at: enteredAt }],
    createdAt: enteredAt,
    updatedAt: enteredAt,
  };
}

describe('dueActions', () => {
  const sentMonday = '2026-11-23T10:00:00Z';
  it.each([
    ['nothing after 1 working day', '2026-11-24T10:00:00Z', []],
    ['a reminder after 2 working days', '2026-11-25T10:00:00Z', ['remind']],
    ['a reminder and an escalation after 5', '2026-11-30T10:00:00Z', ['remind', 'escalate']],
    ['expiry once the visit time has passed', '2026-12-10T09:00:00Z', ['expire']],
  ])('awaiting the manager: %s', (_name, now, kinds) => {
    expect(dueActions(request('awaiting_manager', sentMonday), new Date(now)).map((a) => a.kind)).toEqual(
      kinds,
    );
  });

  it('keys reminders to when the state began, so repeated runs find the same ones', () => {
    const actions = dueActions(request('awaiting_host', sentMonday), new Date('2026-11-25T10:00:00Z'));
    expect(actions).toEqual([
      { kind: 'remind', requestId: 'r1', waitingOn: 'awaiting_host', since: sentMonday },
    ]);
  });

  it.each([
    ['2026-12-09T07:59:00Z', []],
    ['2026-12-09T08:00:00Z', ['day_before']],
    ['2026-12-10T08:59:00Z', ['day_before']],
    ['2026-12-10T09:00:00Z', []],
  ])('a confirmed visit on 10 Dec at %s', (now, kinds) => {
    expect(dueActions(request('confirmed', sentMonday), new Date(now)).map((a) => a.kind)).toEqual(kinds);
  });

  it.each(['cancelled', 'completed', 'declined_by_manager', 'expired'] as const)(
    'owes nothing for a %s request',
    (state) => {
      expect(dueActions(request(state, sentMonday), new Date('2026-12-20T10:00:00Z'))).toEqual([]);
    },
  );
});
