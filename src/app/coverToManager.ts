import type { ShadowingRequest } from '../domain/requests';
import { VersionConflictError } from '../store/documentStore';
import { COVER_ASKING_STEPS, type Notification } from './notifications';
import { newNotification } from './notifyParties';
import type { Services } from './services';

/**
 * The rota coordinator handed the cover cannot be reached in Teams: the cover passes to the
 * manager, whose cover card says why. Written only if the request has not changed meanwhile; a
 * run after a crash finds the manager already arranging it and queues the card once.
 */
export async function handCoverToManager(
  services: Services,
  request: ShadowingRequest,
  coordinatorId: string,
  now: Date,
): Promise<Notification[]> {
  const found = await services.requests.find(request.visitorId, request.id);
  const current = found?.request;
  if (!found || !current?.managerId || current.cover !== 'pending') return [];
  if (current.coverArrangerId === coordinatorId) {
    try {
      await services.requests.replace(
        { ...current, coverArrangerId: current.managerId, updatedAt: now.toISOString() },
        found.etag,
      );
    } catch (error) {
      if (error instanceof VersionConflictError) return [];
      throw error;
    }
  } else if (current.coverArrangerId !== current.managerId) return [];
  const name = (await services.people.findById(coordinatorId))?.name ?? 'The rota coordinator';
  const notification = newNotification(
    'cover_needed',
    current,
    current.managerId,
    `${COVER_ASKING_STEPS.coordinatorUnreachable}${coordinatorId}`,
    now,
    `${name} cannot be reached in Teams, so please arrange cover yourself, then press Cover arranged here.`,
  );
  return (await services.outbox.enqueue(notification)) ? [notification] : [];
}
