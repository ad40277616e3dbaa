import type { ShadowingRequest } from '../domain/requests';
import { applyTransition, type Action } from '../domain/workflow/transitions';
import { VersionConflictError } from '../store/documentStore';
import type { Notification } from './notifications';
import { notifyParties } from './notifyParties';
import { releasePlace } from './releasePlace';
import type { Services } from './services';
import { writeTasks } from './writeTasks';

const SYSTEM = { id: 'system', isProgrammeLead: false } as const;

/**
 * A move the service makes itself (an expiry, a withdrawal): the request read fresh, moved if it
 * still may be, written on the version read, then its pointers, its place given back and its
 * messages. A request that changed meanwhile is left for the next run, which reads it again.
 */
export async function systemMove(
  services: Services,
  request: ShadowingRequest,
  action: Action,
  words: { reason: string; note: string },
  now: Date,
): Promise<Notification[]> {
  const found = await services.requests.find(request.visitorId, request.id);
  if (!found) return [];
  const moved = applyTransition(found.request, action, SYSTEM, now, words.reason);
  if (!moved.ok) return [];
  try {
    await services.requests.replace(moved.request, found.etag);
  } catch (error) {
    if (error instanceof VersionConflictError) return [];
    throw error;
  }
  await writeTasks(services.tasks, moved.request);
  await releasePlace(services.holds, moved.request);
  return notifyParties(services.outbox, moved.request, action, 'system', now, words.note);
}
