import { moveOf } from '../../../src/app/transitionFilings';
import type { RequestState, ShadowingRequest, Transition } from '../../../src/domain/requests';

const AT = '2025-03-03T09:00:00.000Z';
const request: ShadowingRequest = {
  id: 'r1',
  visitorId: 'visitor',
  managerId: 'manager',
  hostId: 'host',
  state: 'cancelled',
  purpose: 'To learn',
  objectives: [],
  history: [],
  createdAt: AT,
  updatedAt: AT,
};
const entry = (from: RequestState, to: RequestState, by: string): Transition => ({ from, to, by, at: AT });

/** The move a history entry records, as the scheduler reads it to file what the move owed. */
describe('moveOf', () => {
  it.each([
    [entry('draft', 'awaiting_manager', 'visitor'), 'submit'],
    [entry('awaiting_manager', 'awaiting_host', 'manager'), 'approve'],
    [entry('awaiting_host', 'confirmed', 'host'), 'accept'],
    [entry('awaiting_host', 'awaiting_manager', 'host'), 'accept_rota_changed'],
    [entry('confirmed', 'awaiting_manager', 'system'), 'rota_changed'],
    [entry('awaiting_host', 'awaiting_manager', 'system'), 'rota_changed'],
    [entry('host_proposed_time', 'awaiting_manager', 'visitor'), 'accept_time_for_manager'],
    [entry('confirmed', 'cancelled', 'visitor'), 'cancel'],
    [entry('confirmed', 'cancelled', 'host'), 'cancel'],
    [entry('confirmed', 'cancelled', 'manager'), 'cancel_for_cover'],
    [entry('confirmed', 'cancelled', 'a programme lead'), 'cancel'],
    // A visitor turning down a new time and one cancelling while it waits look alike: the narrower.
    [entry('host_proposed_time', 'cancelled', 'visitor'), 'reject_time'],
    [entry('awaiting_host', 'expired', 'system'), 'expire'],
    [entry('confirmed', 'completed', 'system'), 'complete'],
    [entry('confirmed', 'completed', 'visitor'), 'complete'],
  ] as const)('reads %o as %s', (transition, action) => {
    expect(moveOf(request, transition)).toBe(action);
  });

  it('reads no move where none leads between the states', () => {
    expect(moveOf(request, entry('cancelled', 'confirmed', 'visitor'))).toBeUndefined();
    expect(moveOf(request, entry('awaiting_manager', 'confirmed', 'system'))).toBeUndefined();
  });
});
