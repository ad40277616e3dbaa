import type { Logger } from '../logging/logger';
import type { DocumentStore } from '../store/documentStore';
import { findFirstMonday } from './demoRota';
import { refreshDemoWeek } from './refreshDemoWeek';

/**
 * Keeps the demo laid out for the current week: the first call, and the first call after each
 * Monday midnight (Europe/London), brings the demo up to date before it resolves; every other call
 * compares two numbers. Calls made while it is being brought up to date wait for the same work. A
 * store that cannot be brought up to date is logged and tried again on the next call: the demo is
 * then a week behind, which is no reason to stop a turn.
 */
export function createDemoWeekKeeper(
  store: DocumentStore,
  clock: () => Date,
  logger: Logger,
): () => Promise<void> {
  let currentUntil = -Infinity;
  let running: Promise<void> | undefined;
  const bringUpToDate = async (now: Date): Promise<void> => {
    try {
      const outcome = await refreshDemoWeek(store, now);
      if (outcome === 'refreshed')
        logger.info({ week: findFirstMonday(now).toISODate() }, 'laid the demo rota out for this week');
      currentUntil = outcome === 'no_demo' ? Infinity : findFirstMonday(now).plus({ weeks: 1 }).toMillis();
    } catch (error) {
      logger.warn(
        { err: error },
        'could not lay the demo rota out for this week; trying again on the next turn',
      );
    }
  };
  return () => {
    const now = clock();
    if (now.getTime() < currentUntil) return Promise.resolve();
    running ??= bringUpToDate(now).finally(() => {
      running = undefined;
    });
    return running;
  };
}
