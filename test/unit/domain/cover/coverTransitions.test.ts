import { estimateCover, type CoverStatus } from '../../../../src/domain/cover/coverMethods';
import { rateFor } from '../../../../src/domain/cover/coverRates';
import {
  applyCoverAction,
  chooseCover,
  COVER_ACTIONS,
  releaseChanged,
  type CoverAction,
} from '../../../../src/domain/cover/coverTransitions';
import { DEFAULT_COVER_RATES } from '../../../../src/domain/cover/defaultCoverRates';
import { configuredCoordinator, mostNamedCoordinator } from '../../../../src/domain/cover/findCoordinator';
import { readCover } from '../../../../src/domain/cover/readCover';
import type { Person } from '../../../../src/domain/people';
import { REQUEST_STATES, type RequestState, type ShadowingRequest } from '../../../../src/domain/requests';
import type { Actor } from '../../../../src/domain/workflow/transitions';

const AT = new Date('2027-03-02T10:00:00Z');
const WORK = { timeBasis: 'work_time' as const, releaseHours: 4, coverHours: 4 };
const ESTIMATE = estimateCover(4, rateFor(DEFAULT_COVER_RATES, 'medical', 'FY1')!);

function request(overrides: Partial<ShadowingRequest> = {}): ShadowingRequest {
  return {
    id: 'r1',
    visitorId: 'visitor',
    managerId: 'manager',
    hostId: 'host',
    state: 'awaiting_host',
    purpose: 'To learn',
    objectives: ['a'],
    history: [],
    createdAt: AT.toISOString(),
    updatedAt: AT.toISOString(),
    ...overrides,
  };
}

const ACTORS: Record<string, Actor> = {
  visitor: { id: 'visitor', isProgrammeLead: false },
  manager: { id: 'manager', isProgrammeLead: false },
  coordinator: { id: 'coordinator', isProgrammeLead: false },
  host: { id: 'host', isProgrammeLead: false },
  lead: { id: 'lead', isProgrammeLead: true },
  stranger: { id: 'stranger', isProgrammeLead: false },
};

describe('requests stored before cover was recorded', () => {
  it('read as own time, nothing released, no cover', () => {
    expect(readCover(request())).toEqual({
      timeBasis: 'own_time',
      releaseHours: 0,
      coverHours: 0,
      cover: 'not_needed',
    });
  });
});

describe('the manager’s cover choice', () => {
  it.each([
    ['not_needed', 'not_needed', 0, undefined],
    ['within_team', 'arranged', 0, undefined],
    ['bank_or_locum', 'pending', ESTIMATE.bankGbp, 'manager'],
    ['rota_coordinator', 'pending', ESTIMATE.bankGbp, 'coordinator'],
  ] as const)('%s starts cover as %s, costed at %s, arranged by %s', (method, status, cost, arranger) => {
    const chosen = chooseCover(request({ state: 'awaiting_host' }), {
      release: WORK,
      estimate: ESTIMATE,
      method,
      arrangerId: method === 'rota_coordinator' ? 'coordinator' : 'manager',
      by: 'manager',
      at: AT,
    });
    expect(chosen).toMatchObject({ ...WORK, cover: status, coverMethod: method, coverCostEstimateGbp: cost });
    expect(chosen.coverArrangerId).toBe(arranger);
    expect(chosen.coverHistory).toEqual([{ to: status, by: 'manager', at: AT.toISOString() }]);
  });

  it('records no cover for a release that needs none (training or study time), whatever was chosen', () => {
    const chosen = chooseCover(request(), {
      release: { timeBasis: 'work_time', releaseHours: 3, coverHours: 0 },
      method: 'bank_or_locum',
      arrangerId: 'manager',
      by: 'manager',
      at: AT,
    });
    expect(chosen).toMatchObject({ cover: 'not_needed', coverMethod: 'not_needed', releaseHours: 3 });
    expect(chosen.coverArrangerId).toBeUndefined();
  });

  it.each([
    [{}, WORK, true],
    [WORK, WORK, false],
    [WORK, { ...WORK, releaseHours: 3, coverHours: 3 }, true],
    [WORK, { timeBasis: 'own_time' as const, releaseHours: 0, coverHours: 0 }, true],
    [{}, { timeBasis: 'own_time' as const, releaseHours: 0, coverHours: 0 }, false],
  ])('sees a changed release: stored %j, now %j -> %s', (stored, now, changed) => {
    expect(releaseChanged(request(stored), now)).toBe(changed);
  });
});

