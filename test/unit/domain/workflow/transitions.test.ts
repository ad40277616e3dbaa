import type { RequestState, ShadowingRequest } from '../../../../src/domain/requests';
import { REQUEST_STATES } from '../../../../src/domain/requests';
import {
  applyTransition,
  TRANSITIONS,
  type Action,
  type Actor,
} from '../../../../src/domain/workflow/transitions';

const AT = new Date('2026-11-23T10:00:00Z');

function request(state: RequestState, overrides: Partial<ShadowingRequest> = {}): ShadowingRequest {
  return {
    id: 'r1',
    visitorId: 'visitor',
    managerId: 'manager',
    hostId: 'host',
    offerId: 'o1',
    state,
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
  otherManager: { id: 'other-manager', isProgrammeLead: false },
  host: { id: 'host', isProgrammeLead: false },
  otherHost: { id: 'other-host', isProgrammeLead: false },
  lead: { id: 'lead', isProgrammeLead: true },
  stranger: { id: 'stranger', isProgrammeLead: false },
  system: { id: 'system', isProgrammeLead: false },
};

/** Who may make each move, written out independently of the rules table. */
const ALLOWED: Record<Action, string[]> = {
  submit: ['visitor'],
  approve: ['manager', 'lead'],
  decline_release: ['manager', 'lead'],
  accept: ['host'],
  accept_rota_changed: ['host'],
  rota_changed: ['system'],
  decline_visit: ['host'],
  propose_time: ['host'],
  accept_time: ['visitor'],
  accept_time_for_manager: ['visitor'],
  reject_time: ['visitor'],
  cancel: ['visitor', 'host', 'lead'],
  cancel_for_cover: ['manager', 'lead'],
  complete: ['visitor', 'host', 'lead', 'system'],
  no_show: ['host', 'lead'],
  expire: ['system'],
  withdraw: ['system'],
};

const cells = (Object.keys(TRANSITIONS) as Action[]).flatMap((action) =>
  REQUEST_STATES.flatMap((state) => Object.keys(ACTORS).map((actor) => [action, state, actor] as const)),
);

describe('the request workflow', () => {
  it.each(cells)(
    '%s from %s by %s: allowed only for the right role and state',
    (action, state, actorName) => {
      const before = request(state);
      const result = applyTransition(before, action, ACTORS[actorName] as Actor, AT, 'a reason');
      const rule = TRANSITIONS[action];
      const hostTooEarly = action === 'cancel' && actorName === 'host' && state === 'awaiting_manager';
      const allowed =
        ALLOWED[action].includes(actorName) &&
        (rule.from as readonly RequestState[]).includes(state) &&
        !hostTooEarly;
      expect(result.ok).toBe(allowed);
      if (result.ok) {
        expect(result.request.state).toBe(rule.to);
        expect(result.request.history).toEqual([
          {
            from: state,
            to: rule.to,
            by: (ACTORS[actorName] as Actor).id,
            at: AT.toISOString(),
            reason: 'a reason',
          },
        ]);
      } else {
        expect(result.refusal).toMatch(/Nothing has been changed\./);
      }
      expect(before.state).toBe(state);
      expect(before.history).toEqual([]);
    },
  );

  it('refuses a manager approving their own request', () => {
    const own = request('awaiting_manager', { visitorId: 'manager', managerId: 'manager' });
    expect(applyTransition(own, 'approve', ACTORS.manager as Actor, AT).ok).toBe(false);
  });

  it('refuses a programme lead deciding on their own request', () => {
    const own = request('awaiting_manager', { visitorId: 'lead', managerId: undefined });
    expect(applyTransition(own, 'approve', ACTORS.lead as Actor, AT).ok).toBe(false);
  });

  it.each(['decline_release', 'decline_visit'] as const)('%s needs a reason', (action) => {
    const state = action === 'decline_release' ? 'awaiting_manager' : 'awaiting_host';
    const actor = action === 'decline_release' ? ACTORS.manager : ACTORS.host;
    const result = applyTransition(request(state), action, actor as Actor, AT, '   ');
    expect(result).toEqual({ ok: false, refusal: 'Please give a short reason, so the visitor knows why.' });
  });

  it('explains a move that is too late in plain words', () => {
    const result = applyTransition(request('cancelled'), 'approve', ACTORS.manager as Actor, AT);
    expect(result).toEqual({
      ok: false,
      refusal: 'This request is already cancelled, so that can no longer be done. Nothing has been changed.',
    });
  });
});
