import type { ShadowingRequest } from '../requests';
import type { Actor } from './transitions';

/** As whom a person sees a request. */
export type Viewer = 'visitor' | 'manager' | 'host' | 'programme_lead';

/**
 * Who may see a request, and as whom (the first that applies): the visitor, their line manager,
 * the host once a manager has released the visitor (before that the host has not been told of
 * it), and programme leads. Anyone else may learn nothing about it, not even its state.
 */
export function viewerOf(request: ShadowingRequest, actor: Actor): Viewer | undefined {
  if (actor.id === 'system') return undefined;
  if (actor.id === request.visitorId) return 'visitor';
  if (actor.id === request.managerId) return 'manager';
  if (actor.id === request.hostId && hostHasBeenTold(request)) return 'host';
  if (actor.isProgrammeLead) return 'programme_lead';
  return undefined;
}

/** A host hears of a request only once a manager has released the visitor. */
export function hostHasBeenTold(request: ShadowingRequest): boolean {
  return request.history.some((t) => t.to === 'awaiting_host');
}

/** What a person who may not see a request is told: nothing about it. */
export const NOT_YOURS = 'You cannot act on that request. Nothing has been changed.';
