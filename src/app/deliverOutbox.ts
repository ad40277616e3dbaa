import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Logger } from '../logging/logger';
import type { OutboxRepository } from '../store/repositories/outboxRepository';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { Notification } from './notifications';

export type DeliveryOutcome =
  | { status: 'sent'; activityId?: string }
  | { status: 'unreachable' }
  | { status: 'retry'; error: string; retryAfterMs?: number };

/** Sends one message to one person (the Teams layer: cards, proactive messages, rate limits). */
export interface Deliverer {
  deliver(person: Person, notification: Notification, request: ShadowingRequest): Promise<DeliveryOutcome>;
}

export interface OutboxDependencies {
  outbox: OutboxRepository;
  people: PeopleRepository;
  requests: RequestsRepository;
  deliverer: Deliverer;
  logger: Logger;
  /** Called when a person cannot be reached, e.g. to send a manager's approval to the programme lead. */
  onUnreachable?: (notification: Notification) => Promise<void>;
}

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 10;

/**
 * Delivers one queued message at most once per claim: the message is claimed with a conditional
 * write (so only one run, on any instance, sends it), sent, then marked sent. A failure is retried
 * later with backoff; nothing is dropped.
 */
export async function deliverOne(deps: OutboxDependencies, personId: string, id: string, now: Date): Promise<void> {
  const found = await deps.outbox.find(personId, id);
  if (!found) return;
  const { notification, etag } = found;
  const stalled = notification.status === 'sending' && (notification.leaseUntil ?? '') < now.toISOString();
  if (notification.status !== 'pending' && !stalled) return;
  const claimed: Notification = { ...notification, status: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: notification.attempts + 1 };
  const claimedEtag = await deps.outbox.update(claimed, etag);
  if (!claimedEtag) return;

  const outcome = await attempt(deps, claimed);
  const finished = settle(claimed, outcome, now);
  await deps.outbox.update(finished, claimedEtag);
  if (finished.status === 'unreachable') await deps.onUnreachable?.(finished);
  deps.logger.info({ notificationId: id, kind: claimed.kind, status: finished.status, attempts: finished.attempts }, 'outbox delivery');
}

async function attempt(deps: OutboxDependencies, notification: Notification): Promise<DeliveryOutcome> {
  try {
    const [person, request] = await Promise.all([
      deps.people.findById(notification.personId),
      deps.requests.find(notification.visitorId, notification.requestId),
    ]);
    if (!person || !request) return { status: 'unreachable' };
    if (!person.conversation) return { status: 'unreachable' };
    return await deps.deliverer.deliver(person, notification, request.request);
  } catch (error) {
    return { status: 'retry', error: error instanceof Error ? error.name : 'unknown error' };
  }
}

function settle(notification: Notification, outcome: DeliveryOutcome, now: Date): Notification {
  const { leaseUntil: _lease, ...rest } = notification;
  if (outcome.status === 'sent') return { ...rest, status: 'sent', sentAt: now.toISOString(), ...(outcome.activityId ? { activityId: outcome.activityId } : {}) };
  if (outcome.status === 'unreachable') return { ...rest, status: 'unreachable' };
  if (notification.attempts >= MAX_ATTEMPTS) return { ...rest, status: 'failed', lastError: outcome.error };
  const backoff = outcome.retryAfterMs ?? Math.min(2 ** notification.attempts * 5_000, 3_600_000) * (0.5 + Math.random());
  return { ...rest, status: 'pending', lastError: outcome.error, nextAttemptAt: new Date(now.getTime() + backoff).toISOString() };
}

/** Delivers everything due, oldest first. Several instances may run this at once. */
export async function deliverDue(deps: OutboxDependencies, now: Date, limit = 100): Promise<number> {
  const due = await deps.outbox.listDue(now, limit);
  for (const notification of due) await deliverOne(deps, notification.personId, notification.id, now);
  return due.length;
}
