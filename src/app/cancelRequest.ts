import type { Actor } from '../domain/workflow/transitions';
import { decideOnRequest, type DecisionResult } from './decideOnRequest';
import type { Services } from './services';

/** Cancels a request if the actor may; the others involved are told, and the host's place is freed. */
export function cancelRequest(
  services: Services,
  visitorId: string,
  requestId: string,
  actor: Actor,
  now: Date,
  reason?: string,
): Promise<DecisionResult> {
  return decideOnRequest(services, actor, visitorId, requestId, { action: 'cancel', reason }, now);
}
