import type { Logger } from '../logging/logger';
import type { OutboxDependencies } from './deliverOutbox';
import { withoutRoutingOwed, type Notification } from './notifications';
import { runContained } from './runContained';

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

/**
 * The scheduler's part: every message whose routing has been owed for ROUTING_SETTLE_MS (the store
 * failed, or the process stopped, after it was recorded unreachable) is routed now, each on its
 * own, so one failing is logged and left for the next tick. Resolves how many were taken on.
 */
export async function routeOwedRouting(
  deps: RoutingDependencies,
  now: Date,
  logger?: Logger,
): Promise<number> {
  const settled = new Date(now.getTime() - ROUTING_SETTLE_MS);
  const owed = await deps.outbox.listRoutingOwed(settled, ROUTING_PAGE);
  for (const notification of owed)
    await runContained(
      logger,
      'route around an unreachable person',
      { notificationId: notification.id },
      () => routeAroundRecipient(deps, notification, now),
      undefined,
    );
  return owed.length;
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
