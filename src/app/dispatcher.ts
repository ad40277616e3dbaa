import { redrawAskedCards } from './cardsToRedraw';
import { deliverDue } from './deliverDue';
import { deliverOne, type Deliverer, type OutboxDependencies } from './deliverOutbox';
import type { Notification } from './notifications';
import { routeAroundUnreachable } from './routeAroundUnreachable';
import { runContained } from './runContained';
import { routeOwedRouting } from './unreachableRouting';
import { redrawAfterMove, type PressedCard } from './redrawAfterMove';
import { INSTANCE_ID, queueDueWork, takeLease } from './scheduledWork';
import { claimOwnShare } from './sending/senderShares';
import type { Services } from './services';
import type { Logger } from '../logging/logger';
import type { DocumentStore } from '../store/documentStore';
import { DEFAULT_DIGEST_SETTINGS, type DigestSettings } from '../domain/digest/digestSettings';
import { queueWeeklyDigests } from './digest/queueWeeklyDigests';

export interface Dispatcher {
  /**
   * Starts delivering freshly queued messages without holding up the turn: now, or once `after`
   * settles (the turn's answer has gone). `idle` waits for them from the moment they are kicked.
   * With them, the earlier cards of those the move sent nothing to are brought up to date (see
   * redrawAfterMove); `pressed` is the card whose button made the move, if one did.
   */
  kick(queued: Notification[], after?: Promise<void>, pressed?: PressedCard): void;
  /**
   * One scheduler tick: reminders and expiries, and routing around people found unreachable that
   * a failure left owed (lease holder only), then everything due, then the week's digests. Never
   * rejects: a part that fails is logged and the others still run.
   */
  tick(): Promise<void>;
  /** Resolves when every kicked delivery has finished (for tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * A tick sends what is due for at most this long, then lets the next tick start (reminders and
 * expiries wait for it); at about 48 a second that is over 2,000 messages a tick.
 */
export const TICK_DELIVERY_BUDGET_MS = 45_000;

export function createDispatcher(
  store: DocumentStore,
  services: Services,
  deliverer: Deliverer,
  logger: Logger,
  digest: DigestSettings = DEFAULT_DIGEST_SETTINGS,
  reachOut?: (notification: Notification, services: Services, logger: Logger) => Promise<boolean>,
  timing: Pick<OutboxDependencies, 'renewClaimEveryMs' | 'sleep'> = {},
): Dispatcher {
  const inFlight = new Set<Promise<void>>();
  const deps: OutboxDependencies = {
    outbox: services.outbox,
    people: services.people,
    requests: services.requests,
    deliverer,
    logger,
    clock: services.clock,
    ...timing,
    onUnreachable: async (notification) => {
      // With Graph on: the app is installed for someone the bot has never talked to, and the message tried again later.
      if (await reachOut?.(notification, services, logger)) return;
      dispatcher.kick(await routeAroundUnreachable(services, notification, services.clock()));
    },
  };
  const track = (work: Promise<void>) => {
    const tracked = work
      .catch((error: unknown) => logger.error({ err: error }, 'delivery failed; it will be retried'))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  const dispatcher: Dispatcher = {
    kick: (queued, after, pressed) => {
      const deliver = (n: Notification) => deliverOne(deps, n.personId, n.id, services.clock());
      for (const n of queued) track(after ? after.then(() => deliver(n)) : deliver(n));
      const redraw = () => redrawAfterMove(services, deliverer, queued, pressed);
      if (queued.length > 0) track(after ? after.then(redraw) : redraw());
    },
    tick: async () => {
      const now = services.clock();
      // Each part is contained: one that fails is logged, and the others (and the next tick) still run.
      const leader = await runContained(logger, 'scheduler lease', {}, () => takeLease(store, now), false);
      const due = leader
        ? await runContained(
            logger,
            'due work',
            {},
            () => queueDueWork(store, services, now, undefined, logger),
            [],
          )
        : [];
      // Before this tick's deliveries, so what the routing queues is sent in them.
      if (leader)
        await runContained(
          logger,
          'route around unreachable people',
          {},
          () => routeOwedRouting(deps, now, logger),
          0,
        );
      // The run's elapsed time read from the same clock as `now`, so a test's clock stamps exactly.
      await runContained(
        logger,
        'deliver due messages',
        {},
        () =>
          deliverDue(deps, now, {
            elapsedMs: () => Math.max(0, services.clock().getTime() - now.getTime()),
            budgetMs: TICK_DELIVERY_BUDGET_MS,
            share: () => claimOwnShare(store, INSTANCE_ID, services.clock().getTime()),
          }),
        0,
      );
      // A request closed (expired) with no word to someone holding a card about it: the card is drawn again.
      await runContained(
        logger,
        'redraw earlier cards',
        {},
        () => redrawAfterMove(services, deliverer, due),
        undefined,
      );
      // Cards about visits a rota import from the command line checked again (it cannot reach Teams).
      if (leader)
        await runContained(
          logger,
          'redraw cards asked for',
          {},
          () => redrawAskedCards(store, services, deliverer),
          0,
        );
      // After this tick's deliveries, so a Monday's digests never hold up a decision; sent next tick.
      if (leader)
        await runContained(
          logger,
          'weekly digests',
          {},
          () => queueWeeklyDigests(store, services, now, digest),
          [],
        );
    },
    idle: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
  return dispatcher;
}
