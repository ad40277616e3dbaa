import type { ShadowingRequest } from '../domain/requests';
import { applyTransition, type Actor } from '../domain/workflow/transitions';
import { VersionConflictError } from '../store/documentStore';
import type { HoldsRepository } from '../store/repositories/holdsRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { TasksRepository } from '../store/repositories/tasksRepository';
import { releasePlace } from './releasePlace';
import { writeTasks } from './writeTasks';

export type CancelResult = { ok: true; request: ShadowingRequest } | { ok: false; refusal: string };

/**
 * Cancels a request if the actor may, with a conditional write: when two people act at once,
 * exactly one change is made and the other is told what happened.
 */
export async function cancelRequest(
  deps: { requests: RequestsRepository; tasks: TasksRepository; holds: HoldsRepository },
  visitorId: string,
  requestId: string,
  actor: Actor,
  now: Date,
  reason?: string,
): Promise<CancelResult> {
  const found = await deps.requests.find(visitorId, requestId);
  if (!found) return { ok: false, refusal: 'I could not find that request. It may have been removed.' };
  const result = applyTransition(found.request, 'cancel', actor, now, reason);
  if (!result.ok) return result;
  try {
    await deps.requests.replace(result.request, found.etag);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    return { ok: false, refusal: 'Someone changed this request a moment ago. Please look at it again before cancelling.' };
  }
  await writeTasks(deps.tasks, result.request);
  await releasePlace(deps.holds, result.request);
  return result;
}