describe('decisions about cover', () => {
  const OPEN: readonly RequestState[] = ['awaiting_host', 'host_proposed_time', 'confirmed'];
  const STATUSES: readonly CoverStatus[] = ['not_needed', 'pending', 'arranged', 'failed'];
  const cells = COVER_ACTIONS.flatMap((action) =>
    REQUEST_STATES.flatMap((state) =>
      STATUSES.flatMap((status) =>
        Object.keys(ACTORS).map((actor) => [action, state, status, actor] as const),
      ),
    ),
  );

  /** Who may do what, written out apart from the code. */
  function allowed(action: CoverAction, state: RequestState, status: CoverStatus, actor: string): boolean {
    if (!OPEN.includes(state)) return false;
    if (action === 'release_without_cover') return status === 'failed' && ['manager', 'lead'].includes(actor);
    return status === 'pending' && ['manager', 'lead', 'coordinator'].includes(actor);
  }

  it.each(cells)(
    '%s from %s with cover %s by %s: only the right person at the right step',
    (action, state, status, name) => {
      const before = request({
        state,
        cover: status,
        coverMethod: 'rota_coordinator',
        coverArrangerId: 'coordinator',
      });
      const result = applyCoverAction(before, action, ACTORS[name] as Actor, AT, 'Nobody on the bank');
      expect(result.ok).toBe(allowed(action, state, status, name));
      if (!result.ok) {
        const party = ['manager', 'lead', 'coordinator'].includes(name);
        expect(result.party).toBe(party);
        expect(result.refusal).toMatch(/Nothing has been changed\.$/);
        // Someone with no part in it learns nothing about the request.
        if (!party) expect(result.refusal).toBe('You cannot act on that request. Nothing has been changed.');
      }
    },
  );

  it('records who decided, when and why, and what cover became', () => {
    const before = request({ cover: 'pending', coverArrangerId: 'coordinator' });
    const failed = applyCoverAction(
      before,
      'cover_failed',
      ACTORS.coordinator as Actor,
      AT,
      '  Nobody on the bank ',
    );
    expect(failed).toMatchObject({
      ok: true,
      request: {
        cover: 'failed',
        coverFailedReason: 'Nobody on the bank',
        coverHistory: [{ from: 'pending', to: 'failed', by: 'coordinator', reason: 'Nobody on the bank' }],
      },
    });
    const released = applyCoverAction(
      (failed as { request: ShadowingRequest }).request,
      'release_without_cover',
      ACTORS.manager as Actor,
      AT,
    );
    expect(released).toMatchObject({ ok: true, request: { cover: 'failed', releasedWithoutCover: true } });
    const again = applyCoverAction(
      (released as { request: ShadowingRequest }).request,
      'release_without_cover',
      ACTORS.manager as Actor,
      AT,
    );
    expect(again).toMatchObject({ ok: false, party: true });
  });

  it('asks for a reason before cannot cover, and changes nothing without one', () => {
    const before = request({ cover: 'pending', coverArrangerId: 'coordinator' });
    expect(applyCoverAction(before, 'cover_failed', ACTORS.coordinator as Actor, AT, '   ')).toEqual({
      ok: false,
      party: true,
      canTryAgain: true,
      refusal:
        'Please say briefly why cover cannot be arranged, so the manager knows. Nothing has been changed.',
    });
  });

  it('never lets the visitor decide their own cover, even if named to arrange it', () => {
    const before = request({ cover: 'pending', coverArrangerId: 'visitor' });
    expect(applyCoverAction(before, 'cover_arranged', ACTORS.visitor as Actor, AT)).toMatchObject({
      ok: false,
      party: false,
    });
  });
});

describe('the department’s rota coordinator', () => {
  const person = (id: string, coordinator?: string): Person => ({
    id,
    email: `${id}@example.nhs.uk`,
    name: id,
    jobTitle: 'Nurse',
    department: 'Ward 7',
    profession: 'nursing',
    roles: ['staff'],
    ...(coordinator ? { rotaCoordinatorId: coordinator } : {}),
  });

  it('is the one most of its people name, ties going to the same one every time', () => {
    expect(mostNamedCoordinator([person('a', 'x'), person('b', 'y'), person('c', 'y'), person('d')])).toBe(
      'y',
    );
    expect(mostNamedCoordinator([person('a', 'y'), person('b', 'x')])).toBe('x');
    expect(mostNamedCoordinator([person('b', 'x'), person('a', 'y')])).toBe('x');
    expect(mostNamedCoordinator([person('a'), person('x', 'x')])).toBeUndefined();
  });

  it('is the configured one first, matched on the department’s name without case or spacing', () => {
    expect(configuredCoordinator({ 'Acute  Medicine ': 'c@example.nhs.uk' }, 'acute medicine')).toBe(
      'c@example.nhs.uk',
    );
    expect(configuredCoordinator({ 'Acute Medicine': 'c@example.nhs.uk' }, 'Ward 7')).toBeUndefined();
  });
});
