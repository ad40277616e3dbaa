import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Logger } from '../logging/logger';
import type { OutboxRepository } from '../store/repositories/outboxRepository';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { Notification } from './notifications';
import { mapWithConcurrency } from '../shared/mapWithConcurrency';

export type DeliveryOutcome =
  | { status: 'sent'; activityId?: string }
  | { status: 'unreachable' }
  | { status: 'retry'; error: string; retryAfterMs?: number };

/** Sends one message to one person (the Teams layer: cards, proactive messages, rate limits). */
export interface Deliverer {
  /** `request` is undefined for a message about no single request (the weekly digest). */
  deliver(
    person: Person,
    notification: Notification,
    request: ShadowingRequest | undefined,
  ): Promise<DeliveryOutcome>;
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
const MAX_BACKOFF_MS = 3_600_000;
/** After this many attempts a message still waiting is logged as a warning; it is never given up. */
const WARN_AFTER_ATTEMPTS = 10;

/**
 * Delivers one queued message at most once per claim: the message is claimed with a conditional
 * write (so only one run, on any instance, sends it), sent, then marked sent. A failure is retried
 * later with backoff (at most an hour apart), for as long as it takes; nothing is dropped.
 *
 * At least once, not exactly once: if the process dies after the connector accepted the message
 * and before it is marked sent, the claim runs out and the message is sent again.
 */
export async function deliverOne(
  deps: OutboxDependencies,
  personId: string,
  id: string,
  now: Date,
): Promise<void> {
  const found = await deps.outbox.find(personId, id);
  if (!found) return;
  const { notification, etag } = found;
  const stalled = notification.status === 'sending' && (notification.leaseUntil ?? '') < now.toISOString();
  if (notification.status !== 'pending' && !stalled) return;
  const claimed: Notification = {
    ...notification,
    status: 'sending',
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    attempts: notification.attempts + 1,
  };
  const claimedEtag = await deps.outbox.update(claimed, etag);
  if (!claimedEtag) return;

  const { outcome, person } = await attempt(deps, claimed);
  const finished = settle(claimed, outcome, now);
  await deps.outbox.update(finished, claimedEtag);
  if (finished.status === 'unreachable') {
    if (person) await deps.people.markUnreachable(person.id, now);
    await deps.onUnreachable?.(finished);
  }
  const level = finished.status === 'pending' && finished.attempts >= WARN_AFTER_ATTEMPTS ? 'warn' : 'info';
  deps.logger[level](
    { notificationId: id, kind: claimed.kind, status: finished.status, attempts: finished.attempts },
    'outbox delivery',
  );
}

/** Sends the message; `person` is set when it was the person who could not be reached. */
async function attempt(
  deps: OutboxDependencies,
  notification: Notification,
): Promise<{ outcome: DeliveryOutcome; person?: Person }> {
  try {
    const [person, request] = await Promise.all([
      deps.people.findById(notification.personId),
      notification.kind === 'weekly_digest'
        ? undefined
        : deps.requests.find(notification.visitorId, notification.requestId),
    ]);
    if (!person || (!request && notification.kind !== 'weekly_digest'))
      return { outcome: { status: 'unreachable' } };
    if (!person.conversation) return { outcome: { status: 'unreachable' }, person };
    const outcome = await deps.deliverer.deliver(person, notification, request?.request);
    return outcome.status === 'unreachable' ? { outcome, person } : { outcome };
  } catch (error) {
    return { outcome: { status: 'retry', error: error instanceof Error ? error.name : 'unknown error' } };
  }
}

function settle(notification: Notification, outcome: DeliveryOutcome, now: Date): Notification {
  const { leaseUntil: _lease, ...rest } = notification;
  if (outcome.status === 'sent')
    return {
      ...rest,
      status: 'sent',
      sentAt: now.toISOString(),
      ...(outcome.activityId ? { activityId: outcome.activityId } : {}),
    };
  if (outcome.status === 'unreachable') return { ...rest, status: 'unreachable' };
  const backoff =
    outcome.retryAfterMs ??
    Math.min(2 ** Math.min(notification.attempts, 20) * 5_000, MAX_BACKOFF_MS) * (0.5 + Math.random());
  return {
    ...rest,
    status: 'pending',
    lastError: outcome.error,
    nextAttemptAt: new Date(now.getTime() + backoff).toISOString(),
  };
}

/**
 * How many people are sent to at once. One at a time, each send waits for its store reads and
 * the connector, which kept a run well under Teams' 50 messages a second; the rate limiter, not
 * this, holds the pace.
 */
export const DELIVERY_CONCURRENCY = 8;

/**
 * Delivers everything due, oldest first: several people at once (at most `concurrency`), each
 * person's messages one after another in order. Several instances may run this at once; every
 * message is still claimed on its own. Each claim is stamped with `now` plus the time this run
 * has taken so far, so a slow run never claims a message with a lease that has already run out
 * (which would let another instance send it too).
 */
export async function deliverDue(
  deps: OutboxDependencies,
  now: Date,
  limit = 100,
  elapsedMs: () => number = stopwatch(),
  concurrency = DELIVERY_CONCURRENCY,
): Promise<number> {
  const due = await deps.outbox.listDue(now, limit);
  await mapWithConcurrency(groupByPerson(due), concurrency, async (messages) => {
    for (const notification of messages)
      await deliverOne(deps, notification.personId, notification.id, new Date(now.getTime() + elapsedMs()));
  });
  return due.length;
}

/** The messages grouped by recipient, in order of each recipient's first message. */
function groupByPerson(notifications: readonly Notification[]): Notification[][] {
  const groups = new Map<string, Notification[]>();
  for (const notification of notifications) {
    const group = groups.get(notification.personId);
    if (group) group.push(notification);
    else groups.set(notification.personId, [notification]);
  }
  return [...groups.values()];
}

function stopwatch(): () => number {
  const started = performance.now();
  return () => performance.now() - started;
}
