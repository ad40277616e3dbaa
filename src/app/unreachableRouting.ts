import type { Logger } from '../logging/logger';
import type { OutboxDependencies } from './deliverOutbox';
import { withoutRoutingOwed, type Notification } from './notifications';

export type RoutingDependencies = Pick<OutboxDependencies, 'outbox' | 'people' | 'onUnreachable'>;

/**
 * How long the run that recorded a message unreachable has to route around the person before the
 * scheduler does it instead: long past the few store writes and Graph calls that takes.
 */
export const ROUTING_SETTLE_MS = 2 * 60_000;
/** Messages owed routing taken on per scheduler tick; the rest wait for the next. */
export const ROUTING_PAGE = 50;

/**
 * Once a message is recorded unreachable: the person is marked unreachable (when it was they who
 * could not be reached), someone who can act is told (onUnreachable), and the message's routing
 * owed is then removed. Safe to repeat, so the scheduler can finish what a failed or stopped run
 * left: marking is idempotent, and what onUnreachable queues has ids derived from its cause.
 */
export async function routeAroundRecipient(
  deps: RoutingDependencies,
  notification: Notification,
  now: Date,
): Promise<void> {
  if (notification.recipientUnreachable) await deps.people.markUnreachable(notification.personId, now);
  await deps.onUnreachable?.(notification);
  await markRouted(deps, notification);
}

/** The longest a message whose routing keeps failing waits between attempts. */
export const ROUTING_RETRY_MAX_MS = 6 * 60 * 60_000;

/**
 * The scheduler's part: every message whose routing has been owed for ROUTING_SETTLE_MS (the store
 * failed, or the process stopped, after it was recorded unreachable) is routed now, oldest first,
 * each on its own. One that fails is noted on the message and moved behind the others, to be tried
 * again after a wait that doubles with each failure (up to ROUTING_RETRY_MAX_MS): a message that
 * can never be routed delays no other. Its first failure is logged at error level; later ones
 * only at debug, so the log says what is wrong once. Resolves how many were taken on.
 */
export async function routeOwedRouting(
  deps: RoutingDependencies,
  now: Date,
  logger?: Logger,
): Promise<number> {
  const settled = new Date(now.getTime() - ROUTING_SETTLE_MS);
  const owed = await deps.outbox.listRoutingOwed(settled, ROUTING_PAGE);
  for (const notification of owed) {
    try {
      await routeAroundRecipient(deps, notification, now);
    } catch (error) {
      await noteFailedRouting(deps, notification, now, error, logger);
    }
  }
  return owed.length;
}

/**
 * Notes a failed routing on the message, if it still holds this same owing, and moves its turn on.
 * A failure to note it is logged; the message is then tried again on the next tick.
 */
async function noteFailedRouting(
  deps: RoutingDependencies,
  notification: Notification,
  now: Date,
  error: unknown,
  logger?: Logger,
): Promise<void> {
  const failures = (notification.routingFailures ?? 0) + 1;
  const retryIn = Math.min(ROUTING_SETTLE_MS * 2 ** (failures - 1), ROUTING_RETRY_MAX_MS);
  const retryAt = new Date(now.getTime() + retryIn - ROUTING_SETTLE_MS);
  const fields = { err: error, notificationId: notification.id, requestId: notification.requestId, failures };
  if (failures === 1)
    logger?.error(
      fields,
      'routing around an unreachable person failed; it is tried again after a longer wait each time, and not logged again',
    );
  else logger?.debug(fields, 'routing around an unreachable person failed again');
  try {
    const found = await deps.outbox.find(notification.personId, notification.id);
    const stored = found?.notification;
    if (!found || !stored || stored.routingOwedSince !== notification.routingOwedSince) return;
    await deps.outbox.update(
      { ...stored, routingOwedSince: retryAt.toISOString(), routingFailures: failures },
      found.etag,
    );
  } catch (noteError) {
    logger?.warn(
      { err: noteError, notificationId: notification.id },
      'could not note a failed routing; it is tried again on the next tick',
    );
  }
}

/**
 * Removes the routing owed, if the message still holds this same owing: not when it was put back
 * to be sent (reachOut) or recorded unreachable again since. A message changed meanwhile keeps it,
 * and is routed again later, which adds nothing.
 */
async function markRouted(deps: RoutingDependencies, notification: Notification): Promise<void> {
  const found = await deps.outbox.find(notification.personId, notification.id);
  const stored = found?.notification;
  if (!found || !stored || stored.status !== 'unreachable' || stored.routingOwedSince === undefined) return;
  if (stored.routingOwedSince !== notification.routingOwedSince) return;
  await deps.outbox.update(withoutRoutingOwed(stored), found.etag);
}
