import { dueCoverActions } from '../../../../src/domain/cover/dueCoverActions';
import type { RequestState, ShadowingRequest } from '../../../../src/domain/requests';

// Cover handed over on Monday 1 March 2027, 10:00; the visit is weeks later.
const HANDED = '2027-03-01T10:00:00.000Z';

function request(overrides: Partial<ShadowingRequest> = {}): ShadowingRequest {
  return {
    id: 'r1',
    visitorId: 'v',
    managerId: 'm',
    state: 'awaiting_host',
    purpose: 'p',
    objectives: ['o'],
    start: '2027-04-20T08:00:00.000Z',
    end: '2027-04-20T12:00:00.000Z',
    cover: 'pending',
    coverArrangerId: 'c',
    coverHistory: [{ to: 'pending', by: 'm', at: HANDED }],
    history: [],
    createdAt: HANDED,
    updatedAt: HANDED,
    ...overrides,
  };
}

describe('reminders and escalation for cover', () => {
  it.each([
    ['2027-03-02T12:00:00Z', []],
    ['2027-03-03T10:00:00Z', ['cover_remind']],
    ['2027-03-05T16:00:00Z', ['cover_remind']],
    ['2027-03-08T10:00:00Z', ['cover_remind', 'cover_escalate']],
  ])('at %s, while cover is pending: %j', (now, kinds) => {
    const due = dueCoverActions(request(), new Date(now));
    expect(due.map((d) => d.kind)).toEqual(kinds);
    for (const action of due) expect(action).toMatchObject({ waitingOn: 'arranger', since: HANDED });
  });

  it('waits on the manager once cover failed, until they release without it', () => {
    const failed = request({
      cover: 'failed',
      coverHistory: [{ from: 'pending', to: 'failed', by: 'c', at: HANDED }],
    });
    expect(dueCoverActions(failed, new Date('2027-03-04T10:00:00Z'))).toEqual([
      { kind: 'cover_remind', requestId: 'r1', waitingOn: 'manager', since: HANDED },
    ]);
    expect(
      dueCoverActions({ ...failed, releasedWithoutCover: true }, new Date('2027-03-04T10:00:00Z')),
    ).toEqual([]);
  });

  it.each<[string, Partial<ShadowingRequest>]>([
    ['cover arranged', { cover: 'arranged' }],
    ['no cover needed', { cover: 'not_needed' }],
    ['a request from before cover was kept', { cover: undefined }],
    ['the visit already started', { start: '2027-03-03T08:00:00.000Z' }],
    ...(['awaiting_manager', 'cancelled', 'completed', 'declined_by_host', 'expired'] as RequestState[]).map(
      (state): [string, Partial<ShadowingRequest>] => [`a request ${state}`, { state }],
    ),
  ])('owes nothing for %s', (_name, overrides) => {
    expect(dueCoverActions(request(overrides), new Date('2027-03-12T10:00:00Z'))).toEqual([]);
  });
});
