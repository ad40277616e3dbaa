import { withoutCoverChoice, withRelease } from '../cover/coverTransitions';
import type { ReleaseSummary } from '../clash';
import type { ShadowingRequest } from '../requests';
import type { RotaRecheck } from './rotaRecheck';
import { applyTransition } from './transitions';

const SYSTEM = { id: 'system', isProgrammeLead: false } as const;

export const ROTA_CHANGED_REASON = 'The rota changed what the visit takes the visitor away from.';

/**
 * The request after a rota re-check: a changed release goes back to the manager (cover to be
 * chosen again, the host's place kept); a clash is recorded once everyone is told, and forgotten
 * when it has gone. Undefined when nothing is to be written.
 */
export function applyRotaRecheck(
  request: ShadowingRequest,
  recheck: RotaRecheck,
  now: Date,
): ShadowingRequest | undefined {
  const stamp = now.toISOString();
  const { rotaClash: _told, ...fits } = request;
  switch (recheck.outcome) {
    case 'unchanged':
      return undefined;
    case 'clash':
      return {
        ...request,
        rotaClash: recheck.key,
        updatedAt: stamp,
        heldRotaRecheck: { at: stamp, outcome: 'clash' },
      };
    case 'clash_cleared':
      return { ...fits, updatedAt: stamp, heldRotaRecheck: { at: stamp, outcome: 'clash_cleared' } };
    case 'release_changed': {
      const released = withoutCoverChoice(withRelease(fits, recheck.after));
      if (request.state === 'awaiting_manager') {
        const arrangerId = coverHandedOver(request);
        const held = { at: stamp, outcome: 'release_changed', before: recheck.before } as const;
        return {
          ...released,
          updatedAt: stamp,
          heldRotaRecheck: arrangerId ? { ...held, arrangerId } : held,
        };
      }
      const moved = applyTransition(released, 'rota_changed', SYSTEM, now, ROTA_CHANGED_REASON);
      return moved.ok
        ? withRecheckRecorded(moved.request, recheck.before, coverHandedOver(request))
        : undefined;
    }
  }
}

/**
 * Cover handed to someone other than the manager, being or already arranged: they hear that it is
 * on hold when the release goes back to the manager.
 */
export function coverHandedOver(request: ShadowingRequest): string | undefined {
  const { coverArrangerId, managerId, cover } = request;
  return coverArrangerId && coverArrangerId !== managerId && (cover === 'pending' || cover === 'arranged')
    ? coverArrangerId
    : undefined;
}

/** The move back to the manager, with the release it replaced and who was arranging cover. */
function withRecheckRecorded(
  request: ShadowingRequest,
  before: ReleaseSummary,
  arrangerId: string | undefined,
): ShadowingRequest {
  const history = [...request.history];
  const last = history.pop();
  if (!last) return request;
  const rotaRecheck = { before, ...(arrangerId ? { arrangerId } : {}) };
  return { ...request, history: [...history, { ...last, rotaRecheck }] };
}
