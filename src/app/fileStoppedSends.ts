import type { ShadowingRequest } from '../domain/requests';
import { ExpiringCache } from '../shared/expiringCache';
import { notificationId, type Notification } from './notifications';
import { fileWhatSendingMissed, type SubmitDependencies } from './submitRequest';

/** A send still filing its own pointers and message is left alone for this long. */
export const SEND_SETTLE_MS = 60_000;

/** Requests already found filed: each is looked at once a day per instance, not on every tick. */
export function stoppedSendsChecked(now?: () => number): ExpiringCache<true> {
  return new ExpiringCache<true>({ ttlMs: 24 * 60 * 60_000, maxEntries: 10_000, now });
}

/**
 * A send stores the request, then files the manager's message and the manager's and host's
 * pointers. A process stopped between the two (killed, or the store failing with nobody left to
 * click Send again) leaves a request its manager never hears of. Once a request has waited
 * `SEND_SETTLE_MS` for its manager as sent, the scheduler reads whether those three are there and
 * files whatever is missing; filing again never files anything twice.
 */
export async function fileStoppedSend(
  services: SubmitDependencies,
  request: ShadowingRequest,
  now: Date,
  checked: ExpiringCache<true>,
): Promise<Notification[]> {
  if (request.state !== 'awaiting_manager' || request.history.length !== 1) return [];
  if (Date.parse(request.createdAt) + SEND_SETTLE_MS > now.getTime()) return [];
  if (checked.get(request.id)) return [];
  const readStarted = checked.startRead();
  const queued = (await isFiled(services, request))
    ? []
    : await fileWhatSendingMissed(services, request, now);
  checked.set(request.id, true, readStarted);
  return queued;
}

async function isFiled(
  services: Pick<SubmitDependencies, 'outbox' | 'tasks'>,
  request: ShadowingRequest,
): Promise<boolean> {
  const { managerId, hostId } = request;
  const step = String(request.history.length);
  const found = await Promise.all([
    managerId
      ? services.outbox.find(managerId, notificationId('approval_needed', request.id, managerId, step))
      : true,
    managerId ? services.tasks.find(managerId, 'manager', request.id) : true,
    hostId ? services.tasks.find(hostId, 'host', request.id) : true,
  ]);
  return found.every((one) => one !== undefined);
}
